## Broadcasts and training materials

training-button = 📚 Training
broadcasts-button = 📣 Broadcasts

# Composing a broadcast (/broadcast, admins only)
broadcast-ask-text = ✍️ Write the announcement (up to 3,500 characters). You can also send a photo, video or file with a caption: the caption is the text.
broadcast-retry-text = The text must be 1 to 3,500 characters. Please write it again.
broadcast-ask-attachment = 📎 Attach a photo, video or file? Send the file here, pick a training material, or press “No attachment”.
broadcast-material-button = 📚 Pick a training material
broadcast-no-attachment-button = No attachment
broadcast-retry-attachment = Please send a photo, video or file, or press a button below.
broadcast-ask-material = Pick the material to attach:
broadcast-no-materials = There are no training materials yet. Add one with /material.
broadcast-ask-audience = 👥 Who should get it?
broadcast-audience-all-button = All active collaborators
broadcast-audience-province-button = By province
broadcast-audience-joined-button = By when they joined
broadcast-audience-codes-button = A list of codes
broadcast-ask-province = Choose the province:
broadcast-ask-joined = Type the month they registered, e.g. “11/2026”, or a range, e.g. “09/2026 to 11/2026”.
broadcast-retry-joined = I could not read the month. Examples: “11/2026”, “2026-09 to 2026-11”.
broadcast-ask-codes = Type the collaborator codes, separated by commas, spaces or lines, e.g. “CTV0001, CTV0002”.
broadcast-retry-codes = No valid code found. Codes look like CTV0001.
broadcast-retry-codes-many = At most 500 codes at a time. For more people, choose by province or by when they joined.
broadcast-retry-audience-empty = No active collaborator would get this broadcast. Please choose again.
broadcast-ask-time = 🕒 This reaches <b>{ $count }</b> collaborators. When should it go out? Press “Send now” or type a time in Vietnam, e.g. “20:00 05/12” or “2026-12-05 20:00”.
broadcast-send-now-button = 🚀 Send now
broadcast-retry-time = Please press “Send now” or type a time, e.g. “20:00 05/12”.
broadcast-retry-time-invalid = I could not read the time. Examples: “20:00 05/12”, “2026-12-05 20:00”, “20:00 tomorrow”.
broadcast-retry-time-past = That time has passed. Please type a time to come.
broadcast-retry-time-too-far = A broadcast can be scheduled up to one year ahead.
broadcast-summary-header = <b>Broadcast preview</b>
broadcast-summary-count = <b>{ $count }</b> collaborators
broadcast-blocked-note = ({ $count } who blocked the bot are skipped)
broadcast-attachment-none = no attachment
broadcast-attachment-photo = photo
broadcast-attachment-file = { $name }
broadcast-attachment-material = material “{ $title }”
broadcast-audience-all = All active collaborators
broadcast-audience-province = Collaborators in { $province }
broadcast-audience-joined = Collaborators registered from { $from } to { $to }
broadcast-audience-codes = { $count } collaborator codes
broadcast-when-now = sent as soon as you press “Send”
broadcast-when-at = sent at { $at }
broadcast-send-button = ✅ Send
broadcast-schedule-button = ✅ Schedule
broadcast-ask-edit-field = What would you like to change?
broadcast-field-text = Text
broadcast-field-attachment = Attachment
broadcast-field-audience = Recipients
broadcast-field-time = Time
broadcast-queued-now = 📣 Broadcast #{ $number } is being sent to { $count } collaborators. You will get a report when it is done.
broadcast-queued-at = 🕒 Broadcast #{ $number } will be sent at { $at } to { $count } collaborators.
broadcast-cancel-button = ✖ Cancel broadcast #{ $number }
broadcast-new-button = ✍️ New broadcast
broadcast-draft-cancelled = Broadcast draft dropped.
broadcast-training-button = 📚 Open the training library

# Sending, and reports to the author
broadcast-started = 📣 Started sending broadcast #{ $number } to { $count } collaborators.
broadcast-progress = 📣 Broadcast #{ $number }: { $done }/{ $total } done · received { $sent } · blocked { $blocked } · failed { $failed }.
broadcast-report = ✅ Broadcast #{ $number } finished in { $took }: <b>{ $sent }</b> received it, { $blocked } have blocked the bot, { $failed } could not be reached (of { $total }).
broadcast-report-reason = • { $count } × { $reason }

# List, cancel
broadcasts-none = There are no broadcasts yet.
broadcasts-header = <b>Recent broadcasts</b>
broadcasts-counts = total { $total } · received { $sent } · blocked { $blocked } · failed { $failed }
broadcast-state-scheduled = scheduled
broadcast-state-sending = sending
broadcast-state-done = finished
broadcast-state-cancelled = cancelled
broadcast-usage-cancel = Usage: /broadcast_cancel NUMBER, e.g. /broadcast_cancel 12
broadcast-not-found = There is no broadcast #{ $number }.
broadcast-cancelled = Broadcast #{ $number } is cancelled. Nobody will get it.
broadcast-too-late = Broadcast #{ $number } is { $state } and can no longer be cancelled.

# Adding a material (/material, admins only)
material-ask-content = 📚 Send the material: a file (PDF, Word, Excel…), a photo or a video (up to 20 MB), or type a link (https://…).
material-retry-content = Please send a file, photo or video, or type a link starting with https://.
material-too-large = The file is over 20 MB, which Telegram does not let bots download. Compress it or send a link.
material-download-unavailable = This chat channel does not take uploads yet. Please send a link.
material-download-failed = The file could not be fetched from the chat. Please press again in a few minutes.
material-ask-title = Title of the material? E.g. “Commission policy 2026”.
material-retry-title = The title must be 2 to 120 characters.
material-ask-topic = Which topic? Pick one or type a new one.
material-retry-topic = The topic must be 2 to 60 characters.
material-kind-document = File
material-kind-photo = Photo
material-kind-video = Video
material-kind-link = Link
material-summary-header = <b>New material</b>
material-summary-title = Title: <b>{ $title }</b>
material-summary-topic = Topic: { $topic }
material-save-button = ✅ Save
material-ask-edit-field = What would you like to change?
material-field-content = File or link
material-field-title = Title
material-field-topic = Topic
material-saved = ✅ Saved <b>{ $title }</b> (topic { $topic }). Collaborators find it with /training.
material-draft-cancelled = The new material was dropped.

# Library (/training)
training-not-active = Training materials are for active collaborators. You can read them once your account is approved.
training-empty = There are no training materials yet.
training-topics = 📚 <b>Training materials</b>
    Choose a topic:
training-topic-button = { $topic } ({ $count })
training-topic-page = 📚 <b>{ $topic }</b> · page { $page }/{ $pages }
training-topic-gone = This topic has no materials any more.
training-material-gone = This material is no longer available.
training-material-header = 📚 <b>{ $title }</b>
    Topic: { $topic }
training-material-views = 👁 opened by { $collaborators } collaborators ({ $opens } times)
training-topics-button = « Topics
training-prev-page-button = ‹ Previous page
training-open-button = 📚 Open it
training-add-button = ➕ Add a material
