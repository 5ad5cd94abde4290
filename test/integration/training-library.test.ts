import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeRecipients } from '../support/recipients.js';
import { registerThroughChat } from '../support/register.js';

let core: Core;
let lan: Collaborator;
const pdf = Buffer.from('%PDF-1.7 chính sách hoa hồng 2026\n'.repeat(20_000));
let downloads = 0;

beforeAll(async () => {
  core = await startTestCore();
  lan = (await activeRecipients(core, [8001], { channel: 'web' }))[0]!;
  // A channel that hands over what admins upload, as Telegram's getFile does.
  core.senders.telegram = {
    async send() {},
    async downloadFile(fileId) {
      downloads += 1;
      if (fileId !== 'tg-file-1') throw new Error('no such file');
      return pdf;
    },
  };
});

afterAll(async () => {
  await core.database.close();
});

describe('training library', () => {
  it('an admin adds a link in chat: content, title, topic, save', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/material');
    await admin.say('không phải link');
    expect(admin.text).toContain('Vui lòng gửi một tệp, ảnh hoặc video, hoặc nhập một đường link');
    await admin.say('https://youtu.be/abc123');
    await admin.say('Video hướng dẫn lên đơn');
    await admin.say('Hướng dẫn bán hàng');
    expect(admin.text).toBe(
      [
        '<b>Tài liệu mới</b>',
        'Link: https://youtu.be/abc123',
        'Tiêu đề: <b>Video hướng dẫn lên đơn</b>',
        'Chủ đề: Hướng dẫn bán hàng',
      ].join('\n'),
    );
    await admin.press('✅ Lưu');
    expect(admin.text).toContain('✅ Đã lưu tài liệu <b>Video hướng dẫn lên đơn</b>');
  });

  it('keeps an uploaded file in the database once, however often the draft is confirmed', async () => {
    const input = {
      sourceKey: 'chat:telegram:9001:draft-1',
      title: 'Chính sách hoa hồng 2026',
      topic: 'Chính sách',
      file: {
        channel: 'telegram' as const,
        fileId: 'tg-file-1',
        kind: 'document' as const,
        fileName: 'chinh-sach-2026.pdf',
        mimeType: 'application/pdf',
        size: pdf.length,
      },
      createdBy: 'telegram:9001',
    };
    const first = await core.services.training.add(input);
    const again = await core.services.training.add(input);
    expect(first.created).toBe(true);
    expect(again).toEqual({ material: first.material, created: false });
    expect(downloads).toBe(1);

    const file = first.material.file!;
    expect(file).toMatchObject({
      kind: 'document',
      size: pdf.length,
      refs: { telegram: 'tg-file-1' },
    });
    expect((await core.services.training.readFile(file.gridId)).equals(pdf)).toBe(true);
  });

  it('refuses a file over 20 MB at once, and a channel that cannot download at save time', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/material');
    const big = { attachment: { kind: 'video' as const, fileId: 'v' }, file: { size: 30e6 } };
    await admin.send(big);
    expect(admin.text).toContain('Tệp lớn hơn 20 MB');
    await admin.send({ attachment: { kind: 'document', fileId: 'w' }, file: { name: 'a.pdf' } });
    await admin.say('Bảng giá');
    // A topic typed without its diacritics joins the topic that exists.
    await admin.say('chinh sach');
    expect(admin.text).toContain('Chủ đề: Chính sách');
    await admin.press('✅ Lưu');
    expect(admin.text).toBe('Kênh chat này chưa nhận tệp tải lên. Hãy gửi đường link.');
    // The draft is still there to save again later, or to drop.
    await admin.say('hủy');
    expect(admin.text).toBe('Đã bỏ tài liệu đang thêm.');
  });

  it('is for active collaborators and admins', async () => {
    expect((await chatAs(core, 'stranger').say('/training'))[0]!.text).toContain('chưa đăng ký');
    await registerThroughChat(core, 'waiting', { phone: '0912 000 111' });
    expect((await chatAs(core, 'waiting').say('tài liệu'))[0]!.text).toBe(
      'Tài liệu đào tạo dành cho cộng tác viên đang hoạt động. Bạn sẽ xem được khi tài khoản được duyệt.',
    );
  });

  it('a collaborator browses topics, opens a material and the opening is counted', async () => {
    const chat = chatAs(core, lan.identities[0]!.userId);
    await chat.say('dao tao');
    expect(chat.text).toBe('📚 <b>Tài liệu đào tạo</b>\nChọn một chủ đề:');
    expect(chat.last[0]!.choices!.map((row) => row[0]!.label)).toEqual([
      'Chính sách (1)',
      'Hướng dẫn bán hàng (1)',
    ]);
    await chat.press('Chính sách (1)');
    expect(chat.text).toBe('📚 <b>Chính sách</b> · trang 1/1');
    await chat.press('📄 Chính sách hoa hồng 2026');
    const opened = chat.last[0]!;
    expect(opened.text).toBe('📚 <b>Chính sách hoa hồng 2026</b>\nChủ đề: Chính sách');
    expect(opened.attachment).toMatchObject({ kind: 'document', fileName: 'chinh-sach-2026.pdf' });
    await chat.press('« Chính sách');
    await chat.press('📄 Chính sách hoa hồng 2026');

    const material = (await core.services.training.byNumber(2))!;
    expect(await core.services.training.viewOf(material.id, lan.id)).toMatchObject({ count: 2 });
    const admin = chatAs(core, 'admin');
    await admin.say('/training m:2');
    expect(admin.text).toContain('👁 1 CTV đã mở (2 lượt)');
  });

  it('pages a topic eight materials at a time', async () => {
    for (let i = 1; i <= 9; i++) {
      await core.services.training.add({
        sourceKey: `bulk:${i}`,
        title: `Bài ${i}`,
        topic: 'Kỹ năng',
        link: `https://example.com/${i}`,
        createdBy: 'test',
      });
    }
    const chat = chatAs(core, lan.identities[0]!.userId);
    await chat.say('/training');
    await chat.press('Kỹ năng (9)');
    expect(chat.text).toBe('📚 <b>Kỹ năng</b> · trang 1/2');
    expect(chat.last[0]!.choices).toHaveLength(10);
    await chat.press('Trang sau ›');
    expect(chat.text).toBe('📚 <b>Kỹ năng</b> · trang 2/2');
    await chat.press('🔗 Bài 1');
    expect(chat.text).toBe('📚 <b>Bài 1</b>\nChủ đề: Kỹ năng\nhttps://example.com/1');
  });
});
