## Thông báo (broadcast) và tài liệu đào tạo

training-button = 📚 Tài liệu
broadcasts-button = 📣 Thông báo

# Soạn thông báo (/broadcast, chỉ quản trị viên)
broadcast-ask-text = ✍️ Viết nội dung thông báo (tối đa 3.500 ký tự). Bạn cũng có thể gửi một ảnh, video hoặc tệp kèm chú thích: chú thích là nội dung.
broadcast-retry-text = Nội dung cần từ 1 đến 3.500 ký tự. Vui lòng viết lại.
broadcast-ask-attachment = 📎 Gửi kèm ảnh, video hoặc tệp? Gửi tệp vào đây, chọn một tài liệu đào tạo, hoặc bấm «Không đính kèm».
broadcast-material-button = 📚 Chọn tài liệu đào tạo
broadcast-no-attachment-button = Không đính kèm
broadcast-retry-attachment = Vui lòng gửi một ảnh, video hoặc tệp, hoặc bấm một nút bên dưới.
broadcast-ask-material = Chọn tài liệu gửi kèm:
broadcast-no-materials = Chưa có tài liệu đào tạo nào. Thêm bằng /material.
broadcast-ask-audience = 👥 Gửi tới ai?
broadcast-audience-all-button = Tất cả CTV đang hoạt động
broadcast-audience-province-button = Theo tỉnh/thành
broadcast-audience-joined-button = Theo thời gian tham gia
broadcast-audience-codes-button = Danh sách mã CTV
broadcast-ask-province = Chọn tỉnh/thành:
broadcast-ask-joined = Nhập tháng đăng ký, ví dụ «11/2026» hoặc «09/2026 đến 11/2026».
broadcast-retry-joined = Chưa đọc được tháng. Ví dụ: «11/2026», «2026-09 đến 2026-11».
broadcast-ask-codes = Nhập các mã CTV, cách nhau bằng dấu phẩy, dấu cách hoặc xuống dòng, ví dụ «CTV0001, CTV0002».
broadcast-retry-codes = Chưa có mã nào hợp lệ. Mã có dạng CTV0001.
broadcast-retry-codes-many = Tối đa 500 mã một lần. Với nhiều người hơn, hãy chọn theo tỉnh/thành hoặc thời gian tham gia.
broadcast-retry-audience-empty = Không có CTV đang hoạt động nào nhận được thông báo này. Vui lòng chọn lại.
broadcast-ask-time = 🕒 Thông báo sẽ tới <b>{ $count }</b> CTV. Gửi khi nào? Bấm «Gửi ngay» hoặc nhập giờ Việt Nam, ví dụ «20:00 05/12» hoặc «2026-12-05 20:00».
broadcast-send-now-button = 🚀 Gửi ngay
broadcast-retry-time = Vui lòng bấm «Gửi ngay» hoặc nhập giờ, ví dụ «20:00 05/12».
broadcast-retry-time-invalid = Chưa đọc được thời gian. Ví dụ: «20:00 05/12», «2026-12-05 20:00», «20:00 ngày mai».
broadcast-retry-time-past = Thời điểm này đã qua. Vui lòng nhập một thời điểm sắp tới.
broadcast-retry-time-too-far = Chỉ hẹn giờ được trong vòng một năm tới.
broadcast-summary-header = <b>Xem trước thông báo</b>
broadcast-summary-count = <b>{ $count }</b> CTV
broadcast-blocked-note = (bỏ qua { $count } người đã chặn bot)
broadcast-attachment-none = không đính kèm
broadcast-attachment-photo = ảnh
broadcast-attachment-file = { $name }
broadcast-attachment-material = tài liệu «{ $title }»
broadcast-audience-all = Tất cả CTV đang hoạt động
broadcast-audience-province = CTV ở { $province }
broadcast-audience-joined = CTV đăng ký từ { $from } đến { $to }
broadcast-audience-codes = { $count } mã CTV
broadcast-when-now = gửi ngay khi bấm «Gửi»
broadcast-when-at = gửi lúc { $at }
broadcast-send-button = ✅ Gửi
broadcast-schedule-button = ✅ Hẹn giờ gửi
broadcast-ask-edit-field = Sửa phần nào?
broadcast-field-text = Nội dung
broadcast-field-attachment = Tệp đính kèm
broadcast-field-audience = Người nhận
broadcast-field-time = Thời gian gửi
broadcast-queued-now = 📣 Thông báo #{ $number } đang được gửi tới { $count } CTV. Bạn sẽ nhận báo cáo khi gửi xong.
broadcast-queued-at = 🕒 Thông báo #{ $number } sẽ được gửi lúc { $at } tới { $count } CTV.
broadcast-cancel-button = ✖ Hủy thông báo #{ $number }
broadcast-new-button = ✍️ Soạn thông báo
broadcast-draft-cancelled = Đã bỏ bản nháp thông báo.
broadcast-training-button = 📚 Xem tài liệu đào tạo

