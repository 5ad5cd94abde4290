## Earnings: what collaborators earn, month close, payouts

earnings-button = 💰 Earnings
earnings-not-active = Only active collaborators can see earnings. Your account: { $status }.
earnings-not-active-pending = Your account is waiting for approval. Your earnings will show here once you are approved and an order of yours is delivered.
earnings-title = <b>Your earnings</b> · { $code }
earnings-this-month = <b>This month</b> ({ $period }, so far)
    Pending: { $pending }
    Approved: { $approved }
earnings-last-month-open = <b>Last month</b> ({ $period }): not closed yet. Approved in the month: { $gross }.
earnings-last-month-payout = <b>Last month</b> ({ $period }): gross { $gross } · income tax { $tax } · net <b>{ $net }</b>
earnings-last-month-carried = <b>Last month</b> ({ $period }): { $gross }, under the payout minimum, so it is carried forward to next month.
earnings-last-month-nothing = <b>Last month</b> ({ $period }): no earnings.
earnings-payout-pending = Status: waiting to be paid.
earnings-payout-paid = Status: paid.
earnings-payout-paid-reference = Status: paid (transfer reference { $reference }).
earnings-carried = Carried forward from earlier months: { $carried }
earnings-orders-none = No order of yours was delivered in { $period } yet.
earnings-orders-header = <b>Orders of { $period }</b> ({ $page }/{ $pages })
earnings-order-line = { $number } · { $date } · { $sales } → <b>{ $commission }</b> · { $state }
earnings-orders-total = <b>Commission on { $count ->
        [one] 1 order
       *[other] { $count } orders
    }: { $total }</b> (returned orders not counted)
earnings-state-pending = pending
earnings-state-approved = approved
earnings-state-voided = voided, returned
earnings-state-clawed-back = clawed back, returned
earnings-notice-payable = 🎉 Your approved earnings reached { $balance }, at or above the payout minimum of { $minimum }. They will be paid at the month close.
earnings-notice-paid = 💸 Your earnings for { $period } have been transferred: net <b>{ $net }</b> (income tax withheld: { $tax }).
earnings-notice-reference = Transfer reference: { $reference }.

# Month close (admins)
close-usage = Usage: /close YYYY-MM, e.g. /close 2026-11.
close-not-ended = { $period } cannot be closed yet: the month has not ended (it is { $current } now). Only past months can be closed.
close-report-title = <b>Month close { $period }</b>
close-report-again = This month was closed before; running it again changed nothing.
close-report-again-changed = This month was closed before; this run added { $entries } ledger entries.
close-report-approved = Newly approved: { $count } commissions
close-report-tiers = Volume bonuses: { $count } collaborators · { $total }
close-report-overrides = Recruiter overrides: { $count } · { $total }
close-report-payouts = Payouts: { $count } collaborators · gross { $gross } · income tax { $tax } · net { $net }
close-report-carried = Carried forward: { $count } collaborators · { $total }
close-payouts-button = 📋 Payout list

# Payouts (admins)
payouts-usage = Usage: /payouts YYYY-MM, e.g. /payouts 2026-11.
payouts-none = There are no payouts for { $period }.
payouts-header = <b>Payouts { $period }</b>: { $count } collaborators, { $pending } not paid yet.
payouts-item = <b>{ $code }</b> · { $name } · net { $net } · { $status }
payouts-status-pending = not paid
payouts-status-paid = paid
payouts-status-paid-reference = paid ({ $reference })
payouts-paid-button = ✅ Paid { $code }
payouts-all-hint = Mark them all paid with the transfer reference: /payout_paid all { $period } REF
payout-paid-usage = Usage: /payout_paid CODE YYYY-MM [transfer reference], or /payout_paid all YYYY-MM REF
payout-paid-done = Marked { $count } payouts of { $period } paid; the collaborators were told.
payout-paid-already = The { $period } payout of { $code } was marked paid before.
payout-paid-none = No unpaid payout is left for { $period }.
payout-not-found = { $code } has no payout for { $period }.

# Manual adjustments (admins)
adjust-usage = Usage: /adjust CODE AMOUNT reason, e.g. /adjust CTV0042 -50000 shipping fee of DH-000123
adjust-bad-amount = The adjustment must be a whole number of đồng other than 0, e.g. 50000 or -50000.
adjust-needs-reason = Please give a reason for the adjustment (at least 3 characters).
adjust-done = Recorded an adjustment of { $amount } for { $code }, counted in { $period }. Reason: { $reason }
close-superseded = { $period } can no longer be closed: { $latest } is already closed, and its payouts include every commission approved until then, { $period }'s too.
adjust-too-large = That adjustment is too large: at most { $max } ₫ at a time. Please check the number of digits.
