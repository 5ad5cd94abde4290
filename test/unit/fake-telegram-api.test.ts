import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, GrammyError, InputFile, webhookCallback } from 'grammy';
import {
  callbackQuery,
  contactMessage,
  documentMessage,
  startFakeTelegramApi,
  textMessage,
  type FakeTelegramApi,
} from '../fakes/telegram-api.js';

const TOKEN = '123456:TEST-token';
const alice = { id: 501, first_name: 'Alice', language_code: 'vi' };
const bob = { id: 502, first_name: 'Bob' };

/** Calls the fake with plain fetch and returns the HTTP status and parsed body. */
async function call(fake: FakeTelegramApi, method: string, init?: RequestInit) {
  const res = await fetch(`${fake.apiRoot}/bot${TOKEN}/${method}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const json = (params: object): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(params),
});

describe('fake Telegram Bot API', () => {
  let fake: FakeTelegramApi;

  beforeEach(async () => {
    fake = await startFakeTelegramApi();
  });

  afterEach(async () => {
    await fake.stop();
  });

  describe('with plain fetch', () => {
    it('answers getMe over GET and POST and records the calls', async () => {
      expect(fake.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const get = await call(fake, 'getMe');
      expect(get.status).toBe(200);
      expect(get.body).toMatchObject({
        ok: true,
        result: { id: 123456, is_bot: true, username: 'ctv_test_bot' },
      });
      await call(fake, 'getMe', json({}));
      expect(fake.callsOf('getMe')).toHaveLength(2);
      expect(fake.calls[0]).toMatchObject({ method: 'getMe', token: TOKEN, params: {} });
      expect(fake.calls[0]!.at).toBeInstanceOf(Date);
    });

    it('uses the configured username and answers unknown methods with true', async () => {
      const other = await startFakeTelegramApi({ username: 'other_bot' });
      try {
        const res = await fetch(`${other.apiRoot}/bot1:x/getMe`);
        expect(await res.json()).toMatchObject({ result: { username: 'other_bot' } });
        const unknown = await fetch(`${other.apiRoot}/bot1:x/setChatMenuButton`, json({}));
        expect(await unknown.json()).toEqual({ ok: true, result: true });
        const notFound = await fetch(`${other.apiRoot}/nothing-here`);
        expect(notFound.status).toBe(404);
      } finally {
        await other.stop();
      }
    });

    it('decodes JSON and urlencoded bodies and returns messages with increasing ids', async () => {
      const first = await call(fake, 'sendMessage', json({ chat_id: 501, text: 'Xin chào' }));
      const second = await call(fake, 'sendMessage', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          chat_id: '501',
          text: 'Hello & bye',
          reply_markup: JSON.stringify({
            inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]],
          }),
        }),
      });
      const m1 = first.body.result as { message_id: number; chat: object; text: string };
      const m2 = second.body.result as { message_id: number; date: number };
      expect(m1).toMatchObject({ chat: { id: 501, type: 'private' }, text: 'Xin chào' });
      expect(m2.message_id).toBeGreaterThan(m1.message_id);
      expect(typeof m2.date).toBe('number');
      expect(fake.callsOf('sendMessage')[1]!.params).toEqual({
        chat_id: 501,
        text: 'Hello & bye',
        reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
      });
      expect(fake.sentTo(501)).toEqual([
        { method: 'sendMessage', text: 'Xin chào' },
        {
          method: 'sendMessage',
          text: 'Hello & bye',
          reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
        },
      ]);
      expect(fake.sentTo('999')).toEqual([]);
    });

    it('parses multipart uploads: fields, file names and raw bytes', async () => {
      const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x00, 0xff, 0x2d, 0x2d]);
      const form = new FormData();
      form.append('chat_id', '502');
      form.append('caption', 'Hợp đồng');
      form.append('document', 'attach://file1');
      form.append('file1', new Blob([bytes], { type: 'application/pdf' }), 'hop-dong.pdf');
      const res = await call(fake, 'sendDocument', { method: 'POST', body: form });
      expect(res.body).toMatchObject({
        ok: true,
        result: { chat: { id: 502 }, caption: 'Hợp đồng', document: { file_name: 'hop-dong.pdf' } },
      });
      const [sent] = fake.callsOf('sendDocument');
      expect(sent!.params).toEqual({
        chat_id: 502,
        caption: 'Hợp đồng',
        document: 'attach://file1',
      });
      expect(sent!.files.file1!.contentType).toBe('application/pdf');
      expect(sent!.files.document!.bytes.equals(bytes)).toBe(true);
      expect(fake.sentTo(502)).toEqual([
        { method: 'sendDocument', text: 'Hợp đồng', fileName: 'hop-dong.pdf', bytes },
      ]);
    });

    it('answers the other built-in methods', async () => {
      for (const method of ['answerCallbackQuery', 'setMyCommands', 'deleteMyCommands']) {
        expect((await call(fake, method, json({}))).body).toEqual({ ok: true, result: true });
      }
      expect((await call(fake, 'close', json({}))).body.result).toBe(true);
      expect((await call(fake, 'logOut', json({}))).body.result).toBe(true);
      const file = await call(fake, 'getFile', json({ file_id: 'abc' }));
      expect(file.body.result).toMatchObject({ file_id: 'abc', file_path: expect.any(String) });
      const edit = await call(
        fake,
        'editMessageText',
        json({ chat_id: 7, message_id: 42, text: 'v2' }),
      );
      expect(edit.body.result).toMatchObject({ message_id: 42, text: 'v2', chat: { id: 7 } });
      const copy = await call(
        fake,
        'copyMessage',
        json({ chat_id: 7, from_chat_id: 8, message_id: 1 }),
      );
      expect(copy.body.result).toMatchObject({ message_id: expect.any(Number) });
      const photo = await call(fake, 'sendPhoto', json({ chat_id: 7, photo: 'file-id-1' }));
      expect(photo.body.result).toMatchObject({ photo: [{ file_id: 'file-id-1' }] });
      expect(fake.sentTo(7).map((s) => s.method)).toEqual([
        'editMessageText',
        'copyMessage',
        'sendPhoto',
      ]);
    });

    it('records the webhook and refuses getUpdates while it is set', async () => {
      const url = 'https://example.test/hook';
      await call(fake, 'setWebhook', json({ url, secret_token: 's3cret' }));
      expect(fake.webhook).toEqual({ url, secret_token: 's3cret' });
      const info = await call(fake, 'getWebhookInfo');
      expect(info.body.result).toMatchObject({
        url,
        secret_token: 's3cret',
        pending_update_count: 0,
      });
      const conflict = await call(fake, 'getUpdates', json({}));
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ ok: false, error_code: 409 });
      await call(fake, 'deleteWebhook', json({}));
      expect((await call(fake, 'getWebhookInfo')).body.result).toMatchObject({ url: '' });
    });
  });

  describe('getUpdates', () => {
    it('assigns update ids and honours offset and limit', async () => {
      const u1 = fake.pushUpdate(textMessage(alice, 'one'));
      const u2 = fake.pushUpdate(textMessage(alice, 'two'));
      const u3 = fake.pushUpdate(textMessage(bob, 'three'));
      expect([u2.update_id - u1.update_id, u3.update_id - u2.update_id]).toEqual([1, 1]);
      expect(u2.message!.message_id).toBeGreaterThan(u1.message!.message_id);

      const limited = await call(fake, 'getUpdates', json({ limit: 2 }));
      expect((limited.body.result as unknown[]).length).toBe(2);
      const again = await call(fake, 'getUpdates', json({}));
      expect((again.body.result as unknown[]).length).toBe(3); // nothing confirmed yet
      const rest = await call(fake, 'getUpdates', json({ offset: u2.update_id + 1 }));
      expect(rest.body.result).toEqual([u3]);
      expect(fake.pendingUpdates).toEqual([u3]);
      const custom = fake.pushUpdate({ ...textMessage(bob, 'x'), update_id: 1000 });
      expect(custom.update_id).toBe(1000);
      expect(fake.pushUpdate(textMessage(bob, 'y')).update_id).toBe(1001);
    });

    it('long polls until an update is pushed', async () => {
      const started = Date.now();
      const poll = call(fake, 'getUpdates', json({ timeout: 30 }));
      await new Promise((r) => setTimeout(r, 100));
      const update = fake.pushUpdate(textMessage(alice, 'wake up'));
      const res = await poll;
      expect(res.body.result).toEqual([update]);
      expect(Date.now() - started).toBeLessThan(900);
    });

    it('caps a long poll at one second', async () => {
      const started = Date.now();
      const res = await call(fake, 'getUpdates', json({ timeout: 50 }));
      expect(res.body).toEqual({ ok: true, result: [] });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(2000);
    });

    it('ends a pending long poll promptly on stop', async () => {
      const other = await startFakeTelegramApi();
      const poll = fetch(`${other.apiRoot}/bot${TOKEN}/getUpdates`, json({ timeout: 1 }));
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      await other.stop();
      const outcome = await poll.then((r) => r.json()).catch((e: Error) => e);
      expect(Date.now() - started).toBeLessThan(500);
      // Either the poll got its empty answer or its socket was closed: it never hangs.
      if (!(outcome instanceof Error)) expect(outcome).toEqual({ ok: true, result: [] });
    });
  });

  describe('scripted failures', () => {
    it('fails the next call with 429 and retry_after, then recovers', async () => {
      fake.failNext('sendMessage', {
        error_code: 429,
        description: 'Too Many Requests: retry after 2',
        parameters: { retry_after: 2 },
      });
      const failed = await call(fake, 'sendMessage', json({ chat_id: 1, text: 'a' }));
      expect(failed.status).toBe(429);
      expect(failed.body).toEqual({
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 2',
        parameters: { retry_after: 2 },
      });
      expect((await call(fake, 'sendMessage', json({ chat_id: 1, text: 'b' }))).status).toBe(200);
      expect(fake.sentTo(1)).toEqual([{ method: 'sendMessage', text: 'b' }]);
    });

    it('fails only the calls matching the filter, the given number of times', async () => {
      const blocked = { error_code: 403, description: 'Forbidden: bot was blocked by the user' };
      fake.failNext('sendMessage', blocked, 2, (p) => p.chat_id === 502);
      const toBob = () => call(fake, 'sendMessage', json({ chat_id: 502, text: 'hi' }));
      const toAlice = await call(fake, 'sendMessage', json({ chat_id: 501, text: 'hi' }));
      expect(toAlice.status).toBe(200);
      expect([(await toBob()).status, (await toBob()).status, (await toBob()).status]).toEqual([
        403, 403, 200,
      ]);
      fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
      expect((await toBob()).status).toBe(400);
    });
  });

  describe('waitForCalls', () => {
    it('resolves once enough calls were answered', async () => {
      const waiting = fake.waitForCalls('sendMessage', 2);
      await call(fake, 'sendMessage', json({ chat_id: 1, text: 'a' }));
      await call(fake, 'sendMessage', json({ chat_id: 1, text: 'b' }));
      const calls = await waiting;
      expect(calls.map((c) => c.params.text)).toEqual(['a', 'b']);
    });

    it('rejects with a message listing what was received', async () => {
      await call(fake, 'getMe');
      await expect(fake.waitForCalls('sendDocument', 1, 50)).rejects.toThrow(
        /Expected 1 answered sendDocument call\(s\) within 50 ms, got 0\. Calls received:\n {2}getMe/,
      );
    });
  });

  describe('with grammY', () => {
    it('serves getMe, sendMessage, sendDocument and getUpdates', async () => {
      const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
      const me = await bot.api.getMe();
      expect(me).toMatchObject({ id: 123456, username: 'ctv_test_bot' });

      const sent = await bot.api.sendMessage(alice.id, 'Chào Alice', {
        reply_markup: { inline_keyboard: [[{ text: 'Có', callback_data: 'yes' }]] },
      });
      expect(sent).toMatchObject({ chat: { id: alice.id }, text: 'Chào Alice' });

      const pdf = Buffer.from('%PDF-1.4 fake\r\n--not-a-boundary\r\n');
      const doc = await bot.api.sendDocument(alice.id, new InputFile(pdf, 'bao-cao.pdf'), {
        caption: 'Báo cáo',
        reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
      });
      expect(doc.document).toMatchObject({ file_name: 'bao-cao.pdf', file_size: pdf.length });
      expect(fake.sentTo(alice.id)).toEqual([
        {
          method: 'sendMessage',
          text: 'Chào Alice',
          reply_markup: { inline_keyboard: [[{ text: 'Có', callback_data: 'yes' }]] },
        },
        {
          method: 'sendDocument',
          text: 'Báo cáo',
          reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
          fileName: 'bao-cao.pdf',
          bytes: pdf,
        },
      ]);

      const update = fake.pushUpdate(textMessage(alice, 'hello'));
      const updates = await bot.api.getUpdates({ offset: 0, timeout: 1 });
      expect(updates).toEqual([update]);
    });

    it('surfaces scripted failures as GrammyError', async () => {
      const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
      const description = 'Forbidden: bot was blocked by the user';
      fake.failNext('sendMessage', { error_code: 403, description }, 1, (p) => p.chat_id === 502);
      await expect(bot.api.sendMessage(501, 'fine')).resolves.toMatchObject({ text: 'fine' });
      const error = await bot.api.sendMessage(502, 'nope').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GrammyError);
      expect(error).toMatchObject({ error_code: 403, description });
    });

    it('runs a long-polling bot on pushed updates', async () => {
      const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
      bot.command('start', (ctx) => ctx.reply(`Welcome ${ctx.from?.first_name}`));
      bot.on('message:contact', (ctx) => ctx.reply(`Phone ${ctx.message.contact.phone_number}`));
      bot.on('message:document', (ctx) => ctx.reply(`Got ${ctx.message.document.file_name}`));
      bot.on('callback_query:data', async (ctx) => {
        await ctx.answerCallbackQuery();
        await ctx.editMessageText(`Chose ${ctx.callbackQuery.data}`);
      });
      const running = bot.start({ drop_pending_updates: true });
      try {
        await fake.waitForCalls('deleteWebhook', 1); // pending updates are dropped by now
        fake.pushUpdate(textMessage(alice, '/start'));
        fake.pushUpdate(contactMessage(alice, '+84901234567'));
        fake.pushUpdate(documentMessage(alice, 'cmnd.jpg', 'image/jpeg'));
        fake.pushUpdate(callbackQuery(alice, 'plan:gold', 77));
        await fake.waitForCalls('editMessageText', 1);
      } finally {
        await bot.stop();
        await running;
      }
      expect(fake.callsOf('deleteWebhook')[0]!.params).toEqual({ drop_pending_updates: true });
      expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
      expect(fake.sentTo(alice.id)).toEqual([
        { method: 'sendMessage', text: 'Welcome Alice' },
        { method: 'sendMessage', text: 'Phone +84901234567' },
        { method: 'sendMessage', text: 'Got cmnd.jpg' },
        { method: 'editMessageText', text: 'Chose plan:gold' },
      ]);
      expect(fake.callsOf('editMessageText')[0]!.params.message_id).toBe(77);
      expect(fake.pendingUpdates).toEqual([]);
    });

    it('delivers webhooks with the secret header', async () => {
      const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
      bot.on('message:text', (ctx) => ctx.api.sendMessage(ctx.chat.id, `echo ${ctx.message.text}`));
      const handle = webhookCallback(bot, 'http', { secretToken: 'hook-secret' });
      const server = http.createServer((req, res) => void handle(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      try {
        expect(await fake.deliverWebhook(url, textMessage(bob, 'ping'), 'hook-secret')).toBe(200);
        expect(await fake.deliverWebhook(url, textMessage(bob, 'bad'), 'wrong')).toBe(401);
        expect(await fake.deliverWebhook(url, textMessage(bob, 'none'))).toBe(401);
      } finally {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        await closed;
      }
      expect(fake.sentTo(bob.id)).toEqual([{ method: 'sendMessage', text: 'echo ping' }]);
    });
  });
});
