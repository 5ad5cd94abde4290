## Danh mục sản phẩm: duyệt, tìm, thẻ sản phẩm, ẩn/hiện

catalog-categories =
    <b>Danh mục sản phẩm</b>
    Chọn một nhóm hàng, hoặc gõ tên sản phẩm để tìm, ví dụ «tìm kem chống nắng».
catalog-empty = Chưa có sản phẩm nào. Quản trị viên nạp danh mục bằng lệnh «products import».
catalog-category-button = { $category } ({ $count })
catalog-category-page = <b>{ $category }</b> · { $total } sản phẩm · trang { $page }/{ $pages }
catalog-category-gone = Nhóm hàng này hiện không còn sản phẩm nào.
catalog-search-page = Tìm «{ $query }»: { $total } sản phẩm · trang { $page }/{ $pages }
catalog-search-none = Không tìm thấy sản phẩm nào khớp «{ $query }». Bấm «Danh mục» để xem theo nhóm hàng.
catalog-product-button = { $name } · { $price }
catalog-hidden-prefix = 🚫
catalog-prev-page-button = ‹ Trang trước
catalog-categories-button = « Danh mục
catalog-card =
    <b>{ $name }</b>
    Mã { $sku } · { $category }
    Giá: <b>{ $price }</b>
catalog-card-earn = Hoa hồng của bạn: <b>{ $earn }</b> mỗi sản phẩm ({ $terms })
catalog-card-earn-admin = Hoa hồng CTV: <b>{ $earn }</b> mỗi sản phẩm ({ $terms })
catalog-card-stock = Tình trạng: { $stock }
catalog-card-hidden = 🚫 <i>Đang ẩn: cộng tác viên không nhìn thấy và không đặt được sản phẩm này.</i>
catalog-card-forward-hint = <i>Tin nhắn tiếp theo là lời giới thiệu để chuyển tiếp cho khách.</i>
catalog-terms-rate = { $rate }% giá bán
catalog-terms-fixed = cố định
catalog-stock-in_stock = còn hàng
catalog-stock-low = sắp hết hàng
catalog-stock-out_of_stock = hết hàng
catalog-forward-price = Giá: { $price }
catalog-forward-photo = Ảnh: { $url }
catalog-forward-call = Anh/chị nhắn lại cho em để đặt hàng nhé!
catalog-order-button = 🛒 Đặt hàng
catalog-hide-button = 🙈 Ẩn sản phẩm
catalog-show-button = 👁 Hiện lại
catalog-not-found = Không tìm thấy sản phẩm { $sku }.
catalog-usage-product = Cách dùng: /product MÃ, ví dụ /product MP-001
catalog-usage-hide = Cách dùng: /product_hide MÃ hoặc /product_show MÃ
catalog-now-hidden = Đã ẩn { $name } ({ $sku }): cộng tác viên không còn nhìn thấy sản phẩm này.
catalog-now-shown = Đã hiện lại { $name } ({ $sku }).
