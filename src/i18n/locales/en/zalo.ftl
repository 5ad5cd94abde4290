## Zalo: numbered lists, documents by link, messages that cannot be read

zalo-choice-hint = Reply with the number or type the choice.
zalo-type-phone = Zalo has no button to share a phone number: please type it, e.g. 0912 345 678.
zalo-text-only = Sorry, on Zalo I can only read text messages. Please type your message, or send /menu to see what I can do.
zalo-private-only = To keep your details private, I only talk in private chats. Please message me directly.
zalo-document-link =
    📄 { $name }: download it at
    { $url }
    The link works for { $days } days and only for this document.
zalo-document-unavailable = 📄 { $name }: Zalo does not carry file attachments. You can get this document on Telegram or in the playground.

## Linking accounts: one person, two channels (Telegram and Zalo)

link-code-issued =
    Your link code: <b>{ $code }</b>
    Within { $minutes } minutes, open the assistant on your other channel (Zalo or Telegram) and send: /link { $code }
    The code works once. Do not give it to anyone.
link-ask-code = Send the link code you got on the channel where you registered (8 characters, e.g. ABCD-EFGH). No code yet? On that channel, send /link to get one.
link-retry-code = That code is wrong or has expired. Please send the code again (e.g. ABCD-EFGH), or type "cancel" to stop.
link-invalid = That code is wrong or has expired. On the channel where you registered, send /link for a new one.
link-done = Linked! You can use the assistant on both channels with the same profile <b>{ $name }</b> ({ $code }): orders, commissions and statements are shared. Notices go to the channel you used last.
link-already = This account is already linked to profile { $code }.
link-identity-taken = This account already belongs to another collaborator's profile, so it cannot be linked. Please contact an administrator.
link-channel-taken = Profile { $code } already has another account on this channel. To change it, please contact an administrator.
link-not-allowed = Your profile cannot link another channel at the moment. Please contact an administrator.
