import type { Core } from '../../src/app.js';
import { SendError } from '../../src/conversation/send-error.js';
import type { ChannelSender, Reply } from '../../src/conversation/types.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import {
  createDeliveryService,
  type DeliveryService,
} from '../../src/services/delivery.service.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { activeRecipients } from '../support/recipients.js';

/** A channel that records what it sends and fails as told, per chat, in order. */
function scriptedChannel() {
  const sent: { chatId: string; reply: Reply }[] = [];
  const script = new Map<string, unknown[]>();
  const sender: ChannelSender = {
    async send(chatId, reply) {
      await sender.sendPaced!(chatId, reply);
    },
    async sendPaced(chatId, reply) {
      const failure = script.get(chatId)?.shift();
      if (failure) throw failure;
      sent.push({ chatId, reply });
      return {};
    },
  };
  return {
    sender,
    sent,
    to: (chatId: number) => sent.filter((item) => item.chatId === String(chatId)),
    fail: (chatId: number, ...errors: unknown[]) => script.set(String(chatId), errors),
  };
}

let core: Core;
let channel: ReturnType<typeof scriptedChannel>;
let deliveries: DeliveryService;
let people: Collaborator[];
const message: Reply = { text: 'Sao kê tháng 11 đã sẵn sàng.' };

beforeAll(async () => {
  core = await startTestCore();
  channel = scriptedChannel();
  core.senders.telegram = channel.sender;
  deliveries = createDeliveryService({
    store: core.store,
    senders: core.senders,
    catalogue: core.catalogue,
    rateLimits: { telegram: { perSecond: 1000, perChatPerSecond: 1000 } },
    logger: silentLogger,
    staleLeaseMs: 60_000,
    attempt: { backoffBaseMs: 5 },
  });
  people = await activeRecipients(core, [6001, 6002, 6003, 6004, 6005, 6006, 6007]);
});

afterAll(async () => {
  await core.database.close();
});

describe('keyed deliveries (the path job notices take)', () => {
  it('sends once per key, however often the job asks', async () => {
    const [lan] = people;
    expect(await deliveries.send(lan!, message, 'statement:2026-11:a')).toEqual({
      outcome: 'sent',
    });
    expect(await deliveries.send(lan!, message, 'statement:2026-11:a')).toEqual({
      outcome: 'duplicate',
    });
    const [first, second] = await Promise.all([
      deliveries.send(lan!, message, 'statement:2026-11:b'),
      deliveries.send(lan!, message, 'statement:2026-11:b'),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(['duplicate', 'sent']);
    expect(channel.to(6001)).toHaveLength(2);
  });

  it('builds the message in the collaborator’s language', async () => {
    const [english] = await activeRecipients(core, [6101], { locale: 'en' });
    await deliveries.send(
      english!,
      (i18n) => ({ text: i18n.t('broadcast-training-button') }),
      'k:en',
    );
    expect(channel.to(6101).map((item) => item.reply.text)).toEqual([
      '📚 Open the training library',
    ]);
  });

  it('marks an identity blocked on 403 and skips it from then on', async () => {
    const person = people[1]!;
    channel.fail(6002, new SendError('blocked', 'Forbidden: bot was blocked by the user'));
    expect(await deliveries.send(person, message, 'payout:1')).toEqual({
      outcome: 'blocked',
      reason: 'Forbidden: bot was blocked by the user',
    });
    const stored = await core.store.collaborators.byId(person.id);
    expect(stored!.identities[0]!.blocked).toBe(true);
    expect(await deliveries.send(stored!, message, 'payout:2')).toEqual({ outcome: 'unreachable' });
    expect(await deliveries.send(person, message, 'payout:1')).toMatchObject({
      outcome: 'blocked',
    });
    expect(channel.to(6002)).toEqual([]);
  });

  it('waits out a 429 and sends to the same person again', async () => {
    channel.fail(6003, new SendError('rate-limited', 'Too Many Requests: retry after 1', 300));
    const started = Date.now();
    expect(await deliveries.send(people[2]!, message, 'rl:1')).toEqual({ outcome: 'sent' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(channel.to(6003)).toHaveLength(1);
  });

  it('retries a transient fault with backoff, then fails with the reason; a later run retries', async () => {
    const fault = () => new SendError('transient', 'Internal Server Error');
    channel.fail(6004, fault(), fault());
    expect(await deliveries.send(people[3]!, message, 'tr:1')).toEqual({ outcome: 'sent' });

    channel.fail(6004, fault(), fault(), fault());
    expect(await deliveries.send(people[3]!, message, 'tr:2')).toEqual({
      outcome: 'failed',
      reason: 'Internal Server Error',
    });
    expect((await deliveries.byKey('tr:2'))!.state).toBe('failed');
    // The job runs again the next day: a failed delivery is tried again, a sent one is not.
    expect(await deliveries.send(people[3]!, message, 'tr:2')).toEqual({ outcome: 'sent' });
    expect(channel.to(6004)).toHaveLength(2);
  });

  it('fails at once, without retrying, what the channel refuses for good', async () => {
    channel.fail(6005, new SendError('rejected', 'Bad Request: chat not found'), 'unused');
    expect(await deliveries.send(people[4]!, message, 'rj:1')).toEqual({
      outcome: 'failed',
      reason: 'Bad Request: chat not found',
    });
    expect((await deliveries.byKey('rj:1'))!.attempts).toBe(1);
  });

  it('takes over a lease gone stale (at-least-once) but leaves a live one alone', async () => {
    const person = people[5]!;
    const deliveryModel = core.store.connection.models.Delivery!;
    const base = { collaboratorId: person.id, channel: 'telegram', chatId: '6006', locale: 'vi' };
    await deliveryModel.create({
      ...base,
      key: 'crash:stale',
      state: 'sending',
      lease: { owner: 'dead-worker', at: new Date(Date.now() - 120_000) },
    });
    await deliveryModel.create({
      ...base,
      key: 'crash:live',
      state: 'sending',
      lease: { owner: 'busy-worker', at: new Date() },
    });
    expect(await deliveries.send(person, message, 'crash:stale')).toEqual({ outcome: 'sent' });
    expect(await deliveries.send(person, message, 'crash:live')).toEqual({ outcome: 'duplicate' });
    expect(channel.to(6006)).toHaveLength(1);
  });

  it('fails with a reason when the channel is not running, and says so for nobody to reach', async () => {
    const [onZalo] = await activeRecipients(core, [6201], { channel: 'zalo' });
    expect(await deliveries.send(onZalo!, message, 'zalo:1')).toEqual({
      outcome: 'failed',
      reason: 'channel not running',
    });
  });

  it('retries errors from a channel without classified failures as transient', async () => {
    let calls = 0;
    core.senders.web = {
      async send() {
        calls += 1;
        if (calls < 3) throw new Error('socket hang up');
      },
    };
    const [onWeb] = await activeRecipients(core, [6301], { channel: 'web' });
    expect(await deliveries.send(onWeb!, message, 'web:1')).toEqual({ outcome: 'sent' });
    expect(calls).toBe(3);
  });

  it('writes to an admin chat the same way (`toChat`)', async () => {
    const address = { channel: 'telegram' as const, chatId: '6007', locale: 'vi' as const };
    expect(await deliveries.toChat(address, message, 'admin:1')).toEqual({ outcome: 'sent' });
    expect(await deliveries.toChat(address, message, 'admin:1')).toEqual({ outcome: 'duplicate' });
    expect(channel.to(6007)).toHaveLength(1);
  });
});
