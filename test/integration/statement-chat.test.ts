import type { Core } from '../../src/app.js';
import { readRequest } from '../../src/conversation/commands/statement.commands.js';
import type { Reply } from '../../src/conversation/types.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { LEDGER_PRODUCTS } from '../fixtures/ledger-orders.js';
import { OCTOBER_CLOSE, scriptOctober } from '../fixtures/statement-october.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { pdfPages, squash } from '../support/pdf-text.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let huong: Collaborator;
let minh: Collaborator;

/** The document of the last turn: its file name and the text of its PDF. */
async function document(replies: Reply[]) {
  const attachment = replies.at(-1)?.attachment;
  if (attachment?.kind !== 'document') {
    throw new Error(`no document: ${replies.map((reply) => reply.text).join(' | ')}`);
  }
  return {
    caption: replies.at(-1)!.text,
    fileName: attachment.fileName,
    text: squash((await pdfPages(attachment.data)).join('\n')),
  };
}

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core, LEDGER_PRODUCTS);
  huong = await activeCollaborator(core, 'huong', {
    fullName: 'Nguyễn Thị Hương',
    phone: '0905 000 001',
  });
  minh = await activeCollaborator(core, 'minh', {
    fullName: 'Trần Văn Minh',
    phone: '0905 000 002',
  });
  await scriptOctober(core, huong, minh);
  await core.services.monthClose.close('2026-10', 'test', OCTOBER_CLOSE);
}, 60_000);

afterAll(async () => {
  await core.database.close();
});

describe('reading a statement request', () => {
  const now = new Date('2026-11-20T03:00:00Z');

  it.each([
    ['', {}],
    ['2026-10', { period: '2026-10' }],
    ['sao kê tháng 10', { period: '2026-10' }],
    ['bảng kê thang 10/2026', { period: '2026-10' }],
    ['Sao ke hoa hong thang 11 nam 2025 cho toi', { period: '2025-11' }],
    ['statement for November', { period: '2026-11' }],
    ['statement for December', { period: '2025-12' }],
    ['sao kê tháng trước', { period: '2026-10' }],
    ['CTV0042 2026-11', { code: 'CTV0042', period: '2026-11' }],
    ['ctv42 T11/2026', { code: 'CTV0042', period: '2026-11' }],
    ['sao kê tháng mười', { unreadable: 'sao kê tháng mười' }],
  ])('%j', (text, expected) => {
    expect(readRequest(text, now)).toEqual(expected);
  });
});

describe('/statement in chat', () => {
  it('gives a collaborator the last closed month as a PDF named by code and month', async () => {
    const replies = await chatAs(core, 'huong').say('/statement');
    const pdf = await document(replies);
    expect(pdf.fileName).toBe(`sao-ke-${huong.code}-2026-10.pdf`);
    expect(pdf.caption).toBe(`📄 Bảng kê hoa hồng tháng 10/2026 · ${huong.code} (phiên bản 1)`);
    expect(pdf.text).toContain('Nguyễn Thị Hương');
  });

  it('understands free text in Vietnamese and English', async () => {
    const chat = chatAs(core, 'huong');
    for (const text of ['sao kê tháng 10', 'bảng kê thang 10/2026', 'statement for October']) {
      expect((await document(await chat.say(text))).fileName).toBe(
        `sao-ke-${huong.code}-2026-10.pdf`,
      );
    }
    // "hoa hồng" alone is still earnings; with "bảng kê" it is the statement.
    expect((await chat.say('bảng kê hoa hồng tháng 10'))[0]!.attachment?.kind).toBe('document');
    expect((await chat.say('hoa hồng'))[0]!.attachment).toBeUndefined();
  });

  it('marks an open month provisional', async () => {
    // O5's approval on 4 November is November's first entry.
    await core.services.ledger.daily(new Date('2026-11-04T17:10:00Z'));
    const pdf = await document(await chatAs(core, 'huong').say('/statement 2026-11'));
    expect(pdf.caption).toContain('<b>tạm tính</b>');
    expect(pdf.text).toContain('TẠM TÍNH');
  });

  it('answers politely for a month without activity, one not begun, or not a month', async () => {
    const lan = await activeCollaborator(core, 'lan', { phone: '0905 000 003' });
    const chat = chatAs(core, 'lan');
    await chat.say('/statement 2026-10');
    expect(chat.text).toBe(
      'Bạn chưa phát sinh hoa hồng nào trong tháng 10/2026 (chưa có đơn được giao, ' +
        'khoản thưởng hay điều chỉnh), nên chưa có bảng kê cho tháng này.',
    );
    expect(chat.last[0]!.attachment).toBeUndefined();
    await chat.say('/statement 2027-01');
    expect(chat.text).toBe('Chưa đến tháng 1/2027, nên chưa có bảng kê.');
    await chat.say('/statement abc');
    expect(chat.text).toContain('Không đọc được tháng «abc»');

    // An admin asking about someone else is answered about them, by code.
    const admin = chatAs(core, 'admin');
    await admin.say(`/statement ${lan.code} 2026-10`);
    expect(admin.text).toContain(`${lan.code} không phát sinh hoa hồng nào trong tháng 10/2026`);
  });

  it('refuses a collaborator another one’s statement', async () => {
    const chat = chatAs(core, 'huong');
    await chat.say(`/statement ${minh.code} 2026-10`);
    expect(chat.text).toBe('Bạn chỉ xem được bảng kê của chính mình.');
    expect(chat.last[0]!.attachment).toBeUndefined();
    await chat.say(`sao kê ${minh.code} tháng 10`);
    expect(chat.text).toBe('Bạn chỉ xem được bảng kê của chính mình.');
    // Their own code is fine.
    const own = await document(await chat.say(`/statement ${huong.code} 2026-10`));
    expect(own.fileName).toBe(`sao-ke-${huong.code}-2026-10.pdf`);

    const stranger = chatAs(core, 'stranger');
    await stranger.say(`/statement ${huong.code} 2026-10`);
    expect(stranger.text).toBe('Bạn chỉ xem được bảng kê của chính mình.');
    await stranger.say('/statement');
    expect(stranger.text).toBe('Bạn chưa đăng ký làm cộng tác viên.');
  });

  it('gives an admin anyone’s statement, in the collaborator’s language', async () => {
    await core.services.collaborators.setLocale(minh, 'en');
    const admin = chatAs(core, 'admin');
    const pdf = await document(await admin.say(`/statement ${minh.code} 2026-10`));
    expect(pdf.fileName).toBe(`statement-${minh.code}-2026-10.pdf`);
    expect(pdf.text).toContain('Commission statement for October 2026');
    expect(pdf.text).toContain('₫9,900');
    expect(pdf.caption).toContain('Bảng kê hoa hồng tháng 10/2026');

    await admin.say('/statement');
    expect(admin.text).toBe(
      'Cách dùng: /statement MÃ_CTV YYYY-MM, ví dụ /statement CTV0042 2026-11.',
    );
    await admin.say('/statement CTV9999 2026-10');
    expect(admin.text).toBe('Không tìm thấy cộng tác viên CTV9999.');
  });

  it('is on the menu and in the help', async () => {
    const chat = chatAs(core, 'huong');
    await chat.say('/menu');
    const buttons = chat.last[0]!.choices!.flat();
    expect(buttons).toContainEqual({ label: '📄 Bảng kê', payload: '/statement' });
    await chat.say('/help');
    expect(chat.text).toContain('/statement');
  });
});
