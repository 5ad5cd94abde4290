## Zalo: danh sách đánh số, tài liệu qua liên kết, tin nhắn không đọc được

zalo-choice-hint = Trả lời bằng số thứ tự hoặc gõ đúng lựa chọn.
zalo-type-phone = Zalo không có nút gửi số điện thoại: bạn hãy gõ số, ví dụ 0912 345 678.
zalo-text-only = Xin lỗi, trên Zalo tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ nội dung, hoặc gõ /menu để xem các việc tôi làm được.
zalo-private-only = Để giữ kín thông tin của bạn, tôi chỉ trò chuyện riêng. Hãy nhắn tin riêng cho tôi.
zalo-document-link =
    📄 { $name }: tải về tại
    { $url }
    Liên kết dùng được trong { $days } ngày và chỉ cho tài liệu này.
zalo-document-unavailable = 📄 { $name }: Zalo không nhận tệp đính kèm. Bạn có thể nhận tài liệu này trên Telegram hoặc trong playground.

## Liên kết tài khoản: một người, hai kênh (Telegram và Zalo)

link-code-issued =
    Mã liên kết của bạn: <b>{ $code }</b>
    Trong { $minutes } phút, hãy mở trợ lý trên kênh còn lại (Zalo hoặc Telegram) và gửi: /link { $code }
    Mã chỉ dùng được một lần. Đừng đưa mã cho người khác.
link-ask-code = Gửi mã liên kết bạn nhận được trên kênh đã đăng ký (8 ký tự, ví dụ ABCD-EFGH). Chưa có mã? Trên kênh đó, gõ /link để nhận mã.
link-retry-code = Mã không đúng hoặc đã hết hạn. Vui lòng gửi lại mã (ví dụ ABCD-EFGH), hoặc gõ «hủy» để dừng.
link-invalid = Mã không đúng hoặc đã hết hạn. Trên kênh bạn đã đăng ký, gõ /link để nhận mã mới.
link-done = Đã liên kết! Bạn dùng được trợ lý trên cả hai kênh với cùng hồ sơ <b>{ $name }</b> ({ $code }): đơn hàng, hoa hồng và sao kê là một. Thông báo sẽ đến kênh bạn dùng gần nhất.
link-already = Tài khoản này đã được liên kết với hồ sơ { $code } rồi.
link-identity-taken = Tài khoản này đã thuộc một hồ sơ cộng tác viên khác nên không thể liên kết. Vui lòng liên hệ quản trị viên.
link-channel-taken = Hồ sơ { $code } đã có một tài khoản khác trên kênh này. Nếu bạn muốn đổi, vui lòng liên hệ quản trị viên.
link-not-allowed = Hồ sơ của bạn hiện không thể liên kết thêm kênh. Vui lòng liên hệ quản trị viên.
