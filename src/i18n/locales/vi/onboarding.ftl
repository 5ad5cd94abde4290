## Đăng ký cộng tác viên và hồ sơ

consent-prompt =
    <b>Trước khi đăng ký</b>
    Để trả hoa hồng và gửi bảng kê cho bạn, chúng tôi cần lưu: họ tên, số điện thoại, tỉnh/thành, tài khoản ngân hàng và (nếu bạn muốn) số CCCD để khấu trừ thuế thu nhập cá nhân đúng quy định.
    Số tài khoản và CCCD được mã hóa khi lưu; chúng tôi không chia sẻ dữ liệu của bạn cho bên khác.
    Bạn có đồng ý không?
consent-agree = Tôi đồng ý
consent-decline = Không đồng ý
retry-consent = Vui lòng bấm «Tôi đồng ý» hoặc «Không đồng ý».
onboarding-declined = Không sao. Chúng tôi không lưu thông tin nào của bạn. Khi nào muốn đăng ký, hãy gõ /start.

ask-full-name = Họ và tên đầy đủ của bạn (như trên CCCD)?
retry-full-name = Họ tên cần có ít nhất hai chữ và chỉ gồm chữ cái, ví dụ: Nguyễn Thị Hương.
ask-phone = Số điện thoại của bạn? Gõ số (ví dụ 0912 345 678) hoặc bấm nút chia sẻ số điện thoại.
retry-phone = Số điện thoại chưa đúng. Vui lòng nhập số di động Việt Nam, ví dụ 0912 345 678.
retry-phone-not-own = Vui lòng chia sẻ số điện thoại của chính bạn, hoặc gõ số.
retry-phone-taken = Số điện thoại này đã được đăng ký. Nếu đó là số của bạn, vui lòng liên hệ quản trị viên.
ask-province = Bạn ở tỉnh/thành phố nào? Chọn bên dưới hoặc gõ tên.
retry-province = Không tìm thấy tỉnh/thành này. Vui lòng chọn trong danh sách hoặc gõ tên, ví dụ «Hà Nội», «Cần Thơ».
ask-bank-name = Ngân hàng bạn nhận hoa hồng? Chọn bên dưới hoặc gõ tên ngân hàng.
retry-bank-name = Vui lòng gõ tên ngân hàng, ví dụ «Vietcombank».
ask-account-number = Số tài khoản ngân hàng?
retry-account-number = Số tài khoản chỉ gồm chữ số, từ 6 đến 19 số.
ask-account-holder = Tên chủ tài khoản (viết hoa không dấu như trên thẻ)? Bấm nút nếu đúng tên bạn.
retry-account-holder = Tên chủ tài khoản chỉ gồm chữ cái, ví dụ NGUYEN THI HUONG.
ask-national-id = Số CCCD (12 số)? Không bắt buộc – bấm «Bỏ qua» nếu chưa muốn cung cấp.
retry-national-id = Số CCCD gồm đúng 12 chữ số.
ask-referral = Mã giới thiệu của người giới thiệu bạn (ví dụ CTV0012)? Không bắt buộc.
retry-referral = Không tìm thấy mã giới thiệu này. Vui lòng kiểm tra lại, hoặc bấm «Bỏ qua».
ask-edit-field = Bạn muốn sửa mục nào?
registration-summary =
    <b>Kiểm tra lại thông tin</b>
    Họ tên: { $fullName }
    Điện thoại: { $phone }
    Tỉnh/thành: { $province }
    Ngân hàng: { $bankName }
    Số tài khoản: { $accountNumber }
    Chủ tài khoản: { $accountHolder }
    CCCD: { $nationalId }
    Mã giới thiệu: { $referrerCode }
registered = Cảm ơn { $name }! Đăng ký của bạn đã được gửi, mã cộng tác viên: <b>{ $code }</b>. Chúng tôi sẽ báo cho bạn ngay khi được duyệt.
already-registered-pending = { $name } ơi, đăng ký của bạn (mã { $code }) đang chờ duyệt. Chúng tôi sẽ báo cho bạn ngay khi có kết quả.
already-registered-active = Chào { $name } (mã { $code })! Bạn đã là cộng tác viên.
already-registered-rejected = { $name } ơi, đăng ký của bạn (mã { $code }) chưa được duyệt. Vui lòng liên hệ quản trị viên nếu cần.
already-registered-suspended = { $name } ơi, tài khoản cộng tác viên { $code } đang tạm ngưng. Vui lòng liên hệ quản trị viên.
not-registered = Bạn chưa đăng ký làm cộng tác viên.

field-fullName = Họ tên
field-phone = Điện thoại
field-province = Tỉnh/thành
field-bankName = Ngân hàng
field-accountNumber = Số tài khoản
field-accountHolder = Chủ tài khoản
field-nationalId = CCCD
field-referrerCode = Mã giới thiệu

profile-view =
    <b>Hồ sơ cộng tác viên { $code }</b> ({ $status })
    Họ tên: { $fullName }
    Điện thoại: { $phone }
    Tỉnh/thành: { $province }
    Ngân hàng: { $bankName }
    Số tài khoản: { $accountNumber }
    Chủ tài khoản: { $accountHolder }
    CCCD: { $nationalId }
profile-updated = Đã cập nhật { $field }.

decision-approved = Chúc mừng { $name }! Bạn đã được duyệt làm cộng tác viên, mã <b>{ $code }</b>. Bấm «Menu chính» để bắt đầu.
decision-rejected = { $name } ơi, rất tiếc đăng ký của bạn chưa được duyệt. Vui lòng liên hệ quản trị viên nếu cần biết thêm.
profile-locked = Hồ sơ chỉ sửa được khi tài khoản cộng tác viên đang hoạt động. Nếu cần đổi thông tin, vui lòng liên hệ quản trị viên.
