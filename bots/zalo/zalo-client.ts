import { ZaloApiError, ZaloNetworkError } from './zalo-errors.js';
import { parseZaloJson } from './zalo-json.js';
import type {
  ZaloAnswer,
  ZaloBotInfo,
  ZaloSentMessage,
  ZaloUpdate,
  ZaloWebhookInfo,
} from './zalo-types.js';

/** Where the Zalo Bot Platform answers unless `ZALO_API_ROOT` says otherwise. */
export const DEFAULT_ZALO_API_ROOT = 'https://bot-api.zaloplatforms.com';

/** The longest text Zalo documents for `sendMessage`; configurable because Zalo changes it. */
export const DEFAULT_ZALO_TEXT_LIMIT = 2000;

export interface ZaloClientOptions {
  token: string;
  apiRoot?: string;
  /** How long any call but a long poll may take (default 15 s). */
  timeoutMs?: number;
  /** Longest `sendMessage` text; longer text is refused here rather than cut by Zalo. */
  textLimit?: number;
}

/** Per-call options: a shorter or longer timeout, and a signal that cancels the call. */
export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * A small client for the Zalo Bot Platform: every method is a POST with a JSON body to
 * `<root>/bot<token>/<method>`. An answer with `ok: false` is a {@link ZaloApiError} whatever
 * the HTTP status; a failed connection or a body that is not JSON is a {@link ZaloNetworkError}.
 */
export function createZaloClient(options: ZaloClientOptions) {
  const root = (options.apiRoot ?? DEFAULT_ZALO_API_ROOT).replace(/\/+$/, '');
  const textLimit = options.textLimit ?? DEFAULT_ZALO_TEXT_LIMIT;

  async function call<T>(
    method: string,
    params: Record<string, unknown> = {},
    callOptions: CallOptions = {},
  ): Promise<T> {
    const timeout = AbortSignal.timeout(callOptions.timeoutMs ?? options.timeoutMs ?? 15_000);
    const signal = callOptions.signal ? AbortSignal.any([timeout, callOptions.signal]) : timeout;

    let status: number;
    let raw: string;
    let retryHeader: string | null;
    try {
      const response = await fetch(`${root}/bot${options.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal,
      });
      status = response.status;
      retryHeader = response.headers.get('retry-after');
      raw = await response.text();
    } catch (error) {
      throw new ZaloNetworkError(method, networkReason(error));
    }

    let answer: ZaloAnswer<T>;
    try {
      answer = parseZaloJson(raw) as ZaloAnswer<T>;
    } catch {
      // A gateway in front of Zalo may refuse with a page instead of JSON: a 429 still means
      // "slow down", which the delivery service must see as such rather than as a fault.
      if (status === 429) {
        throw new ZaloApiError(method, 429, 'Too Many Requests', seconds(retryHeader));
      }
      throw new ZaloNetworkError(method, `HTTP ${status} with a body that is not JSON`);
    }
    if (answer?.ok === true) return answer.result;
    const code = Number(answer?.error_code ?? status);
    const retryAfter = seconds(answer?.parameters?.retry_after) ?? seconds(retryHeader);
    const description = String(answer?.description ?? `HTTP ${status}`);
    throw new ZaloApiError(method, code, description, retryAfter);
  }

  return {
    call,

    getMe: () => call<ZaloBotInfo>('getMe'),

    /**
     * One long poll. Zalo returns at most one update per call and keeps no offset; "nothing to
     * deliver" comes as `ok: false` with error code 408, which is an empty list here.
     */
    async getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<ZaloUpdate[]> {
      try {
        const result = await call<ZaloUpdate | ZaloUpdate[] | null>(
          'getUpdates',
          { timeout: String(timeoutSeconds) },
          { timeoutMs: timeoutSeconds * 1000 + 10_000, signal },
        );
        if (!result) return [];
        return Array.isArray(result) ? result : [result];
      } catch (error) {
        if (error instanceof ZaloApiError && error.errorCode === 408) return [];
        throw error;
      }
    },

    /** `secretToken` (8-256 characters) comes back in `X-Bot-Api-Secret-Token`. */
    setWebhook: (url: string, secretToken: string) =>
      call<unknown>('setWebhook', { url, secret_token: secretToken }),

    deleteWebhook: () => call<unknown>('deleteWebhook'),

    getWebhookInfo: () => call<ZaloWebhookInfo>('getWebhookInfo'),

    async sendMessage(chatId: string, text: string): Promise<ZaloSentMessage> {
      if (text.length > textLimit) {
        // The text stays out of the error: it may hold a person's details.
        throw new RangeError(`sendMessage text has ${text.length} characters; limit ${textLimit}`);
      }
      return call<ZaloSentMessage>('sendMessage', { chat_id: chatId, text });
    },

    /** `photo` is a URL Zalo fetches itself; Zalo takes no uploads. */
    sendPhoto: (chatId: string, photo: string, caption?: string) =>
      call<ZaloSentMessage>('sendPhoto', {
        chat_id: chatId,
        photo,
        ...(caption ? { caption } : {}),
      }),

    sendChatAction: (chatId: string, action: 'typing' = 'typing') =>
      call<unknown>('sendChatAction', { chat_id: chatId, action }),
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;

/** A wait in whole seconds from an answer field or header; undefined when absent or odd. */
function seconds(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0
    ? Math.min(Math.ceil(number), 3600)
    : undefined;
}

/** Why a request got no answer, without the error's message (which may hold the URL). */
function networkReason(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return 'timed out';
  if (name === 'AbortError') return 'cancelled';
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? `connection failed (${code})` : 'connection failed';
}
