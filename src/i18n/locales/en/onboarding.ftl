## Collaborator registration and profile

consent-prompt =
    <b>Before you register</b>
    To pay your commission and send your statements we need to keep: your full name, phone number, province, bank account and (if you wish) your national ID number, so that personal income tax is withheld correctly.
    The account number and national ID are stored encrypted; we do not share your data with anyone else.
    Do you agree?
consent-agree = I agree
consent-decline = I do not agree
retry-consent = Please press “I agree” or “I do not agree”.
onboarding-declined = No problem. Nothing about you has been stored. Type /start whenever you want to register.

ask-full-name = Your full name (as on your national ID)?
retry-full-name = Please give at least two words, letters only, e.g. Nguyễn Thị Hương.
ask-phone = Your phone number? Type it (e.g. 0912 345 678) or press the button to share it.
retry-phone = That phone number is not valid. Please enter a Vietnamese mobile number, e.g. 0912 345 678.
retry-phone-not-own = Please share your own phone number, or type it.
retry-phone-taken = This phone number is already registered. If it is yours, please contact an administrator.
ask-province = Which province or city do you live in? Choose below or type its name.
retry-province = That province was not found. Please choose from the list or type a name such as “Hà Nội” or “Cần Thơ”.
ask-bank-name = Which bank should receive your commission? Choose below or type its name.
retry-bank-name = Please type the name of your bank, e.g. “Vietcombank”.
ask-account-number = Bank account number?
retry-account-number = The account number must be 6 to 19 digits.
ask-account-holder = Account holder name (capitals without diacritics, as on the card)? Press the button if it is your name.
retry-account-holder = The account holder name may only contain letters, e.g. NGUYEN THI HUONG.
ask-national-id = National ID number (12 digits)? Optional – press “Skip” if you prefer not to give it now.
retry-national-id = A national ID number has exactly 12 digits.
ask-referral = The referral code of the person who introduced you (e.g. CTV0012)? Optional.
retry-referral = That referral code was not found. Please check it, or press “Skip”.
ask-edit-field = Which item do you want to change?
registration-summary =
    <b>Please check your details</b>
    Full name: { $fullName }
    Phone: { $phone }
    Province: { $province }
    Bank: { $bankName }
    Account number: { $accountNumber }
    Account holder: { $accountHolder }
    National ID: { $nationalId }
    Referral code: { $referrerCode }
registered = Thank you, { $name }! Your registration has been sent; your collaborator code is <b>{ $code }</b>. We will tell you as soon as it is approved.
already-registered-pending = { $name }, your registration (code { $code }) is waiting for approval. We will tell you as soon as there is a decision.
already-registered-active = Hello { $name } (code { $code })! You are already a collaborator.
already-registered-rejected = { $name }, your registration (code { $code }) was not approved. Please contact an administrator if you need to.
already-registered-suspended = { $name }, collaborator account { $code } is suspended. Please contact an administrator.
not-registered = You have not registered as a collaborator yet.

field-fullName = Full name
field-phone = Phone
field-province = Province
field-bankName = Bank
field-accountNumber = Account number
field-accountHolder = Account holder
field-nationalId = National ID
field-referrerCode = Referral code

profile-view =
    <b>Collaborator profile { $code }</b> ({ $status })
    Full name: { $fullName }
    Phone: { $phone }
    Province: { $province }
    Bank: { $bankName }
    Account number: { $accountNumber }
    Account holder: { $accountHolder }
    National ID: { $nationalId }
profile-updated = { $field } updated.

decision-approved = Congratulations, { $name }! You have been approved as a collaborator, code <b>{ $code }</b>. Press “Main menu” to begin.
decision-rejected = { $name }, we are sorry: your registration was not approved. Please contact an administrator if you would like to know more.
profile-locked = Your profile can be edited only while your collaborator account is active. If something must change, please contact an administrator.
