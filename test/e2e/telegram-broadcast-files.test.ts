import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Api } from 'grammy';
import { sendBroadcastJob } from '../../jobs/send-broadcast.job.js';
import type { Core } from '../../src/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { createTelegramSender } from '../../bots/telegram/telegram-sender.js';
import {
  documentMessage,
  startFakeTelegramApi,
  textMessage,
  type FakeTelegramApi,
} from '../fakes/telegram-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { activeRecipients } from '../support/recipients.js';
import { telegramUser, textsOf, updateTracker, type Transport } from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-broadcast-files-abcdef';
const ADMIN = { id: 9503, first_name: 'Quản trị', language_code: 'vi' };
const PDF = Buffer.from('%PDF-1.7\nChính sách hoa hồng tháng 12\n%%EOF\n');

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
let folder: string;
const tracker = updateTracker();
const push: Transport = async (update) => void fake.pushUpdate(update);

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'ctv-files-'));
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN.id) });
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
    onUpdateHandled: tracker.handled,
  });
  await channel.start();
  // A local Bot API server (`--local`) answers getFile with a path on its disk.
  await writeFile(path.join(folder, 'chinh-sach.pdf'), PDF);
  fake.handle('getFile', (params) => ({
    file_id: params.file_id,
    file_unique_id: `u-${String(params.file_id)}`,
    file_size: PDF.length,
    file_path: path.join(folder, 'chinh-sach.pdf'),
  }));
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
  await rm(folder, { recursive: true, force: true });
});

const run = (broadcastId: string) => sendBroadcastJob.run(core, { broadcastId }, silentLogger);

