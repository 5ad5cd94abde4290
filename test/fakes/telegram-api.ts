/**
 * A fake Telegram Bot API server for tests (node:http, loopback only).
 *
 * Point grammY at it with `new Bot(token, { client: { apiRoot: fake.apiRoot } })`. It records
 * every call, answers the methods the product uses, queues updates for `getUpdates`, delivers
 * updates to webhooks, and can fail chosen calls the way Telegram does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import {
  botUserFromGetMe,
  chatForId,
  decodeFormValue,
  nextFileIds,
  nextMessageId,
  parseParams,
  readBody,
  unixNow,
  type NewUpdate,
  type UploadedFile,
} from './telegram-updates.js';

export {
  callbackQuery,
  contactMessage,
  DEFAULT_BOT_USER,
  documentMessage,
  textMessage,
  type FakeUser,
  type NewUpdate,
  type UploadedFile,
} from './telegram-updates.js';

/** Throw from a {@link MethodHandler} to answer with a Telegram error. */
export class FakeApiError extends Error {
  constructor(readonly spec: ApiErrorSpec) {
    super(spec.description);
  }
}

/** A Telegram error answer, e.g. `{ error_code: 429, description, parameters: { retry_after: 2 } }`. */
export interface ApiErrorSpec {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** What the fake answered. */
export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & ApiErrorSpec);

/**
 * One recorded Bot API call. `params` merges the query string and the body (JSON, urlencoded or
 * multipart; form values that look like JSON objects/arrays are parsed, numeric ids are made
 * numbers). `files` holds upload parts by part name and also by the parameter that refers to
 * them (`document: 'attach://x'` gives `files.document`). `response` is unset while a long
 * poll is pending.
 */
export interface RecordedCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  at: Date;
  response?: ApiResponse;
}

/** Something the bot successfully sent to (or edited in) a chat; see `sentTo`. */
export interface SentItem {
  method: string;
  text?: string;
  reply_markup?: unknown;
  fileName?: string;
  bytes?: Buffer;
}

/**
 * Answers a method instead of the built-in answer: its (awaited) value becomes `result`; throwing
 * a {@link FakeApiError} answers `{ ok: false, ... }`.
 */
export type MethodHandler = (params: Record<string, unknown>, call: RecordedCall) => unknown;

/** Options of {@link startFakeTelegramApi}. */
export interface FakeTelegramApiOptions {
  /** The bot's username in `getMe` (default `ctv_test_bot`). */
  username?: string;
  /** The bot's id in `getMe` (default: the numeric part of the token, else 1000000001). */
  botId?: number;
  /** Cap on a `getUpdates` long poll, in seconds (default 1). */
  maxPollSeconds?: number;
}

/** A running fake Bot API; see {@link startFakeTelegramApi}. */
export interface FakeTelegramApi {
  /** E.g. `http://127.0.0.1:40123`: grammY's `client.apiRoot` (no trailing slash). */
  readonly apiRoot: string;
  /** Every call received, in order. */
  readonly calls: RecordedCall[];
  /** The webhook set by `setWebhook` (`url` is '' when none). */
  readonly webhook: { url: string; secret_token?: string };
  /** The updates not yet confirmed by a `getUpdates` offset. */
  readonly pendingUpdates: Update[];
  /** Queues an update for `getUpdates` (assigning the next `update_id` if missing) and returns it. */
  pushUpdate(update: NewUpdate): Update;
  /** The recorded calls of one method. */
  callsOf(method: string): RecordedCall[];
  /**
   * Resolves with the answered calls of `method` once there are at least `count`; rejects after
   * `timeoutMs` (default 5000) with a message listing every call received.
   */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Messages and files successfully sent to or edited in `chatId`, in order. */
  sentTo(chatId: number | string): SentItem[];
  /** Makes the next `times` calls of `method` (matching `filter`, if given) fail with `error`. */
  failNext(
    method: string,
    error: ApiErrorSpec,
    times?: number,
    filter?: (params: Record<string, unknown>) => boolean,
  ): void;
  /** Answers `method` with `handler`'s result from now on (overrides the built-in answer). */
  handle(method: string, handler: MethodHandler): void;
  /** POSTs `update` to `url` as Telegram would (with the secret header if given); returns the status. */
  deliverWebhook(url: string, update: NewUpdate, secret?: string): Promise<number>;
  /** Ends pending long polls, closes every socket and the server. */
  stop(): Promise<void>;
}

