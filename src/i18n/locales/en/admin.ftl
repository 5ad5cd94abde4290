## Administration: approving collaborators

admin-new-registration =
    <b>New registration</b>: { $name } ({ $code })
    Province: { $province } · Referred by: { $referrer }
pending-none = No registrations are waiting for approval.
pending-header = { $count } registrations are waiting for approval:
pending-item = <b>{ $code }</b> · { $name } · { $province } · referred by: { $referrer }
usage-approve = Usage: /approve CODE, e.g. /approve CTV0042
usage-reject = Usage: /reject CODE reason, e.g. /reject CTV0042 wrong account number
collaborator-not-found = Collaborator { $code } was not found.
decision-already = { $code } was already decided ({ $status }).
admin-approved = Approved { $name } ({ $code }).
admin-rejected = Rejected { $name } ({ $code }).
admin-bank-changed = Note: collaborator { $name } ({ $code }) has just changed “{ $field }” in their payment details.
