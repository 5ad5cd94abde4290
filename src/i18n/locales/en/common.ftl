## General: menu, help, language, errors

welcome = Hello! This is the assistant for <b>{ $business }</b>'s sales collaborators (CTV).
menu-guest = Welcome to <b>{ $business }</b>. You are not registered as a collaborator yet. Press “Register” to begin.
menu-collaborator = <b>{ $name }</b> · code { $code } · { $status }
    What would you like to do?
help =
    <b>Commands</b>
    /start – register as a collaborator
    /menu – main menu
    /products – browse products, search by name
    /order – submit a customer order
    /orders – my orders
    /earnings – my earnings (or type “earnings”)
    /statement [YYYY-MM] – my commission statement, PDF (or type “statement for November”)
    /training – training materials
    /profile – see and edit your profile
    /link [CODE] – use the same profile on Telegram and Zalo
    /language – change language
    /cancel – stop what you are doing
    /help – help
    You can also type in words, e.g. “register”, “profile”.
help-admin =
    <b>Commands</b>
    /pending – registrations waiting for approval
    /orders – orders by state · /order DH-000123 – one order
    /products – products (hidden ones too), hide/show
    /approve CODE – approve a collaborator
    /close YYYY-MM – close a month · /payouts YYYY-MM – a month's payouts
    /adjust CODE AMOUNT reason – adjust a collaborator's earnings
    /statement CODE YYYY-MM – a collaborator's statement
    /reject CODE reason – reject
    /broadcast – send an announcement · /broadcasts – recent ones
    /material – add a training material · /training – the library
    /menu · /profile · /language · /cancel · /help
ask-language = Chọn ngôn ngữ / Choose your language:
language-set = Switched to English.
not-understood = Sorry, I did not understand. Choose from the menu below or type /help.
unknown-command = There is no such command. Type /help to see the commands.
admin-only = This command is for administrators only.
button-expired = This button has expired. Type /menu to start again.
flow-cancelled = Stopped. Type /menu whenever you need me.
nothing-to-cancel = There is nothing in progress.
error-internal = Sorry, something went wrong on our side. What you saved is safe; please try again in a few minutes.
retry-use-buttons = Please choose one of the buttons below.
more-available = There is more.
value-none = (none)

menu-button = Main menu
help-button = Help
language-button = Language
register-button = Register
profile-button = Profile
products-button = Products
order-button = New order
orders-button = Orders
pending-button = Pending
confirm-button = ✅ Confirm
edit-button = ✏️ Edit
cancel-button = Cancel
skip-button = Skip
next-page-button = Next page ›
approve-button = ✅ Approve
reject-button = ❌ Reject

status-pending = waiting for approval
status-active = active
status-rejected = not approved
status-suspended = suspended
