## Commission statement (PDF). No HTML tags: these lines are printed, not sent to a chat.

statement-title = Commission statement for { $period }
statement-provisional = PROVISIONAL
statement-provisional-note = This month is not closed yet: the figures are provisional and may change.
statement-collaborator = Collaborator
statement-code = Collaborator code
statement-bank-account = Payout account
statement-id = Statement ID
statement-version = Version
statement-generated-at = Generated (Vietnam time, GMT+7)

statement-orders-heading = Orders this month ({ $count ->
        [one] 1 order
       *[other] { $count } orders
    })
statement-orders-none = No orders this month.
statement-column-number = Order no.
statement-column-date = Date
statement-column-products = Products
statement-column-amount = Order amount
statement-column-commission = Commission
statement-order-pending = pending
statement-order-approved = approved
statement-order-voided = returned, voided
statement-order-clawed-back = returned, clawed back

statement-items-heading = Bonuses, clawbacks and adjustments
statement-items-none = No bonuses, clawbacks or adjustments.
statement-column-kind = Type
statement-column-reason = Reason
statement-column-order = Order
statement-column-value = Amount
statement-kind-bonus = Bonus
statement-kind-clawback = Clawback
statement-kind-adjustment = Adjustment

statement-totals-heading = Summary
statement-gross = Gross commission
statement-tax-withheld = Personal income tax withheld
statement-net = Net payable
statement-carried-forward = Carried forward
statement-payout-state = Payout
statement-payout-reference = Payment reference
statement-paid-at = Paid on
statement-payout-not-due = Not due yet (month not closed)
statement-payout-pending = Awaiting transfer
statement-payout-paid = Paid
statement-payout-carried-forward = Carried forward (below the payout minimum)

statement-verification-heading = Verification
statement-digest = SHA-256 of the data
statement-digest-note = The SHA-256 is computed from the statement's data (orders, items and totals); compare it with our records to know that this is the original.
statement-page = Page { $page } of { $pages }
statement-pending-total = Commission awaiting approval (not yet in the gross)
