import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Catalogue } from '../../src/i18n/i18n.js';
import type { Logger } from '../../src/logger.js';
import { describeTelegramError } from './telegram-errors.js';

/**
 * Commands shown in Telegram's menu, in this order. Only commands that work today: a menu
 * entry that answers "no such command" would be worse than none.
 */
export const MENU_COMMANDS = [
  'start',
  'menu',
  'products',
  'order',
  'orders',
  'earnings',
  'statement',
  'training',
  'profile',
  'link',
  'language',
  'cancel',
  'help',
] as const;

/** The menu in one language, descriptions from `telegram.ftl`. */
export function commandMenu(catalogue: Catalogue, locale: 'vi' | 'en'): BotCommand[] {
  const i18n = catalogue.translator(locale);
  return MENU_COMMANDS.map((command) => ({
    command,
    description: i18n.t(`telegram-command-${command}`),
  }));
}

/**
 * Sets the command menu: Vietnamese for everyone (no `language_code`), English for clients
 * in English. A failure is logged and swallowed: the bot answers commands without a menu.
 */
export async function setCommandMenu(api: Api, catalogue: Catalogue, logger: Logger) {
  const menus: [BotCommand[], { language_code?: 'en' }][] = [
    [commandMenu(catalogue, 'vi'), {}],
    [commandMenu(catalogue, 'en'), { language_code: 'en' }],
  ];
  for (const [commands, other] of menus) {
    try {
      await api.setMyCommands(commands, other);
    } catch (error) {
      logger.warn(
        { language: other.language_code ?? 'default', err: describeTelegramError(error) },
        'telegram command menu not set',
      );
    }
  }
}
