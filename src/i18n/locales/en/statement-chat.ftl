## Commission statements in chat: /statement, the monthly sending, the report to admins.
## The "reason" lines are printed in the PDF: no HTML tags.

statement-chat-button = 📄 Statement
statement-chat-caption = 📄 Commission statement for { $period } · { $code } (version { $version })
statement-chat-caption-provisional = 📄 <b>Provisional</b> commission statement for { $period } · { $code }: the month is not closed yet, so the figures may still change.
statement-chat-no-activity = { $code } has no commission activity in { $period } (no delivered orders, bonuses or adjustments), so there is no statement for that month.
statement-chat-future = { $period } has not started yet, so there is no statement.
statement-chat-not-yours = You can only get your own statements.
statement-chat-bad-month = I could not read the month “{ $text }”. For example: /statement 2026-11, or type “statement for November”.
statement-chat-usage = Usage: /statement CODE YYYY-MM, e.g. /statement CTV0042 2026-11.
statement-chat-report = 📄 Statements for { $period }: { $collaborators } collaborators with activity · sent { $sent } · sent before { $alreadySent } · failed { $failed } · unreachable { $unreachable }.

statement-chat-reason-tier = Volume bonus: sales of the month { $sales }, bonus { $rate }%
statement-chat-reason-override = Referral bonus on the sales of { $code }: { $rate }%
statement-chat-reason-clawback = Clawback: order returned after approval
statement-chat-reason-adjustment = Adjustment
statement-chat-reason-carried-in = Balance carried from earlier months
statement-chat-no-activity-own = You have no commission activity in { $period } (no delivered orders, bonuses or adjustments), so there is no statement for that month.
