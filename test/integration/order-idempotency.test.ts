import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { OrderSubmission } from '../../src/services/order.service.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { fillOrder, ORDER_PRODUCTS, product, seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let vy: Collaborator;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core);
  vy = await activeCollaborator(core, 'vy', { phone: '0903 000 001' });
});

afterAll(async () => {
  await core.database.close();
});

type Chat = ReturnType<typeof chatAs>;

const orders = () => core.store.connection.models.Order!.countDocuments();

/** Fills a draft and returns the payload of the summary's confirm button. */
async function confirmPayload(chat: Chat): Promise<string> {
  await fillOrder(chat);
  const confirm = chat.last.at(-1)!.choices![0]![0]!;
  expect(confirm.label).toBe('✅ Gửi đơn');
  return confirm.payload;
}

function submission(key: string, at = new Date('2026-11-21T02:00:00Z')): OrderSubmission {
  return {
    collaborator: vy,
    idempotencyKey: key,
    items: [{ sku: 'KCN-01', quantity: 1 }],
    customer: { name: 'Chị Hà', phone: '+84912345678', address: '3 Hàng Bài, Hà Nội' },
    at,
  };
}

describe('a draft becomes one order', () => {
  it('answers "expired" when the old confirm button is pressed again', async () => {
    const chat = chatAs(core, 'vy');
    const payload = await confirmPayload(chat);
    const before = await orders();

    await chat.send({ payload });
    expect(chat.text).toContain('Đã gửi đơn');
    await chat.send({ payload });
    expect(chat.text).toBe('Nút này đã hết hạn. Gõ /menu để bắt đầu lại.');
    expect(await orders()).toBe(before + 1);
  });

  it('handles two presses that arrive together once', async () => {
    const chat = chatAs(core, 'vy');
    const payload = await confirmPayload(chat);
    const before = await orders();

    const [first, second] = await Promise.all([chat.send({ payload }), chat.send({ payload })]);
    const texts = [...first!, ...second!].map((reply) => reply.text);
    expect(texts.filter((text) => text.startsWith('Đã gửi đơn'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('hết hạn'))).toHaveLength(1);
    expect(await orders()).toBe(before + 1);
  });

  it('ignores the same update delivered twice', async () => {
    const chat = chatAs(core, 'vy');
    const payload = await confirmPayload(chat);
    const before = await orders();

    const first = await chat.send({ payload, updateId: 'order-redelivered' });
    const second = await chat.send({ payload, updateId: 'order-redelivered' });
    expect(first.map((reply) => reply.text).join()).toContain('Đã gửi đơn');
    expect(second).toEqual([]);
    expect(await orders()).toBe(before + 1);
  });

  it('returns the first order when a submission is repeated with its key', async () => {
    const before = await orders();
    const first = await core.services.orders.submit(submission('draft-repeat'));
    const again = await core.services.orders.submit(submission('draft-repeat'));
    expect(first.outcome).toBe('created');
    expect(again).toEqual({ outcome: 'existing', order: (first as { order: unknown }).order });
    expect(await orders()).toBe(before + 1);
  });

  it('creates one order when two workers submit the same draft at once', async () => {
    const before = await orders();
    const results = await Promise.all([
      core.services.orders.submit(submission('draft-race')),
      core.services.orders.submit(submission('draft-race')),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['created', 'existing']);
    const numbers = results.map((result) => ('order' in result ? result.order.number : ''));
    expect(numbers[0]).toBe(numbers[1]);
    expect(await orders()).toBe(before + 1);
    const audits = await core.store.audit.forSubject(`order:${numbers[0]}`);
    expect(audits).toHaveLength(1);
  });

  it('gives orders sequential, unique numbers', async () => {
    const a = await core.services.orders.submit(submission('draft-seq-a'));
    const b = await core.services.orders.submit(submission('draft-seq-b'));
    const [na, nb] = [a, b].map((result) => ('order' in result ? result.order.seq : 0));
    expect(nb).toBe(na! + 1);
    expect('order' in b && b.order.number).toBe(`DH-${String(nb).padStart(6, '0')}`);
  });
});

describe('an order keeps the price and terms of its submission', () => {
  it('is not changed by a new price or a new rule book', async () => {
    const result = await core.services.orders.submit(submission('draft-frozen'));
    if (result.outcome !== 'created') throw new Error(result.outcome);
    const number = result.order.number;
    // SRM-01 earns the default rate: under the built-in book that is 10%.
    const srm = await core.services.orders.submit({
      ...submission('draft-frozen-srm'),
      items: [{ sku: 'SRM-01', quantity: 2 }],
    });
    if (srm.outcome !== 'created') throw new Error(srm.outcome);

    const kcn = ORDER_PRODUCTS.find((record) => record.sku === 'KCN-01')!;
    await core.services.catalog.importProducts(
      [product({ ...kcn, price: 150_000, commission_rate: '8' })],
      'test:price-change',
      new Date('2026-11-22T00:00:00Z'),
    );
    await core.services.catalog.saveRuleBook(
      { effectiveFrom: new Date('2026-11-22T00:00:00Z'), defaultRate: '5', categories: {} },
      'test:rules',
      new Date('2026-11-22T00:00:00Z'),
    );

    const kept = await core.services.orders.find(number, { isAdmin: true });
    expect(kept).toMatchObject({
      total: 129_900,
      expectedCommission: 5_846, // 129,900 × 4.5% = 5,845.5 → 5,846
      lines: [{ sku: 'KCN-01', unitPrice: 129_900, commission: { kind: 'rate', rate: '4.5' } }],
    });
    const keptSrm = await core.services.orders.find(srm.order.number, { isAdmin: true });
    expect(keptSrm).toMatchObject({
      expectedCommission: 29_000,
      lines: [{ commission: { kind: 'rate', rate: '10' } }],
    });

    const admin = chatAs(core, 'admin');
    await admin.say(`/order ${number}`);
    expect(admin.text).toContain('1. Kem chống nắng SPF50 × 1 · 129.900 ₫ = 129.900 ₫');

    const later = await core.services.orders.submit({
      ...submission('draft-after-change', new Date('2026-11-23T00:00:00Z')),
      items: [
        { sku: 'KCN-01', quantity: 1 },
        { sku: 'SRM-01', quantity: 2 },
      ],
    });
    expect(later).toMatchObject({
      order: {
        lines: [
          { unitPrice: 150_000, commission: { kind: 'rate', rate: '8' } },
          { unitPrice: 145_000, commission: { kind: 'rate', rate: '5' } },
        ],
      },
    });
  });

  it('takes out a product hidden while the summary was open, and says so', async () => {
    const chat = chatAs(core, 'vy');
    await fillOrder(chat);
    await core.services.catalog.setActive('SRM-01', false, 'test', new Date());
    try {
      const before = await orders();
      await chat.press('✅ Gửi đơn');
      expect(await orders()).toBe(before);
      expect(chat.text).toContain('Đã bỏ khỏi đơn vì không còn bán: SRM-01.');
      expect(chat.text).not.toContain('Sữa rửa mặt');

      await chat.press('Tiếp tục ›');
      expect(chat.text).toContain('Kiểm tra đơn hàng');
      await chat.press('✅ Gửi đơn');
      const number = /DH-\d{6}/.exec(chat.text)![0];
      const order = await core.services.orders.find(number, { isAdmin: true });
      expect(order!.lines.map((line) => line.sku)).toEqual(['KCN-01']);
    } finally {
      await core.services.catalog.setActive('SRM-01', true, 'test', new Date());
    }
  });
});

describe('two workers', () => {
  it('make one order when each takes one of two confirm presses', async () => {
    // A second engine on the same database, as a second process would have: the per-chat queue
    // of one process does not hold the other, so both run the confirm step at once.
    const second = await createCore({
      settings: core.settings,
      database: core.database,
      encryptionKey: randomBytes(32),
      logger: silentLogger,
    });
    const chat = chatAs(core, 'vy');
    const payload = await confirmPayload(chat);
    const before = await orders();

    const event = { channel: 'web' as const, userId: 'vy', chatId: 'vy', payload };
    const at = new Date('2026-11-20T05:00:00Z');
    const [first, other] = await Promise.all([
      core.engine.handle({ ...event, updateId: 'worker-a', at }),
      second.engine.handle({ ...event, updateId: 'worker-b', at }),
    ]);
    const texts = [...first, ...other].map((reply) => reply.text);
    expect(await orders()).toBe(before + 1);
    expect(texts.filter((text) => text.startsWith('Đã gửi đơn'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('hết hạn'))).toHaveLength(1);
  });
});
