/**
 * A fake Zalo Bot Platform API for tests (node:http, loopback only).
 *
 * Point the Zalo client at it with `apiRoot: fake.apiRoot`. It records every call, answers the
 * methods the product uses, queues updates for `getUpdates` (one per call, no offset, and
 * `ok: false` with error code 408 when none came within the poll's wait), delivers updates to
 * webhooks with the secret header, and can answer chosen calls with `ok: false` (with HTTP 200,
 * as Zalo does, unless told otherwise).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZaloUpdate } from '../../bots/zalo/zalo-types.js';
import {
  FakeZaloError,
  nextZaloMessageId,
  withBareIds,
  type Answer,
  type FakeZaloApiOptions,
  type Params,
  type ZaloErrorSpec,
  type ZaloMethodHandler,
  type ZaloRecordedCall,
  type ZaloSentItem,
} from './zalo-events.js';
import { readBody } from './telegram-updates.js';

export * from './zalo-events.js';

const SEND_METHODS = ['sendMessage', 'sendPhoto'];

/** Starts the fake on 127.0.0.1 with a free port; unknown methods answer `{ok: true, result: true}`. */
export async function startFakeZaloApi(options: FakeZaloApiOptions = {}) {
  const calls: ZaloRecordedCall[] = [];
  const queue: ZaloUpdate[] = [];
  let webhook: { url: string; secret_token?: string } = { url: '' };
  let stopped = false;
  const failures: {
    method: string;
    error: ZaloErrorSpec;
    times: number;
    filter?: (p: Params) => boolean;
  }[] = [];
  const custom = new Map<string, ZaloMethodHandler>();
  const pollWaiters = new Set<() => void>();
  const callListeners = new Set<() => void>();
  const maxPollMs = options.maxPollMs ?? 1000;
  const textLimit = options.textLimit ?? 2000;
  const encode = (body: unknown) => {
    const json = JSON.stringify(body);
    return options.bareIds ? withBareIds(json) : json;
  };
  const sent = (p: Params) => ({
    message_id: nextZaloMessageId(),
    date: Date.now(),
    chat_id: p.chat_id,
  });
  const bad = (description: string) => new FakeZaloError({ error_code: 400, description });

  const builtins: Record<string, ZaloMethodHandler> = {
    getMe: () => ({ id: '1122334455667788990', account_name: 'ctv.bot', account_type: 'BASIC' }),
    sendMessage(p) {
      if (typeof p.chat_id !== 'string' || !p.chat_id) throw bad('chat_id is required');
      if (typeof p.text !== 'string' || !p.text) throw bad('text is required');
      if (p.text.length > textLimit) throw bad('text is too long');
      return sent(p);
    },
    sendPhoto(p) {
      if (typeof p.photo !== 'string' || !/^https?:\/\//.test(p.photo))
        throw bad('photo must be a URL');
      return sent(p);
    },
    sendChatAction: () => true,
    setWebhook(p) {
      const secret = String(p.secret_token ?? '');
      if (secret.length < 8 || secret.length > 256)
        throw bad('secret_token must be 8-256 characters');
      webhook = { url: String(p.url ?? ''), secret_token: secret };
      return { url: webhook.url, updated_at: Date.now() };
    },
    deleteWebhook: () => {
      webhook = { url: '' };
      return { url: '', updated_at: Date.now() };
    },
    getWebhookInfo: () => ({ url: webhook.url, updated_at: Date.now() }),
    async getUpdates(p) {
      if (webhook.url) throw new FakeZaloError({ error_code: 409, description: 'Webhook is set' });
      const waitMs = Math.min(Number(p.timeout ?? 0) * 1000, maxPollMs);
      if (queue.length === 0 && !stopped) await waitForUpdate(waitMs);
      const update = queue.shift();
      if (!update) throw new FakeZaloError({ error_code: 408, description: 'Request timeout' });
      return update;
    },
  };

  const waitForUpdate = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pollWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pollWaiters.add(done);
    });

  async function answer(call: ZaloRecordedCall): Promise<[Answer, number]> {
    const i = failures.findIndex(
      (f) => f.method === call.method && (f.filter?.(call.params) ?? true),
    );
    const failure = failures[i];
    const refuse = (spec: ZaloErrorSpec): [Answer, number] => [
      {
        ok: false,
        error_code: spec.error_code,
        description: spec.description,
        ...(spec.parameters ? { parameters: spec.parameters } : {}),
      },
      spec.httpStatus ?? 200,
    ];
    if (failure) {
      if (--failure.times <= 0) failures.splice(i, 1);
      return refuse(failure.error);
    }
    try {
      const handler = custom.get(call.method) ?? builtins[call.method];
      return [{ ok: true, result: handler ? await handler(call.params, call) : true }, 200];
    } catch (err) {
      if (err instanceof FakeZaloError) return refuse(err.spec);
      throw err;
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(
        new URL(req.url ?? '/', 'http://x').pathname,
      );
      const body = (await readBody(req)).toString('utf8');
      if (!route || req.method !== 'POST')
        return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const params = body ? (JSON.parse(body) as Params) : {};
      const call: ZaloRecordedCall = {
        method: route[2]!,
        token: route[1]!,
        params,
        at: new Date(),
      };
      calls.push(call);
      const [response, status] = await answer(call);
      call.response = response;
      reply(res, status, response);
      callListeners.forEach((notify) => notify());
    })().catch((err: unknown) =>
      reply(res, 500, { ok: false, error_code: 500, description: String(err) }),
    );
  });
  function reply(res: http.ServerResponse, status: number, body: Answer): void {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(encode(body));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  const answered = (method: string) => callsOf(method).filter((c) => c.response);

  return {
    /** E.g. `http://127.0.0.1:40123`: the client's `apiRoot`. */
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    get webhook() {
      return { ...webhook };
    },
    get pendingUpdates() {
      return [...queue];
    },
    /** Queues an update for `getUpdates` and wakes a waiting poll. */
    pushUpdate(update: ZaloUpdate): ZaloUpdate {
      queue.push(update);
      [...pollWaiters].forEach((wake) => wake());
      return update;
    },
    callsOf,
    /** Resolves with the answered calls of `method` once there are `count`; rejects after `timeoutMs`. */
    waitForCalls(method: string, count: number, timeoutMs = 5000): Promise<ZaloRecordedCall[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (answered(method).length < count) return;
          clearTimeout(timer);
          callListeners.delete(check);
          resolve(answered(method));
        };
        const timer = setTimeout(() => {
          callListeners.delete(check);
          const got = calls.map((c) => c.method).join(', ') || 'none';
          reject(
            new Error(
              `Expected ${count} answered ${method} call(s), got ${answered(method).length}: ${got}`,
            ),
          );
        }, timeoutMs);
        callListeners.add(check);
        check();
      });
    },
    /** Messages and photos successfully sent to `chatId`, in order. */
    sentTo(chatId: string): ZaloSentItem[] {
      return calls
        .filter(
          (c) => SEND_METHODS.includes(c.method) && c.response?.ok && c.params.chat_id === chatId,
        )
        .map((c) => {
          const { text, photo, caption } = c.params as Record<string, string | undefined>;
          return { method: c.method, text, photo, caption };
        });
    },
    /** Makes the next `times` calls of `method` (matching `filter`) answer `ok: false`. */
    failNext(method: string, error: ZaloErrorSpec, times = 1, filter?: (p: Params) => boolean) {
      failures.push({ method, error, times, filter });
    },
    /** Answers `method` with `handler`'s result from now on. */
    handle(method: string, handler: ZaloMethodHandler) {
      custom.set(method, handler);
    },
    /**
     * POSTs `update` to `url` as Zalo would, with the secret header if given; `envelope` wraps
     * it as `{ok: true, result: update}`. Returns the HTTP status.
     */
    async deliverWebhook(url: string, update: ZaloUpdate, secret?: string, envelope = false) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== undefined) headers['X-Bot-Api-Secret-Token'] = secret;
      const body = encode(envelope ? { ok: true, result: update } : update);
      const res = await fetch(url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.status;
    },
    /** Ends pending long polls, closes every socket and the server. */
    async stop() {
      stopped = true;
      [...pollWaiters].forEach((wake) => wake());
      await new Promise((resolve) => setImmediate(resolve));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export type FakeZaloApi = Awaited<ReturnType<typeof startFakeZaloApi>>;
