## Đơn hàng: lên đơn, xem đơn, duyệt và theo dõi đơn

order-state-submitted = đã gửi
order-state-confirmed = đã xác nhận
order-state-delivered = đã giao
order-state-cancelled = đã hủy
order-state-returned = đã trả lại

# Lên đơn
order-not-active = Chỉ cộng tác viên đang hoạt động mới lên đơn được. Tài khoản của bạn: { $status }.
order-product-unavailable = Sản phẩm { $sku } hiện không bán.
order-ask-product = Nhập mã sản phẩm (SKU) hoặc tên sản phẩm khách muốn mua.
order-ask-pick = Có nhiều sản phẩm khớp. Bạn chọn sản phẩm nào?
order-ask-quantity = Bạn muốn đặt bao nhiêu <b>{ $name }</b> ({ $price } một sản phẩm)? Gõ một số từ 1 đến { $max }.
order-retry-product-unknown = Không tìm thấy sản phẩm nào như vậy. Bạn kiểm tra lại mã hoặc gõ một phần tên sản phẩm nhé.
order-retry-product-inactive = Sản phẩm này hiện không bán. Bạn chọn sản phẩm khác nhé.
order-retry-quantity-not-a-number = Số lượng cần là một con số, ví dụ 2.
order-retry-quantity-not-whole = Số lượng phải là số nguyên, ví dụ 1 hoặc 2.
order-retry-quantity-too-small = Số lượng phải từ 1 trở lên.
order-retry-quantity-too-large = Số lượng vượt mức tối đa cho một dòng.
# 10 là MAX_ORDER_LINES trong src/services/order.service.ts.
order-retry-too-many-lines = Một đơn có tối đa 10 dòng. Bạn bấm «Tiếp tục» rồi lên thêm đơn khác nhé.
order-dropped = Đã bỏ khỏi đơn vì không còn bán: { $skus }.
order-line = { $index }. { $name } × { $quantity } · { $price } = { $amount }
order-line-unavailable = • { $sku }: không còn bán
order-running-total = <b>Tạm tính: { $total }</b>
order-add-button = ➕ Thêm sản phẩm
order-remove-button = ➖ Bỏ một dòng
order-continue-button = Tiếp tục ›
order-back-button = ‹ Quay lại
order-ask-remove = Bỏ dòng nào?
order-ask-customer-name = Tên khách hàng là gì?
order-retry-customer-name = Vui lòng gõ tên khách hàng (2–80 ký tự), ví dụ «Chị Lan».
order-ask-customer-phone = Số điện thoại của khách? (ví dụ 0912 345 678)
order-retry-phone = Số điện thoại chưa đúng. Vui lòng gõ số di động Việt Nam, ví dụ 0912 345 678.
order-ask-address = Địa chỉ giao hàng?
order-retry-address = Vui lòng gõ địa chỉ giao hàng đầy đủ (số nhà, đường, phường/xã, tỉnh/thành).
order-ask-note = Ghi chú cho đơn (giờ giao, lời nhắn…)? Bấm «Bỏ qua» nếu không có.
order-retry-note = Ghi chú tối đa 500 ký tự.
order-summary-header = <b>Kiểm tra đơn hàng</b>
order-commission = Hoa hồng dự kiến: <b>{ $commission }</b>
order-customer = Khách: { $name } · { $phone }
    Địa chỉ: { $address }
order-note = Ghi chú: { $note }
order-confirm-button = ✅ Gửi đơn
order-ask-edit-field = Bạn muốn sửa phần nào?
order-field-lines = Sản phẩm
order-field-customer-name = Tên khách
order-field-customer-phone = Số điện thoại khách
order-field-address = Địa chỉ
order-field-note = Ghi chú
order-submitted = Đã gửi đơn <b>{ $number }</b>. Tổng { $total }, hoa hồng dự kiến { $commission }. Chúng tôi sẽ báo khi đơn được xác nhận.
order-draft-cancelled = Đã hủy đơn đang soạn. Gõ /order khi cần lên đơn mới.
order-detail-button = Xem đơn
order-new-button = Lên đơn mới

# Xem đơn
order-not-found = Không tìm thấy đơn { $number }.
order-detail-header = <b>Đơn { $number }</b> · { $state }
order-detail-collaborator = CTV: { $name } ({ $code })
order-detail-submitted = Ngày gửi: { $at } · kỳ { $period }
order-total = <b>Tổng: { $total }</b>
order-history-header = <i>Lịch sử</i>
order-history-row = { $at }: { $state }
order-reason-line = lý do: { $reason }
order-list-item = <b>{ $number }</b> · { $date } · { $customer } · { $total } · { $state }
order-queue-item = <b>{ $number }</b> · { $code } · { $date } · { $customer } · { $total }
order-mine-header = Đơn hàng của bạn ({ $count } đơn, trang { $page }/{ $pages }):
order-mine-empty = Bạn chưa có đơn hàng nào.
order-mine-button = Đơn của tôi
order-prev-page-button = ‹ Trang trước

# Quản trị đơn
order-queue-pick = Xem đơn theo trạng thái:
order-queue-header = Đơn { $state }: { $count }
order-queue-empty = Không có đơn nào { $state }.
order-action-confirmed = ✅ Xác nhận
order-action-delivered = 🚚 Đã giao
order-action-cancelled = ❌ Hủy đơn
order-action-returned = ↩️ Trả hàng
order-admin-new =
    <b>Đơn mới { $number }</b> từ { $name } ({ $code })
    { $count } dòng · tổng { $total }
order-usage-set = Cách dùng: /order_set MÃ-ĐƠN trạng-thái [lý do], ví dụ /order_set DH-000123 confirmed
order-ask-reason-cancelled = Lý do hủy đơn { $number }?
order-ask-reason-returned = Lý do trả hàng đơn { $number }?
order-retry-reason = Vui lòng gõ lý do (2–500 ký tự).
order-reason-cancelled = Đã thôi, đơn giữ nguyên trạng thái.
order-moved = Đơn { $number } đã chuyển sang «{ $state }».
order-transition-not-allowed = Không thể chuyển đơn { $number } sang «{ $to }»: đơn đang ở trạng thái «{ $state }».
order-transition-already-done = Đơn { $number } đã ở trạng thái «{ $state }» rồi.
order-transition-needs-reason = Cần có lý do để chuyển đơn { $number } sang «{ $to }».

# Thông báo cho cộng tác viên
order-notice-confirmed = Đơn <b>{ $number }</b> ({ $customer }, { $total }) đã được xác nhận.
order-notice-delivered = Đơn <b>{ $number }</b> ({ $customer }, { $total }) đã giao thành công.
order-notice-cancelled = Đơn <b>{ $number }</b> ({ $customer }, { $total }) đã bị hủy.
order-notice-returned = Đơn <b>{ $number }</b> ({ $customer }, { $total }) đã bị trả lại.
order-prices-changed = ⚠️ Giá hoặc hoa hồng vừa thay đổi. Vui lòng xem lại số tiền mới trước khi xác nhận.
