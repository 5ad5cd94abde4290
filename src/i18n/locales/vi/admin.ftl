## Quản trị: duyệt cộng tác viên

admin-new-registration =
    <b>Đăng ký mới</b>: { $name } ({ $code })
    Tỉnh/thành: { $province } · Người giới thiệu: { $referrer }
pending-none = Không có đăng ký nào đang chờ duyệt.
pending-header = Có { $count } đăng ký đang chờ duyệt:
pending-item = <b>{ $code }</b> · { $name } · { $province } · giới thiệu: { $referrer }
usage-approve = Cách dùng: /approve MÃ, ví dụ /approve CTV0042
usage-reject = Cách dùng: /reject MÃ lý do, ví dụ /reject CTV0042 sai số tài khoản
collaborator-not-found = Không tìm thấy cộng tác viên { $code }.
decision-already = { $code } đã được xử lý trước đó ({ $status }).
admin-approved = Đã duyệt { $name } ({ $code }).
admin-rejected = Đã từ chối { $name } ({ $code }).
admin-bank-changed = Lưu ý: cộng tác viên { $name } ({ $code }) vừa đổi «{ $field }» trong hồ sơ thanh toán.
