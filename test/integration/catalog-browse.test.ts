import type { Core } from '../../src/app.js';
import type { Reply } from '../../src/conversation/types.js';
import { parseProduct, type ProductRecord } from '../../src/domain/product.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeCollaborator, registerThroughChat } from '../support/register.js';

let core: Core;

/** Ten cosmetics (two pages of eight), one supplement, two household goods (one hidden). */
const RECORDS: ProductRecord[] = [
  { sku: 'MP-01', name: 'Kem chống nắng SPF50', category: 'Mỹ phẩm', price: 289_000 },
  { sku: 'MP-02', name: 'Dầu gội thảo dược', category: 'Mỹ phẩm', price: 120_000 },
  { sku: 'MP-03', name: 'Kem dưỡng ẩm ban đêm', category: 'Mỹ phẩm', price: 350_000 },
  { sku: 'MP-04', name: 'Mặt nạ ngủ môi', category: 'Mỹ phẩm', price: 99_000 },
  { sku: 'MP-05', name: 'Nước hoa hồng', category: 'Mỹ phẩm', price: 180_000 },
  { sku: 'MP-06', name: 'Phấn phủ kiềm dầu', category: 'Mỹ phẩm', price: 210_000 },
  { sku: 'MP-07', name: 'Serum vitamin C', category: 'Mỹ phẩm', price: 420_000 },
  { sku: 'MP-08', name: 'Son kem lì', category: 'Mỹ phẩm', price: 189_000 },
  { sku: 'MP-09', name: 'Sữa rửa mặt trà xanh', category: 'Mỹ phẩm', price: 145_000 },
  { sku: 'MP-10', name: 'Tẩy trang micellar', category: 'Mỹ phẩm', price: 160_000 },
  {
    sku: 'TP-01',
    name: 'Viên uống collagen',
    category: 'Thực phẩm chức năng',
    price: 129_900,
    commission_rate: '4.5',
    description: 'Uống 3 viên mỗi ngày.',
  },
  {
    sku: 'GD-01',
    name: 'Bình giữ nhiệt',
    category: 'Đồ gia dụng',
    price: 199_000,
    commission_fixed: 20_000,
  },
  {
    sku: 'GD-02',
    name: 'Nồi chiên không dầu (mẫu cũ)',
    category: 'Đồ gia dụng',
    price: 1_490_000,
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
  await activeCollaborator(core, 'lan', { fullName: 'Phạm Thị Lan', phone: '0977 300 001' });
});

afterAll(async () => {
  await core.database.close();
});

const labels = (reply: Reply | undefined) => (reply?.choices ?? []).flat().map((c) => c.label);
const payloads = (reply: Reply | undefined) => (reply?.choices ?? []).flat().map((c) => c.payload);

describe('browsing: categories → products → card', () => {
  it('walks from the categories to a product card with price and earning', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('/products');
    expect(lan.text).toContain('<b>Danh mục sản phẩm</b>');
    // Sorted without diacritics: "do gia dung" < "my pham" < "thuc pham…"; the hidden pot is
    // not counted for a collaborator.
    expect(labels(lan.last[0])).toEqual([
      'Đồ gia dụng (1)',
      'Mỹ phẩm (10)',
      'Thực phẩm chức năng (1)',
    ]);

    await lan.press('Mỹ phẩm (10)');
    expect(lan.text).toBe('<b>Mỹ phẩm</b> · 10 sản phẩm · trang 1/2');
    expect(labels(lan.last[0])).toEqual([
      'Dầu gội thảo dược · 120.000 ₫',
      'Kem chống nắng SPF50 · 289.000 ₫',
      'Kem dưỡng ẩm ban đêm · 350.000 ₫',
      'Mặt nạ ngủ môi · 99.000 ₫',
      'Nước hoa hồng · 180.000 ₫',
      'Phấn phủ kiềm dầu · 210.000 ₫',
      'Serum vitamin C · 420.000 ₫',
      'Son kem lì · 189.000 ₫',
      'Trang sau ›',
      '« Danh mục',
    ]);

    await lan.press('Kem chống nắng SPF50 · 289.000 ₫');
    const [card, forward] = lan.last;
    // No own commission and no rule book stored: the default 10%. 289,000 × 10% = 28,900.
    expect(card!.text).toContain('<b>Kem chống nắng SPF50</b>\nMã MP-01 · Mỹ phẩm');
    expect(card!.text).toContain('Giá: <b>289.000 ₫</b>');
    expect(card!.text).toContain('Hoa hồng của bạn: <b>28.900 ₫</b> mỗi sản phẩm (10% giá bán)');
    expect(card!.text).toContain('Tình trạng: còn hàng');
    expect(card!.choices![0]).toEqual([{ label: '🛒 Đặt hàng', payload: '/order MP-01' }]);
    expect(labels(card)).not.toContain('🙈 Ẩn sản phẩm');
    expect(forward!.choices).toBeUndefined();
  });

  it('goes to page 2 and back', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('/products');
    await lan.press('Mỹ phẩm (10)');
    await lan.press('Trang sau ›');
    expect(lan.text).toBe('<b>Mỹ phẩm</b> · 10 sản phẩm · trang 2/2');
    expect(labels(lan.last[0])).toEqual([
      'Sữa rửa mặt trà xanh · 145.000 ₫',
      'Tẩy trang micellar · 160.000 ₫',
      '‹ Trang trước',
      '« Danh mục',
    ]);
    await lan.press('‹ Trang trước');
    expect(lan.text).toBe('<b>Mỹ phẩm</b> · 10 sản phẩm · trang 1/2');
  });

  it('shows a product rate with a decimal comma and rounds half-up', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('/product tp-01');
    // 129,900 × 4.5% = 5,845.5 → 5,846
    expect(lan.last[0]!.text).toContain(
      'Hoa hồng của bạn: <b>5.846 ₫</b> mỗi sản phẩm (4,5% giá bán)',
    );
    expect(lan.last[0]!.text).toContain('Uống 3 viên mỗi ngày.');
  });

  it('shows a fixed commission per unit, in English money style for an English user', async () => {
    const lan = chatAs(core, 'lan-en');
    await lan.say('/language en');
    await lan.say('/product GD-01');
    expect(lan.last[0]!.text).toContain('Price: <b>₫199,000</b>');
    expect(lan.last[0]!.text).toContain('Your commission: <b>₫20,000</b> per unit (fixed)');
  });

  it('sends a forward text with the price and without any commission', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('/product TP-01');
    const forward = lan.last[1]!.text;
    expect(forward).toBe(
      'Viên uống collagen\nGiá: 129.900 ₫\nUống 3 viên mỗi ngày.\n' +
        'Anh/chị nhắn lại cho em để đặt hàng nhé!',
    );
    expect(forward).not.toMatch(/5\.846|hoa hồng|%|<b>/i);
  });

  it('lets a collaborator still waiting for approval, and a stranger, browse', async () => {
    await registerThroughChat(core, 'waiting', { phone: '0977 300 002' });
    for (const userId of ['waiting', 'stranger']) {
      const chat = chatAs(core, userId);
      await chat.say('san pham');
      expect(labels(chat.last[0])).toContain('Mỹ phẩm (10)');
    }
  });
});