describe('files in broadcasts and the training library, over Telegram', () => {
  it('a document broadcast composed in chat reaches the recipients as a document', async () => {
    const chats = [11_001, 11_002, 11_003];
    const people = await activeRecipients(core, chats);
    const admin = telegramUser(fake, tracker, push, ADMIN);

    await admin.say('/broadcast');
    const upload = documentMessage(ADMIN, 'chinh-sach.pdf', 'application/pdf');
    upload.message!.caption = 'Chính sách mới từ tháng 12, mời các bạn đọc kỹ.';
    const adminFileId = upload.message!.document!.file_id;
    expect(textsOf(await admin.send(upload))).toContain('Gửi tới ai?');
    await admin.press('Danh sách mã CTV');
    await admin.say(people.map((person) => person.code).join(', '));
    const preview = textsOf(await admin.press('🚀 Gửi ngay'));
    expect(preview).toContain('📎 chinh-sach.pdf (1,0 KB)');
    expect(textsOf(await admin.press('✅ Gửi'))).toContain('đang được gửi tới 3 CTV');

    const broadcast = (await core.services.broadcasts.recent(1))[0]!;
    expect(broadcast.file).toMatchObject({ kind: 'document', fileName: 'chinh-sach.pdf' });
    const stored = await core.services.training.readFile(broadcast.file!.gridId);
    expect(stored.equals(PDF)).toBe(true);

    expect(await run(broadcast.id)).toMatchObject({ outcome: 'done', sent: 3 });
    for (const chat of chats) {
      const items = fake.sentTo(chat);
      expect(items.map((item) => [item.method, item.text])).toEqual([
        ['sendDocument', 'Chính sách mới từ tháng 12, mời các bạn đọc kỹ.'],
      ]);
    }
    // Sent on by the admin's own file_id: nothing was uploaded again.
    const calls = fake
      .callsOf('sendDocument')
      .filter((c) => chats.includes(Number(c.params.chat_id)));
    expect(calls.map((call) => call.params.document)).toEqual(chats.map(() => adminFileId));
  });

  it('a material kept only in the database is uploaded once, then sent by the cached file_id', async () => {
    const chats = [11_101, 11_102, 11_103, 11_104];
    const people = await activeRecipients(core, chats);
    const web = core.senders.web!;
    core.senders.web = {
      send: (chat, reply) => web.send(chat, reply),
      downloadFile: async () => PDF,
    };
    const { material } = await core.services.training.add({
      sourceKey: 'web-upload-1',
      title: 'Bảng giá tháng 12',
      topic: 'Sản phẩm',
      file: { channel: 'web', fileId: 'w-1', kind: 'document', fileName: 'bang-gia.pdf' },
      createdBy: 'web:admin',
    });

    const { broadcast } = await core.services.broadcasts.create({
      draftKey: 'material-broadcast',
      author: {
        channel: 'telegram',
        userId: String(ADMIN.id),
        chatId: String(ADMIN.id),
        locale: 'vi',
      },
      text: 'Bảng giá mới',
      audience: { kind: 'codes', codes: people.map((person) => person.code) },
      sendAt: new Date(),
      materialNumber: material.number,
    });
    expect(await run(broadcast.id)).toMatchObject({ outcome: 'done', sent: 4 });

    const calls = fake
      .callsOf('sendDocument')
      .filter((c) => chats.includes(Number(c.params.chat_id)));
    const uploads = calls.filter((call) => call.files.document);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.files.document!.bytes.equals(PDF)).toBe(true);
    expect(uploads[0]!.files.document!.fileName).toBe('bang-gia.pdf');
    const fileId = (uploads[0]!.response as { result: { document: { file_id: string } } }).result
      .document.file_id;
    expect(calls.filter((call) => call.params.document === fileId)).toHaveLength(3);
    expect((await core.services.training.byNumber(material.number))!.file!.refs.telegram).toBe(
      fileId,
    );
    expect(fake.sentTo(chats[0]!)[0]!.text).toBe('Bảng giá mới\n\n📚 <b>Bảng giá tháng 12</b>');

    // A collaborator opening it in /training gets it by the same file_id, and it is counted.
    const reader = telegramUser(fake, tracker, push, { id: chats[1]!, first_name: 'Hoa' });
    const opened = await reader.say(`/training m:${material.number}`);
    expect(opened.map((item) => item.method)).toEqual(['sendDocument']);
    expect(fake.callsOf('sendDocument').at(-1)!.params.document).toBe(fileId);
    expect(await core.services.training.viewOf(material.id, people[1]!.id)).toMatchObject({
      count: 1,
    });
  });

  it('an admin adds a photo with /material; Telegram keeps serving it by file_id', async () => {
    const admin = telegramUser(fake, tracker, push, ADMIN);
    await admin.say('/material');
    const photo = textMessage(ADMIN, '', {
      text: undefined,
      photo: [
        { file_id: 'photo-small', file_unique_id: 's', width: 90, height: 90 },
        { file_id: 'photo-large', file_unique_id: 'l', width: 800, height: 800, file_size: 2048 },
      ],
    });
    expect(textsOf(await admin.send(photo))).toContain('Tiêu đề của tài liệu?');
    await admin.say('Mẫu bài đăng Facebook');
    await admin.say('Marketing');
    expect(textsOf(await admin.press('✅ Lưu'))).toContain('Đã lưu tài liệu');

    const { materials } = await core.services.training.page('marketing', 0);
    expect(materials[0]).toMatchObject({
      kind: 'photo',
      file: { refs: { telegram: 'photo-large' } },
    });
    const shown = await admin.say(`/training m:${materials[0]!.number}`);
    expect(shown.map((item) => item.method)).toEqual(['sendPhoto']);
    expect(fake.callsOf('sendPhoto').at(-1)!.params.photo).toBe('photo-large');
  });
});

describe('downloading what a person sent, over HTTP', () => {
  let server: http.Server;
  let root: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === `/bot${TOKEN}/getFile`) {
        const result = { file_id: 'f', file_unique_id: 'u', file_path: 'documents/file_7.pdf' };
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ok: true, result }));
      }
      if (req.url === `/file/bot${TOKEN}/documents/file_7.pdf`) return res.end(PDF);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const sender = (apiRoot: string) =>
    createTelegramSender({
      api: new Api(TOKEN, { apiRoot }),
      contactTexts: async () => ({ button: '', hint: '' }),
    });

  it('fetches the file URL of getFile, and never puts the token in an error', async () => {
    expect((await sender(root).downloadFile('f')).equals(PDF)).toBe(true);

    const broken = http.createServer((req, res) => {
      const result = { file_id: 'f', file_unique_id: 'u', file_path: 'documents/gone.pdf' };
      if (req.url?.endsWith('/getFile')) return res.end(JSON.stringify({ ok: true, result }));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const brokenRoot = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    const error = await sender(brokenRoot)
      .downloadFile('f')
      .catch((caught: Error) => caught);
    await new Promise((resolve) => broken.close(resolve));
    expect(String(error)).toBe('Error: Telegram file download failed: HTTP 404');
    expect(String(error)).not.toContain(TOKEN);
  });
});