# Gửi và báo cáo cho người soạn
broadcast-started = 📣 Bắt đầu gửi thông báo #{ $number } tới { $count } CTV.
broadcast-progress = 📣 Thông báo #{ $number }: đã xử lý { $done }/{ $total } · đã nhận { $sent } · chặn bot { $blocked } · lỗi { $failed }.
broadcast-report = ✅ Thông báo #{ $number } đã gửi xong trong { $took }: <b>{ $sent }</b> người đã nhận, { $blocked } người đã chặn bot, { $failed } không gửi được (tổng { $total }).
broadcast-report-reason = • { $count } × { $reason }

# Danh sách, hủy
broadcasts-none = Chưa có thông báo nào.
broadcasts-header = <b>Thông báo gần đây</b>
broadcasts-counts = tổng { $total } · đã nhận { $sent } · chặn bot { $blocked } · lỗi { $failed }
broadcast-state-scheduled = đã hẹn giờ
broadcast-state-sending = đang gửi
broadcast-state-done = đã gửi xong
broadcast-state-cancelled = đã hủy
broadcast-usage-cancel = Cách dùng: /broadcast_cancel SỐ, ví dụ /broadcast_cancel 12
broadcast-not-found = Không có thông báo #{ $number }.
broadcast-cancelled = Đã hủy thông báo #{ $number }. Không ai nhận được thông báo này.
broadcast-too-late = Thông báo #{ $number } { $state }, không hủy được nữa.

# Thêm tài liệu (/material, chỉ quản trị viên)
material-ask-content = 📚 Gửi tài liệu: một tệp (PDF, Word, Excel…), ảnh hoặc video (tối đa 20 MB), hoặc nhập một đường link (https://…).
material-retry-content = Vui lòng gửi một tệp, ảnh hoặc video, hoặc nhập một đường link bắt đầu bằng https://.
material-too-large = Tệp lớn hơn 20 MB: Telegram không cho bot tải tệp lớn hơn. Hãy nén lại hoặc gửi đường link.
material-download-unavailable = Kênh chat này chưa nhận tệp tải lên. Hãy gửi đường link.
material-download-failed = Chưa tải được tệp từ kênh chat. Vui lòng bấm lại sau ít phút.
material-ask-title = Tiêu đề của tài liệu? Ví dụ «Chính sách hoa hồng 2026».
material-retry-title = Tiêu đề cần từ 2 đến 120 ký tự.
material-ask-topic = Thuộc chủ đề nào? Chọn một chủ đề có sẵn hoặc nhập chủ đề mới.
material-retry-topic = Chủ đề cần từ 2 đến 60 ký tự.
material-kind-document = Tệp
material-kind-photo = Ảnh
material-kind-video = Video
material-kind-link = Link
material-summary-header = <b>Tài liệu mới</b>
material-summary-title = Tiêu đề: <b>{ $title }</b>
material-summary-topic = Chủ đề: { $topic }
material-save-button = ✅ Lưu
material-ask-edit-field = Sửa phần nào?
material-field-content = Tệp hoặc link
material-field-title = Tiêu đề
material-field-topic = Chủ đề
material-saved = ✅ Đã lưu tài liệu <b>{ $title }</b> (chủ đề { $topic }). CTV xem bằng /training.
material-draft-cancelled = Đã bỏ tài liệu đang thêm.

# Thư viện tài liệu (/training)
training-not-active = Tài liệu đào tạo dành cho cộng tác viên đang hoạt động. Bạn sẽ xem được khi tài khoản được duyệt.
training-empty = Chưa có tài liệu đào tạo nào.
training-topics = 📚 <b>Tài liệu đào tạo</b>
    Chọn một chủ đề:
training-topic-button = { $topic } ({ $count })
training-topic-page = 📚 <b>{ $topic }</b> · trang { $page }/{ $pages }
training-topic-gone = Chủ đề này không còn tài liệu nào.
training-material-gone = Tài liệu này không còn nữa.
training-material-header = 📚 <b>{ $title }</b>
    Chủ đề: { $topic }
training-material-views = 👁 { $collaborators } CTV đã mở ({ $opens } lượt)
training-topics-button = « Các chủ đề
training-prev-page-button = ‹ Trang trước
training-open-button = 📚 Xem tài liệu
training-add-button = ➕ Thêm tài liệu