describe('button payloads', () => {
  it("stay within Telegram's 64 bytes for the longest category, sku and search", async () => {
    const category = 'Thiết bị chăm sóc sức khỏe và sắc đẹp nhập khẩu chính hãng';
    const sku = 'TB-' + '9'.repeat(37);
    const result = parseProduct({ sku, name: 'Máy massage cổ', category, price: 990_000 });
    if (!result.ok) throw new Error(result.problems.join('; '));
    await core.services.catalog.importProducts([result.product], 'test', new Date());

    const lan = chatAs(core, 'long-names');
    const seen: string[] = [];
    const keep = () => seen.push(...lan.last.flatMap((reply) => payloads(reply)));
    await lan.say('/products');
    keep();
    await lan.press(/^Thiết bị/);
    keep();
    expect(lan.text).toContain(`<b>${category}</b> · 1 sản phẩm`);
    await lan.press(/^Máy massage/);
    keep();
    expect(lan.last[0]!.text).toContain(`Mã ${sku}`);
    await lan.say('tìm ' + 'máy massage cổ vai gáy hồng ngoại loại tốt nhất thị trường');
    keep();

    expect(seen.filter((payload) => Buffer.byteLength(payload) > 64)).toEqual([]);
    expect(seen).toContain(`/order ${sku}`);
  });
});

describe('search ignores diacritics and case', () => {
  it.each([
    'tìm kem chống nắng',
    'tim kem chong nang',
    'TÌM KEM CHỐNG NẮNG',
    '/products Kem Chong Nang',
  ])('%j finds the sunscreen only', async (typed) => {
    const lan = chatAs(core, 'lan');
    await lan.say(typed);
    expect(lan.last[0]!.text).toMatch(/^Tìm «.+»: 1 sản phẩm · trang 1\/1$/);
    expect(labels(lan.last[0])).toEqual(['Kem chống nắng SPF50 · 289.000 ₫', '« Danh mục']);
  });

  it('quotes the words as typed and lists every match of one word', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('tìm kem');
    expect(lan.last[0]!.text).toBe('Tìm «kem»: 3 sản phẩm · trang 1/1');
    expect(payloads(lan.last[0])).toEqual([
      '/product MP-01',
      '/product MP-03',
      '/product MP-08',
      '/products',
    ]);
  });

  it('finds by sku and says so when nothing matches', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('/products gd-01');
    expect(payloads(lan.last[0])).toEqual(['/product GD-01', '/products']);
    await lan.say('tìm máy giặt');
    expect(lan.text).toBe(
      'Không tìm thấy sản phẩm nào khớp «máy giặt». Bấm «Danh mục» để xem theo nhóm hàng.',
    );
  });

  it('"sản phẩm" and "xem danh mục" show the categories', async () => {
    const lan = chatAs(core, 'lan');
    for (const typed of ['sản phẩm', 'Xem danh mục', 'SAN PHAM']) {
      await lan.say(typed);
      expect(lan.text).toContain('<b>Danh mục sản phẩm</b>');
    }
  });
});
