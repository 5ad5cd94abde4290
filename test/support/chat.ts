import type { Core } from '../../src/app.js';
import type { Channel } from '../../src/domain/channel.js';
import type { InboundEvent, Reply } from '../../src/conversation/types.js';

let updates = 0;

/**
 * A person talking to the engine directly: `say` types text, `press` presses a button by its
 * label on the last reply that has buttons. Every call returns the replies.
 */
export function chatAs(core: Core, userId: string, channel: Channel = 'web') {
  let last: Reply[] = [];
  let clock = Date.parse('2026-11-20T03:00:00Z');

  async function send(fields: Partial<InboundEvent>): Promise<Reply[]> {
    clock += 1000;
    last = await core.engine.handle({
      channel,
      userId,
      chatId: userId,
      updateId: String(++updates),
      at: new Date(clock),
      ...fields,
    });
    return last;
  }

  return {
    say: (text: string) => send({ text }),
    contact: (phone: string, own = true) => send({ contact: { phone, own } }),
    async press(label: string | RegExp): Promise<Reply[]> {
      const choice = [...last]
        .reverse()
        .flatMap((reply) => (reply.choices ?? []).flat())
        .find((item) =>
          typeof label === 'string' ? item.label === label : label.test(item.label),
        );
      if (!choice) {
        const labels = last.flatMap((reply) => (reply.choices ?? []).flat().map((c) => c.label));
        throw new Error(`No button ${label} in the last replies; buttons: ${labels.join(' | ')}`);
      }
      return send({ payload: choice.payload });
    },
    send,
    get last() {
      return last;
    },
    /** All reply texts of the last turn joined, for matching. */
    get text() {
      return last.map((reply) => reply.text).join('\n');
    },
  };
}