const SEND_METHODS = ['sendMessage', 'editMessageText', 'sendDocument', 'sendPhoto', 'sendVideo'];
const COPY_METHODS = [...SEND_METHODS, 'copyMessage'];
type Params = Record<string, unknown>;

/**
 * Starts the fake on 127.0.0.1 with a free port. Unknown methods answer `{ ok: true, result:
 * true }`; `getUpdates` answers 409 while a webhook is set, as Telegram does.
 */
export async function startFakeTelegramApi(
  options: FakeTelegramApiOptions = {},
): Promise<FakeTelegramApi> {
  const calls: RecordedCall[] = [];
  let queue: Update[] = [];
  let lastUpdateId = 0;
  let webhook: { url: string; secret_token?: string } = { url: '' };
  let stopped = false;
  type Failure = {
    method: string;
    error: ApiErrorSpec;
    times: number;
    filter?: (p: Params) => boolean;
  };
  const failures: Failure[] = [];
  const custom = new Map<string, MethodHandler>();
  const pollWaiters = new Set<() => void>();
  const callListeners = new Set<() => void>();
  const maxPollMs = (options.maxPollSeconds ?? 1) * 1000;

  const me = (token: string) =>
    botUserFromGetMe(
      options.botId ?? (Number(token.split(':')[0]) || 1000000001),
      options.username,
    );
  const fileOf = (p: Params, c: RecordedCall, field: string) => {
    const [file_id, file_unique_id] = nextFileIds();
    const upload = c.files[field];
    if (!upload) return { file_id: String(p[field]), file_unique_id };
    return { file_id, file_unique_id, file_name: upload.fileName, file_size: upload.bytes.length };
  };
  const message = (p: Params, c: RecordedCall, content: object, id = nextMessageId()) => ({
    message_id: id,
    date: unixNow(),
    chat: chatForId(p.chat_id),
    from: me(c.token),
    ...(p.caption !== undefined ? { caption: p.caption } : {}),
    ...(p.reply_markup !== undefined ? { reply_markup: p.reply_markup } : {}),
    ...content,
  });
  const setWebhook = (url: string, p: Params) => {
    webhook = { url };
    if (url && p.secret_token !== undefined) webhook.secret_token = String(p.secret_token);
    if (p.drop_pending_updates) queue = [];
    return true;
  };

  const builtins: Record<string, MethodHandler> = {
    getMe: (_p, c) => me(c.token),
    sendMessage: (p, c) => message(p, c, { text: p.text }),
    editMessageText: (p, c) =>
      p.inline_message_id ? true : message(p, c, { text: p.text }, Number(p.message_id)),
    sendDocument: (p, c) => message(p, c, { document: fileOf(p, c, 'document') }),
    sendPhoto: (p, c) =>
      message(p, c, { photo: [{ ...fileOf(p, c, 'photo'), width: 1, height: 1 }] }),
    sendVideo: (p, c) =>
      message(p, c, { video: { ...fileOf(p, c, 'video'), width: 1, height: 1 } }),
    copyMessage: (p, c) => message(p, c, {}),
    setWebhook: (p) => setWebhook(String(p.url ?? ''), p),
    deleteWebhook: (p) => setWebhook('', p),
    getWebhookInfo: () => ({
      ...webhook,
      has_custom_certificate: false,
      pending_update_count: queue.length,
    }),
    getFile: (p) => ({
      file_id: p.file_id,
      file_unique_id: `u-${p.file_id}`,
      file_path: `documents/${p.file_id}`,
    }),
    getUpdates: async (p) => {
      if (webhook.url) {
        const description = "Conflict: can't use getUpdates method while webhook is active";
        throw new FakeApiError({ error_code: 409, description });
      }
      const offset = p.offset === undefined ? undefined : Number(p.offset);
      if (offset !== undefined && offset < 0) queue = queue.slice(offset);
      else if (offset !== undefined) queue = queue.filter((u) => u.update_id >= offset);
      const timeoutMs = Math.min(Number(p.timeout ?? 0) * 1000, maxPollMs);
      if (queue.length === 0 && timeoutMs > 0 && !stopped) await waitForUpdate(timeoutMs);
      return queue.slice(0, Math.min(Math.max(Number(p.limit ?? 100), 1), 100));
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

  async function answer(call: RecordedCall): Promise<ApiResponse> {
    const i = failures.findIndex(
      (f) => f.method === call.method && (f.filter?.(call.params) ?? true),
    );
    const failure = failures[i];
    if (failure) {
      if (--failure.times <= 0) failures.splice(i, 1);
      return { ok: false, ...failure.error };
    }
    try {
      const handler = custom.get(call.method) ?? builtins[call.method];
      return { ok: true, result: handler ? await handler(call.params, call) : true };
    } catch (err) {
      if (err instanceof FakeApiError) return { ok: false, ...err.spec };
      throw err;
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      const body = await readBody(req);
      if (!route) return reply(res, { ok: false, error_code: 404, description: 'Not Found' });
      const { params, files } = parseParams(req.headers['content-type'] ?? '', body);
      for (const [k, v] of url.searchParams) params[k] ??= decodeFormValue(k, v);
      for (const [k, v] of Object.entries(params)) {
        const file = typeof v === 'string' && v.startsWith('attach://') && files[v.slice(9)];
        if (file) files[k] = file;
      }
      const [, token = '', method = ''] = route;
      const call: RecordedCall = { method, token, params, files, at: new Date() };
      calls.push(call);
      call.response = await answer(call);
      reply(res, call.response);
      callListeners.forEach((notify) => notify());
    })().catch((err: unknown) =>
      reply(res, { ok: false, error_code: 500, description: String(err) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  const answered = (method: string) => callsOf(method).filter((c) => c.response);
  const withId = (update: NewUpdate): Update => {
    const full = { ...update, update_id: update.update_id ?? lastUpdateId + 1 } as Update;
    lastUpdateId = Math.max(lastUpdateId, full.update_id);
    return full;
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    get webhook() {
      return { ...webhook };
    },
    get pendingUpdates() {
      return [...queue];
    },
    pushUpdate(update) {
      const full = withId(update);
      queue.push(full);
      [...pollWaiters].forEach((wake) => wake());
      return full;
    },
    callsOf,
    waitForCalls(method, count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (answered(method).length < count) return;
          clearTimeout(timer);
          callListeners.delete(check);
          resolve(answered(method));
        };
        const timer = setTimeout(() => {
          callListeners.delete(check);
          const got = calls.map((c) => `${c.method}${JSON.stringify(c.params)}`.slice(0, 120));
          const list = got.length ? `\n  ${got.join('\n  ')}` : ' none';
          const msg = `Expected ${count} answered ${method} call(s) within ${timeoutMs} ms, got ${answered(method).length}. Calls received:${list}`;
          reject(new Error(msg));
        }, timeoutMs);
        callListeners.add(check);
        check();
      });
    },
    sentTo(chatId) {
      return calls
        .filter((c) => COPY_METHODS.includes(c.method) && c.response?.ok)
        .filter((c) => String(c.params.chat_id) === String(chatId))
        .map((c) => {
          const file = c.files.document ?? c.files.photo ?? c.files.video;
          const item: SentItem = { method: c.method };
          const text = c.params.text ?? c.params.caption;
          if (text !== undefined) item.text = String(text);
          if (c.params.reply_markup !== undefined) item.reply_markup = c.params.reply_markup;
          if (file) Object.assign(item, { fileName: file.fileName, bytes: file.bytes });
          return item;
        });
    },
    failNext(method, error, times = 1, filter) {
      failures.push({ method, error, times, filter });
    },
    handle(method, handler) {
      custom.set(method, handler);
    },
    async deliverWebhook(url, update, secret) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
      const body = JSON.stringify(withId(update));
      const res = await fetch(url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.status;
    },
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

function reply(res: http.ServerResponse, body: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  const code = body.ok ? 200 : body.error_code;
  const status = code >= 200 && code < 600 ? code : 400;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
