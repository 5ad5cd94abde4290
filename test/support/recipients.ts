import { Types } from 'mongoose';
import type { Core } from '../../src/app.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { collaboratorCode } from '../../src/domain/collaborator.js';

let made = 0;

export interface RecipientOptions {
  channel?: Channel;
  province?: string;
  locale?: 'vi' | 'en';
  /** Registration time (the `joined` audience reads it). */
  joinedAt?: Date;
}

/**
 * Active collaborators made straight in the store (no chat, no notices to admins), each
 * with one identity whose user and chat id is the given number: the recipients of broadcast
 * tests. Codes come from the same counter the product uses.
 */
export async function activeRecipients(
  core: Core,
  chatIds: number[],
  options: RecipientOptions = {},
): Promise<Collaborator[]> {
  const channel = options.channel ?? 'telegram';
  const at = new Date('2026-11-01T03:00:00Z');
  const out: Collaborator[] = [];
  for (const chatId of chatIds) {
    made += 1;
    const code = collaboratorCode(await core.store.counters.next('collaborator'));
    const { collaborator } = await core.store.collaborators.register(
      {
        originKey: `${channel}:${chatId}`,
        fullName: `Người Nhận ${made}`,
        nameKey: `nguoi nhan ${made}`,
        phone: `+8490${String(1_000_000 + made * 7919).slice(-7)}`,
        province: options.province ?? 'HN',
        bank: {
          bankName: 'Vietcombank',
          accountNumberSealed: 'sealed',
          accountLast4: '0000',
          accountHolder: 'NGUOI NHAN',
        },
        locale: options.locale ?? 'vi',
        identity: {
          channel,
          userId: String(chatId),
          chatId: String(chatId),
          blocked: false,
          linkedAt: at,
        },
        consent: { version: 'test', at },
      },
      code,
    );
    const active = await core.store.collaborators.decide(
      collaborator.id,
      'pending',
      'active',
      'test',
      at,
    );
    if (options.joinedAt) {
      await core.store.models.collaborators.collection.updateOne(
        { _id: new Types.ObjectId(collaborator.id) },
        { $set: { createdAt: options.joinedAt } },
      );
    }
    out.push(active ?? collaborator);
  }
  return out;
}

/** Polls `check` every 25 ms until it holds; fails after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
