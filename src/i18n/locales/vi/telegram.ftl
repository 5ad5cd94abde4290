## Telegram: menu lệnh, nút gửi số điện thoại, tin nhắn trong nhóm

telegram-command-start = Đăng ký làm cộng tác viên
telegram-command-menu = Menu chính
telegram-command-products = Xem sản phẩm
telegram-command-order = Lên đơn cho khách
telegram-command-orders = Đơn hàng của tôi
telegram-command-earnings = Hoa hồng của tôi
telegram-command-statement = Bảng kê hoa hồng (PDF)
telegram-command-profile = Xem và sửa hồ sơ
telegram-command-language = Đổi ngôn ngữ / Change language
telegram-command-cancel = Dừng việc đang làm
telegram-command-help = Trợ giúp
telegram-command-training = Tài liệu đào tạo
telegram-command-link = Liên kết với Zalo (cùng một hồ sơ)
telegram-share-phone = 📱 Gửi số điện thoại của tôi
telegram-share-phone-hint = Hoặc bấm nút bên dưới để gửi số điện thoại của bạn.
telegram-private-only = Để giữ kín thông tin của bạn, chúng tôi chỉ trò chuyện riêng. Hãy nhắn tin tại { $link }
