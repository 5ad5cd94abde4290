import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../src/app.js';
import type { Reply } from '../../src/conversation/types.js';
import { createHttpApp } from '../../src/http/app.js';
import { filesRouter } from '../../src/http/files.routes.js';
import { createZaloChannel, type ZaloChannel } from '../../bots/zalo/zalo.channel.js';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';

const TOKEN = '3344556677:zalo-files-token-abcdef';
const HUONG = '2468458835291979922';
// Not a real PDF: the route serves bytes, whatever they are.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(300_000, 0x41),
  Buffer.from([0, 255]),
]);
const statement = (data = PDF): Reply => ({
  text: 'Sao kê tháng <b>11/2026</b> của bạn.',
  attachment: {
    kind: 'document',
    fileName: 'sao-kê-CTV0001-2026-11.pdf',
    mimeType: 'application/pdf',
    data,
  },
});

let fake: FakeZaloApi;
let core: Core;
let channel: ZaloChannel;
let server: http.Server;
let base: string;

/** The signed link in the last message sent to `chatId`. */
function lastLink(chatId: string): URL {
  const text = fake.sentTo(chatId).at(-1)?.text ?? '';
  const match = /https?:\/\/\S+\/files\/\S+/.exec(text);
  if (!match) throw new Error(`No link in: ${text}`);
  return new URL(match[0]);
}

beforeAll(async () => {
  fake = await startFakeZaloApi();
  // The public address needs the port, and the app needs the core: listen first.
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  core = await startTestCore({ PUBLIC_URL: base, FILE_LINK_TTL_DAYS: '7' });
  const app = createHttpApp({
    core,
    mount: (express) => express.use(filesRouter({ fileLinks: core.fileLinks })),
  });
  server.on('request', app);

  channel = createZaloChannel({ core, token: TOKEN, apiRoot: fake.apiRoot, logger: silentLogger });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await core.database.close();
  await fake.stop();
});

describe('documents on Zalo, by signed link', () => {
  it('sends a short message with a link that downloads the exact bytes', async () => {
    await core.senders.zalo!.send(HUONG, statement());
    const [message] = fake.sentTo(HUONG);
    expect(message!.method).toBe('sendMessage');
    expect(message!.text).toMatch(
      /^Sao kê tháng 11\/2026 của bạn\.\n\n📄 sao-kê-CTV0001-2026-11\.pdf: tải về tại\nhttp:\/\/127\.0\.0\.1:\d+\/files\/[0-9a-f]{24}\?exp=\d+&sig=[\w-]{43}\nLiên kết dùng được trong 7 ngày và chỉ cho tài liệu này\.$/,
    );

    const link = lastLink(HUONG);
    const expires = Number(link.searchParams.get('exp')) * 1000;
    expect(expires - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="sao-ke-CTV0001-2026-11.pdf"; filename*=UTF-8''sao-k%C3%AA-CTV0001-2026-11.pdf`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses a tampered link, a link moved to another file and an expired link with 403', async () => {
    await core.senders.zalo!.send(HUONG, statement(Buffer.from('%PDF-other')));
    const good = lastLink(HUONG);
    const first = new URL(good);

    const tampered = new URL(good);
    const sig = tampered.searchParams.get('sig')!;
    tampered.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const later = new URL(good);
    later.searchParams.set('exp', String(Number(good.searchParams.get('exp')) + 86_400));
    const otherFile = new URL(good);
    otherFile.pathname = `/files/${'0'.repeat(24)}`;
    const unsigned = new URL(good.origin + good.pathname);

    for (const url of [tampered, later, otherFile, unsigned]) {
      const response = await fetch(url);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: 'link_invalid', message: 'This download link is not valid' },
      });
    }

    const past = new Date(Date.now() - 8 * 86_400_000);
    const expired = await core.fileLinks.publish(
      { fileName: 'old.pdf', mimeType: 'application/pdf', data: PDF },
      past,
    );
    const response = await fetch(expired!.url);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'link_expired',
    );

    // The good link still works.
    expect((await fetch(first)).status).toBe(200);
  });

  it('stores the same document once and forgets files whose links all expired', async () => {
    const at = new Date();
    const a = await core.fileLinks.publish(
      { fileName: 'x.pdf', mimeType: 'application/pdf', data: PDF },
      at,
    );
    const b = await core.fileLinks.publish(
      { fileName: 'x.pdf', mimeType: 'application/pdf', data: PDF },
      at,
    );
    const idOf = (url: string) => new URL(url).pathname.split('/').pop()!;
    expect(idOf(a!.url)).toBe(idOf(b!.url));

    const muchLater = new Date(at.getTime() + 9 * 86_400_000);
    await core.fileLinks.publish(
      { fileName: 'y.pdf', mimeType: 'application/pdf', data: Buffer.from('y') },
      muchLater,
    );
    expect(await core.fileLinks.info(idOf(a!.url))).toBeUndefined();
  });

  it('sends a stored photo as a photo Zalo fetches by its signed link', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await core.senders.zalo!.send(HUONG, {
      text: 'Mẫu mới',
      attachment: {
        kind: 'media',
        media: 'photo',
        fileName: 'mau.png',
        mimeType: 'image/png',
        data: png,
      },
    });
    const sent = fake.sentTo(HUONG).at(-1)!;
    expect(sent).toMatchObject({ method: 'sendPhoto', caption: 'Mẫu mới' });
    const response = await fetch(sent.photo!);
    expect(response.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });
});

describe('documents on Zalo without a public address', () => {
  it('say where else to get the document instead of sending a dead link', async () => {
    const offline = await startTestCore();
    const zalo = createZaloChannel({
      core: offline,
      token: TOKEN,
      apiRoot: fake.apiRoot,
      logger: silentLogger,
    });
    await zalo.start();
    try {
      await offline.senders.zalo!.send('5550100', statement());
      expect(fake.sentTo('5550100').map((item) => item.text)).toEqual([
        'Sao kê tháng 11/2026 của bạn.\n\n📄 sao-kê-CTV0001-2026-11.pdf: Zalo không nhận tệp đính kèm. Bạn có thể nhận tài liệu này trên Telegram hoặc trong playground.',
      ]);
    } finally {
      await zalo.stop();
      await offline.database.close();
    }
  });
});
