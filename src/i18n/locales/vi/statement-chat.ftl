## Bảng kê hoa hồng trong chat: /statement, gửi hằng tháng, báo cáo cho quản trị.
## Các khoản «lý do» được in vào PDF: không dùng thẻ HTML.

statement-chat-button = 📄 Bảng kê
statement-chat-caption = 📄 Bảng kê hoa hồng { $period } · { $code } (phiên bản { $version })
statement-chat-caption-provisional = 📄 Bảng kê hoa hồng <b>tạm tính</b> { $period } · { $code }: tháng này chưa chốt sổ, số liệu có thể còn thay đổi.
statement-chat-no-activity = { $code } không phát sinh hoa hồng nào trong { $period } (không có đơn giao, khoản thưởng hay điều chỉnh), nên không có bảng kê cho tháng này.
statement-chat-future = Chưa đến { $period }, nên chưa có bảng kê.
statement-chat-not-yours = Bạn chỉ xem được bảng kê của chính mình.
statement-chat-bad-month = Không đọc được tháng «{ $text }». Ví dụ: /statement 2026-11 hoặc gõ «sao kê tháng 11».
statement-chat-usage = Cách dùng: /statement MÃ_CTV YYYY-MM, ví dụ /statement CTV0042 2026-11.
statement-chat-report = 📄 Gửi bảng kê { $period }: { $collaborators } CTV có phát sinh · đã gửi { $sent } · gửi từ trước { $alreadySent } · lỗi { $failed } · không liên lạc được { $unreachable }.

statement-chat-reason-tier = Thưởng doanh số: doanh số trong tháng { $sales }, thưởng { $rate }%
statement-chat-reason-override = Thưởng giới thiệu trên doanh số của { $code }: { $rate }%
statement-chat-reason-clawback = Thu hồi hoa hồng: đơn bị trả lại sau khi đã duyệt
statement-chat-reason-adjustment = Điều chỉnh
statement-chat-reason-carried-in = Số dư chuyển từ các tháng trước
statement-chat-no-activity-own = Bạn chưa phát sinh hoa hồng nào trong { $period } (chưa có đơn được giao, khoản thưởng hay điều chỉnh), nên chưa có bảng kê cho tháng này.
