## Chung: menu, trợ giúp, ngôn ngữ, lỗi

welcome = Xin chào! Đây là trợ lý dành cho cộng tác viên (CTV) của <b>{ $business }</b>.
menu-guest = Chào mừng bạn đến với <b>{ $business }</b>. Bạn chưa đăng ký làm cộng tác viên. Bấm «Đăng ký» để bắt đầu.
menu-collaborator = <b>{ $name }</b> · mã { $code } · { $status }
    Bạn muốn làm gì?
help =
    <b>Các lệnh</b>
    /start – đăng ký làm cộng tác viên
    /menu – menu chính
    /products – xem sản phẩm, tìm theo tên
    /order – lên đơn cho khách
    /orders – đơn hàng của tôi
    /earnings – hoa hồng của tôi (hoặc gõ «hoa hồng»)
    /statement [YYYY-MM] – bảng kê hoa hồng PDF (hoặc gõ «sao kê tháng 11»)
    /training – tài liệu đào tạo
    /profile – xem và sửa hồ sơ
    /link [MÃ] – dùng cùng một hồ sơ trên Telegram và Zalo
    /language – đổi ngôn ngữ
    /cancel – dừng việc đang làm
    /help – trợ giúp
    Bạn cũng có thể gõ bằng lời, ví dụ «đăng ký», «hồ sơ».
help-admin =
    <b>Các lệnh</b>
    /pending – đăng ký đang chờ duyệt
    /orders – đơn hàng theo trạng thái · /order DH-000123 – xem một đơn
    /products – sản phẩm (kể cả đang ẩn), ẩn/hiện
    /approve MÃ – duyệt cộng tác viên
    /close YYYY-MM – chốt sổ tháng · /payouts YYYY-MM – chi trả tháng
    /adjust MÃ SỐ_TIỀN lý do – điều chỉnh hoa hồng
    /statement MÃ YYYY-MM – bảng kê của một cộng tác viên
    /reject MÃ lý do – từ chối
    /broadcast – gửi thông báo · /broadcasts – thông báo gần đây
    /material – thêm tài liệu đào tạo · /training – thư viện tài liệu
    /menu · /profile · /language · /cancel · /help
ask-language = Chọn ngôn ngữ / Choose your language:
language-set = Đã chuyển sang tiếng Việt.
not-understood = Xin lỗi, chúng tôi chưa hiểu ý bạn. Bạn có thể chọn trong menu dưới đây hoặc gõ /help.
unknown-command = Lệnh này không có. Gõ /help để xem các lệnh.
admin-only = Lệnh này chỉ dành cho quản trị viên.
button-expired = Nút này đã hết hạn. Gõ /menu để bắt đầu lại.
flow-cancelled = Đã dừng. Gõ /menu khi bạn cần.
nothing-to-cancel = Không có việc gì đang làm dở.
error-internal = Xin lỗi, đã có lỗi ở phía hệ thống. Thông tin bạn đã lưu vẫn còn nguyên; vui lòng thử lại sau ít phút.
retry-use-buttons = Vui lòng chọn một trong các nút bên dưới.
more-available = Còn nữa.
value-none = (không có)

menu-button = Menu chính
help-button = Trợ giúp
language-button = Ngôn ngữ
register-button = Đăng ký
profile-button = Hồ sơ
products-button = Sản phẩm
order-button = Lên đơn
orders-button = Đơn hàng
pending-button = Chờ duyệt
confirm-button = ✅ Xác nhận
edit-button = ✏️ Sửa
cancel-button = Hủy
skip-button = Bỏ qua
next-page-button = Trang sau ›
approve-button = ✅ Duyệt
reject-button = ❌ Từ chối

status-pending = đang chờ duyệt
status-active = đang hoạt động
status-rejected = không được duyệt
status-suspended = tạm ngưng
