## Telegram: command menu, share-phone button, messages in groups

telegram-command-start = Register as a collaborator
telegram-command-menu = Main menu
telegram-command-products = Browse products
telegram-command-order = Submit a customer order
telegram-command-orders = My orders
telegram-command-earnings = My earnings
telegram-command-statement = My commission statement (PDF)
telegram-command-profile = See and edit your profile
telegram-command-language = Change language / Đổi ngôn ngữ
telegram-command-cancel = Stop what you are doing
telegram-command-help = Help
telegram-command-training = Training materials
telegram-command-link = Link your Zalo account (same profile)
telegram-share-phone = 📱 Share my phone number
telegram-share-phone-hint = Or press the button below to share your phone number.
telegram-private-only = To keep your details private, I only talk in private chats. Message me at { $link }
