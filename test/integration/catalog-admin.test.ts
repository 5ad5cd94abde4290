import type { Core } from '../../src/app.js';
import type { Reply } from '../../src/conversation/types.js';
import { parseProduct, type ProductRecord } from '../../src/domain/product.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;

const RECORDS: ProductRecord[] = [
  { sku: 'GD-01', name: 'Bình giữ nhiệt', category: 'Đồ gia dụng', price: 199_000 },
  { sku: 'GD-02', name: 'Nồi chiên không dầu', category: 'Đồ gia dụng', price: 1_490_000 },
  {
    sku: 'GD-03',
    name: 'Máy lọc không khí (mẫu cũ)',
    category: 'Đồ gia dụng',
    price: 2_190_000,
    active: false,
  },
];

beforeAll(async () => {
  core = await startTestCore();
  const products = RECORDS.map((record) => {
    const result = parseProduct(record);
    if (!result.ok) throw new Error(result.problems.join('; '));
    return result.product;
  });
  await core.services.catalog.importProducts(products, 'test', new Date('2026-11-01T00:00:00Z'));
  await activeCollaborator(core, 'hoa', { fullName: 'Đỗ Thị Hoa', phone: '0977 400 001' });
});

afterAll(async () => {
  await core.database.close();
});

const labels = (reply: Reply | undefined) => (reply?.choices ?? []).flat().map((c) => c.label);

describe('a hidden product', () => {
  it('is invisible to a collaborator: not counted, not listed, not found, not searched', async () => {
    const hoa = chatAs(core, 'hoa');
    await hoa.say('/products');
    expect(labels(hoa.last[0])).toEqual(['Đồ gia dụng (2)']);
    await hoa.press('Đồ gia dụng (2)');
    expect(hoa.text).not.toContain('Máy lọc');
    expect(labels(hoa.last[0])).not.toContainEqual(expect.stringContaining('Máy lọc'));

    await hoa.say('/product GD-03');
    expect(hoa.text).toBe('Không tìm thấy sản phẩm GD-03.');
    await hoa.say('tìm máy lọc');
    expect(hoa.text).toContain('Không tìm thấy sản phẩm nào khớp «máy lọc»');
  });

  it('is visible to the admin, marked, with a Show button', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/products');
    expect(labels(admin.last[0])).toEqual(['Đồ gia dụng (3)']);
    await admin.press('Đồ gia dụng (3)');
    expect(labels(admin.last[0])).toContain('🚫 Máy lọc không khí (mẫu cũ) · 2.190.000 ₫');

    await admin.press(/Máy lọc/);
    const card = admin.last[0]!;
    expect(card.text).toContain('🚫 <i>Đang ẩn');
    // The admin is no collaborator: the commission is labelled for collaborators, and there
    // is nothing to order with.
    expect(card.text).toContain('Hoa hồng CTV: <b>219.000 ₫</b>');
    expect(card.choices![0]).toEqual([{ label: '👁 Hiện lại', payload: '/product_show GD-03' }]);
    expect(labels(card)).not.toContain('🛒 Đặt hàng');
  });
});

describe('hiding and showing from the card', () => {
  it('hides a product with its button, then shows it again, with an audit trail', async () => {
    const admin = chatAs(core, 'admin');
    const hoa = chatAs(core, 'hoa');
    await admin.say('/product gd-02');
    expect(admin.last[0]!.choices).toContainEqual([
      { label: '🙈 Ẩn sản phẩm', payload: '/product_hide GD-02' },
    ]);

    await admin.press('🙈 Ẩn sản phẩm');
    expect(admin.last[0]!.text).toBe(
      'Đã ẩn Nồi chiên không dầu (GD-02): cộng tác viên không còn nhìn thấy sản phẩm này.',
    );
    expect(labels(admin.last[1])).toContain('👁 Hiện lại');
    expect((await core.services.catalog.bySku('GD-02'))?.active).toBe(false);
    await hoa.say('/product GD-02');
    expect(hoa.text).toBe('Không tìm thấy sản phẩm GD-02.');

    await admin.press('👁 Hiện lại');
    expect(admin.last[0]!.text).toBe('Đã hiện lại Nồi chiên không dầu (GD-02).');
    await hoa.say('/product GD-02');
    expect(hoa.last[0]!.text).toContain('<b>Nồi chiên không dầu</b>');

    const entries = await core.store.audit.forSubject('product:GD-02');
    expect(entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ['product.hidden', 'web:admin'],
      ['product.shown', 'web:admin'],
    ]);
  });

  it('records nothing more when the same button is pressed twice', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/product_hide GD-01');
    await admin.say('/product_hide GD-01');
    expect(admin.last[0]!.text).toContain('Đã ẩn Bình giữ nhiệt (GD-01)');
    const entries = await core.store.audit.forSubject('product:GD-01');
    expect(entries.map((entry) => entry.action)).toEqual(['product.hidden']);
    await admin.say('/product_show GD-01');
  });

  it('answers usage and not-found', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/product_hide');
    expect(admin.text).toBe('Cách dùng: /product_hide MÃ hoặc /product_show MÃ');
    await admin.say('/product_show XX-99');
    expect(admin.text).toBe('Không tìm thấy sản phẩm XX-99.');
  });

  it('refuses hide and show to a collaborator', async () => {
    const hoa = chatAs(core, 'hoa');
    for (const command of ['/product_hide GD-01', '/product_show GD-03']) {
      await hoa.say(command);
      expect(hoa.text).toBe('Lệnh này chỉ dành cho quản trị viên.');
    }
    expect((await core.services.catalog.bySku('GD-01'))?.active).toBe(true);
    expect((await core.services.catalog.bySku('GD-03'))?.active).toBe(false);
  });
});
