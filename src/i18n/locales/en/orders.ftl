## Orders: placing an order, viewing orders, moving them through their life

order-state-submitted = submitted
order-state-confirmed = confirmed
order-state-delivered = delivered
order-state-cancelled = cancelled
order-state-returned = returned

# Placing an order
order-not-active = Only active collaborators can place orders. Your account is { $status }.
order-product-unavailable = Product { $sku } is not on sale.
order-ask-product = Type the product code (SKU) or the name of the product the customer wants.
order-ask-pick = Several products match. Which one?
order-ask-quantity = How many <b>{ $name }</b> ({ $price } each)? Type a number from 1 to { $max }.
order-retry-product-unknown = No product matches that. Check the code, or type part of the product's name.
order-retry-product-inactive = That product is not on sale now. Please choose another one.
order-retry-quantity-not-a-number = The quantity must be a number, for example 2.
order-retry-quantity-not-whole = The quantity must be a whole number, for example 1 or 2.
order-retry-quantity-too-small = The quantity must be 1 or more.
order-retry-quantity-too-large = That is more than one line may hold.
# 10 is MAX_ORDER_LINES in src/services/order.service.ts.
order-retry-too-many-lines = An order has at most 10 lines. Press “Continue” and place another order for the rest.
order-dropped = Taken out of the order because they are no longer on sale: { $skus }.
order-line = { $index }. { $name } × { $quantity } · { $price } = { $amount }
order-line-unavailable = • { $sku }: no longer on sale
order-running-total = <b>Running total: { $total }</b>
order-add-button = ➕ Add a product
order-remove-button = ➖ Remove a line
order-continue-button = Continue ›
order-back-button = ‹ Back
order-ask-remove = Which line should go?
order-ask-customer-name = What is the customer's name?
order-retry-customer-name = Please type the customer's name (2–80 characters), for example “Ms Lan”.
order-ask-customer-phone = The customer's phone number? (for example 0912 345 678)
order-retry-phone = That phone number is not right. Please type a Vietnamese mobile number, for example 0912 345 678.
order-ask-address = The delivery address?
order-retry-address = Please type the full delivery address (house number, street, ward, province).
order-ask-note = A note for this order (delivery time, a message…)? Press “Skip” if there is none.
order-retry-note = A note can be at most 500 characters.
order-summary-header = <b>Check the order</b>
order-commission = Expected commission: <b>{ $commission }</b>
order-customer = Customer: { $name } · { $phone }
    Address: { $address }
order-note = Note: { $note }
order-confirm-button = ✅ Submit order
order-ask-edit-field = What would you like to change?
order-field-lines = Products
order-field-customer-name = Customer's name
order-field-customer-phone = Customer's phone
order-field-address = Address
order-field-note = Note
order-submitted = Order <b>{ $number }</b> submitted. Total { $total }, expected commission { $commission }. We will tell you when it is confirmed.
order-draft-cancelled = The draft order was dropped. Type /order to start a new one.
order-detail-button = View order
order-new-button = New order

# Viewing orders
order-not-found = Order { $number } was not found.
order-detail-header = <b>Order { $number }</b> · { $state }
order-detail-collaborator = Collaborator: { $name } ({ $code })
order-detail-submitted = Submitted: { $at } · period { $period }
order-total = <b>Total: { $total }</b>
order-history-header = <i>History</i>
order-history-row = { $at }: { $state }
order-reason-line = reason: { $reason }
order-list-item = <b>{ $number }</b> · { $date } · { $customer } · { $total } · { $state }
order-queue-item = <b>{ $number }</b> · { $code } · { $date } · { $customer } · { $total }
order-mine-header = Your orders ({ $count } in all, page { $page } of { $pages }):
order-mine-empty = You have no orders yet.
order-mine-button = My orders
order-prev-page-button = ‹ Previous page

# Managing orders
order-queue-pick = Orders by state:
order-queue-header = Orders { $state }: { $count }
order-queue-empty = There are no { $state } orders.
order-action-confirmed = ✅ Confirm
order-action-delivered = 🚚 Delivered
order-action-cancelled = ❌ Cancel order
order-action-returned = ↩️ Returned
order-admin-new =
    <b>New order { $number }</b> from { $name } ({ $code })
    { $count } line(s) · total { $total }
order-usage-set = Usage: /order_set ORDER-NUMBER state [reason], for example /order_set DH-000123 confirmed
order-ask-reason-cancelled = Why is order { $number } cancelled?
order-ask-reason-returned = Why was order { $number } returned?
order-retry-reason = Please type the reason (2–500 characters).
order-reason-cancelled = Nothing changed; the order keeps its state.
order-moved = Order { $number } is now “{ $state }”.
order-transition-not-allowed = Order { $number } cannot become “{ $to }”: it is “{ $state }”.
order-transition-already-done = Order { $number } is already “{ $state }”.
order-transition-needs-reason = Order { $number } needs a reason to become “{ $to }”.

# Notices to the collaborator
order-notice-confirmed = Order <b>{ $number }</b> ({ $customer }, { $total }) has been confirmed.
order-notice-delivered = Order <b>{ $number }</b> ({ $customer }, { $total }) has been delivered.
order-notice-cancelled = Order <b>{ $number }</b> ({ $customer }, { $total }) has been cancelled.
order-notice-returned = Order <b>{ $number }</b> ({ $customer }, { $total }) was returned.
order-prices-changed = ⚠️ A price or commission has just changed. Please check the new amounts before confirming.
