import type { Core } from '../../src/app.js';
import { startTestCore } from '../support/core.js';
import {
  playgroundUser,
  type PlaygroundServer,
  startPlaygroundServer,
} from '../support/playground.js';

let core: Core;
let server: PlaygroundServer;

beforeAll(async () => {
  core = await startTestCore();
  server = await startPlaygroundServer(core);
});

afterAll(async () => {
  await server?.close();
  await core?.database.close();
});

function post(body: string, contentType = 'application/json') {
  return fetch(`${server.url}/api/playground/messages`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });
}

describe('playground API: registration and approval over HTTP', () => {
  it('registers a collaborator, lets the admin approve, and tells the collaborator', async () => {
    const mai = playgroundUser(server.url, 'mai-web');
    await mai.say('/start');
    expect(mai.text).toContain('Trước khi đăng ký');
    await mai.press('Tôi đồng ý');
    await mai.say('Trần Thị Mai');
    const phoneAsked = await mai.say('bad number');
    expect(phoneAsked[0]!.text).toContain('Số điện thoại chưa đúng');
    expect(phoneAsked[1]!.requestContact).toBe(true);
    await mai.contact('0912 345 678');
    expect(mai.text).toContain('tỉnh/thành');
    await mai.say('da nang');
    await mai.press('Techcombank');
    await mai.say('1903 4567 8901');
    await mai.press('TRAN THI MAI');
    await mai.press('Bỏ qua');
    await mai.press('Bỏ qua');
    expect(mai.text).toContain('Đà Nẵng');
    expect(mai.text).toContain('Điện thoại: 0912 345 678');
    await mai.press('✅ Xác nhận');
    expect(mai.text).toContain('<b>CTV0001</b>');

    // Everything the POSTs answered is also in the outbox, in order.
    const outbox = await mai.inbox();
    expect(outbox.map((message) => message.seq)).toEqual(outbox.map((_, index) => index + 1));
    expect(outbox.at(-1)!.reply.text).toContain('CTV0001');
    const seen = outbox.at(-1)!.seq;

    const admin = playgroundUser(server.url, 'admin');
    const notices = await admin.inbox();
    const notice = notices.find((message) => message.reply.text.includes('Đăng ký mới'));
    expect(notice?.reply.text).toContain('Trần Thị Mai (CTV0001)');
    await admin.press('✅ Duyệt', [notice!.reply]);
    expect(admin.text).toContain('Đã duyệt Trần Thị Mai (CTV0001)');

    const news = await mai.inbox(seen);
    expect(news).toHaveLength(1);
    expect(news[0]!.reply.text).toContain('Chúc mừng Trần Thị Mai');
    expect((await core.store.collaborators.byCode('CTV0001'))?.status).toBe('active');
  });

  it('handles a retried POST with the same clientId once', async () => {
    const retry = playgroundUser(server.url, 'retry-user');
    const first = await retry.say('/start', 'client-42');
    const again = await retry.say('/start', 'client-42');
    expect(first.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
    expect(await retry.inbox()).toHaveLength(first.length);
  });

  it('keeps admin commands from ordinary users', async () => {
    const nobody = playgroundUser(server.url, 'not-admin');
    await nobody.say('/approve CTV0001');
    expect(nobody.text).toContain('chỉ dành cho quản trị viên');
  });
});

describe('playground API: bad requests', () => {
  const long = 'x'.repeat(4001);
  const cases: [string, unknown, string | undefined, RegExp][] = [
    ['no userId', { text: 'hi' }, 'userId', /userId is required/],
    ['a userId with spaces', { userId: 'lan nguyen', text: 'hi' }, 'userId', /letters, digits/],
    ['a numeric userId', { userId: 42, text: 'hi' }, 'userId', /must be a string/],
    ['nothing to send', { userId: 'lan' }, 'text', /exactly one of text, payload or contact/],
    ['two things', { userId: 'lan', text: 'a', payload: '/menu' }, 'text', /exactly one/],
    ['too long a text', { userId: 'lan', text: long }, 'text', /at most 4000 characters/],
    ['a blank text', { userId: 'lan', text: '   ' }, 'text', /must not be empty/],
    ['a contact without phone', { userId: 'lan', contact: {} }, 'contact.phone', /required/],
    ['an array', [{ userId: 'lan' }], undefined, /must be a JSON object/],
  ];

  it.each(cases)('refuses %s with a 400 in plain English', async (_name, body, field, message) => {
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: Record<string, unknown> };
    expect(answer.error.code).toBe('invalid_request');
    expect(answer.error.field).toBe(field);
    expect(answer.error.message).toMatch(message);
    expect(JSON.stringify(answer)).not.toMatch(/issues|ZodError|"path"/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await post('{"userId": "lan", "text": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'malformed_json', message: 'The request body is not valid JSON' },
    });
  });

  it('accepts only JSON bodies', async () => {
    const response = await post('userId=lan&text=hi', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
  });

  it('refuses a body over the size limit', async () => {
    const response = await post(JSON.stringify({ userId: 'lan', text: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
  });

  it('checks the polling query', async () => {
    const missing = await fetch(`${server.url}/api/playground/messages`);
    expect(missing.status).toBe(400);
    const badAfter = await fetch(`${server.url}/api/playground/messages?userId=lan&after=abc`);
    expect(badAfter.status).toBe(400);
    expect(((await badAfter.json()) as { error: { field: string } }).error.field).toBe('after');
  });
});

describe('playground page', () => {
  it('serves the page and its assets', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('data-testid="messages"');

    for (const asset of ['playground.js', 'playground.css']) {
      expect((await fetch(`${server.url}/playground/${asset}`)).status).toBe(200);
    }
  });

  it('leaves other paths to the rest of the app', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/nothing-here`)).status).toBe(404);
  });
});
