## Product catalog: browsing, search, product card, hide/show

catalog-categories =
    <b>Product catalog</b>
    Choose a category, or type a product name to search, e.g. “find sunscreen”.
catalog-empty = There are no products yet. Admins load the catalog with “products import”.
catalog-category-button = { $category } ({ $count })
catalog-category-page = <b>{ $category }</b> · { $total } products · page { $page }/{ $pages }
catalog-category-gone = This category has no products at the moment.
catalog-search-page = Search “{ $query }”: { $total } products · page { $page }/{ $pages }
catalog-search-none = No product matches “{ $query }”. Press “Categories” to browse by category.
catalog-product-button = { $name } · { $price }
catalog-hidden-prefix = 🚫
catalog-prev-page-button = ‹ Previous page
catalog-categories-button = « Categories
catalog-card =
    <b>{ $name }</b>
    SKU { $sku } · { $category }
    Price: <b>{ $price }</b>
catalog-card-earn = Your commission: <b>{ $earn }</b> per unit ({ $terms })
catalog-card-earn-admin = Collaborator commission: <b>{ $earn }</b> per unit ({ $terms })
catalog-card-stock = Stock: { $stock }
catalog-card-hidden = 🚫 <i>Hidden: collaborators can neither see nor order this product.</i>
catalog-card-forward-hint = <i>The next message is a description to forward to customers.</i>
catalog-terms-rate = { $rate }% of the price
catalog-terms-fixed = fixed
catalog-stock-in_stock = in stock
catalog-stock-low = running low
catalog-stock-out_of_stock = out of stock
catalog-forward-price = Price: { $price }
catalog-forward-photo = Photo: { $url }
catalog-forward-call = Message me to place an order!
catalog-order-button = 🛒 Order this
catalog-hide-button = 🙈 Hide product
catalog-show-button = 👁 Show again
catalog-not-found = Product { $sku } was not found.
catalog-usage-product = Usage: /product SKU, e.g. /product MP-001
catalog-usage-hide = Usage: /product_hide SKU or /product_show SKU
catalog-now-hidden = { $name } ({ $sku }) is hidden: collaborators no longer see it.
catalog-now-shown = { $name } ({ $sku }) is shown again.
