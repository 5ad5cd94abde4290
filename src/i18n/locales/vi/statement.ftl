## Bảng kê hoa hồng (PDF). Không dùng thẻ HTML: các câu này được in ra giấy, không gửi vào chat.

statement-title = Bảng kê hoa hồng { $period }
statement-provisional = TẠM TÍNH
statement-provisional-note = Tháng này chưa chốt sổ: số liệu là tạm tính và có thể thay đổi.
statement-collaborator = Cộng tác viên
statement-code = Mã CTV
statement-bank-account = Tài khoản nhận
statement-id = Mã bảng kê
statement-version = Phiên bản
statement-generated-at = Lập lúc (giờ Việt Nam, GMT+7)

statement-orders-heading = Đơn hàng trong kỳ ({ $count } đơn)
statement-orders-none = Không có đơn hàng nào trong kỳ.
statement-column-number = Số đơn
statement-column-date = Ngày
statement-column-products = Sản phẩm
statement-column-amount = Tiền đơn
statement-column-commission = Hoa hồng
statement-order-pending = chờ duyệt
statement-order-approved = đã duyệt
statement-order-voided = trả lại, không tính
statement-order-clawed-back = trả lại, đã thu hồi

statement-items-heading = Thưởng, thu hồi và điều chỉnh
statement-items-none = Không có khoản thưởng, thu hồi hay điều chỉnh nào.
statement-column-kind = Loại
statement-column-reason = Lý do
statement-column-order = Đơn
statement-column-value = Số tiền
statement-kind-bonus = Thưởng
statement-kind-clawback = Thu hồi
statement-kind-adjustment = Điều chỉnh

statement-totals-heading = Tổng kết
statement-gross = Tổng hoa hồng
statement-tax-withheld = Thuế TNCN đã khấu trừ
statement-net = Thực nhận
statement-carried-forward = Chuyển sang kỳ sau
statement-payout-state = Trạng thái chi trả
statement-payout-reference = Mã giao dịch
statement-paid-at = Ngày chi trả
statement-payout-not-due = Chưa đến hạn (tháng chưa chốt sổ)
statement-payout-pending = Chờ chuyển khoản
statement-payout-paid = Đã chuyển khoản
statement-payout-carried-forward = Chuyển sang kỳ sau (dưới mức chi trả tối thiểu)

statement-verification-heading = Xác thực
statement-digest = SHA-256 của dữ liệu
statement-digest-note = Mã SHA-256 được tính từ dữ liệu của bảng kê (đơn hàng, các khoản và tổng số); so với hệ thống để biết bảng kê có đúng bản gốc hay không.
statement-page = Trang { $page }/{ $pages }
statement-pending-total = Hoa hồng chờ duyệt (chưa tính vào tổng)
