import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { updateFromWebhookBody } from './zalo-event.js';
import { parseZaloJson } from './zalo-json.js';
import type { ZaloUpdate } from './zalo-types.js';

/** The header in which Zalo sends back the webhook's secret token. */
export const SECRET_HEADER = 'x-bot-api-secret-token';

/** The webhook secret: configured (`ZALO_WEBHOOK_SECRET`), or derived from the bot token. */
export function zaloWebhookSecret(token: string, configured?: string): string {
  return (
    configured ?? createHmac('sha256', token).update('zalo-webhook').digest('hex').slice(0, 48)
  );
}

/**
 * Compares the sent secret with ours in constant time. Both sides are hashed first, so the
 * comparison takes as long whatever the length of what was sent.
 */
export function secretMatches(sent: string | undefined, secret: string): boolean {
  if (sent === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(secret));
}

/**
 * The webhook endpoint. A wrong or missing secret gets 401 and nothing is read or handled; a
 * body that is no Zalo update gets 400. Otherwise Zalo gets its 200 at once and `handle` runs
 * afterwards, so a slow answer (a statement being made) never makes Zalo send the event again.
 * The body is parsed here from its raw text, so that numeric ids are kept exact.
 */
export function createZaloWebhookHandler(
  secret: string,
  handle: (update: ZaloUpdate) => void,
): RequestHandler {
  const raw = express.raw({ type: () => true, limit: '1mb' });

  return (req, res, next) => {
    if (!secretMatches(req.get(SECRET_HEADER), secret)) {
      res.status(401).json({ error: { code: 'unauthorized', message: 'Wrong webhook secret' } });
      return;
    }
    raw(req, res, (error?: unknown) => {
      if (error) return next(error);
      const update = readBody(req.body);
      if (!update) {
        res.status(400).json({ error: { code: 'bad_request', message: 'Not a Zalo update' } });
        return;
      }
      res.status(200).json({ ok: true });
      handle(update);
    });
  };
}

function readBody(body: unknown): ZaloUpdate | undefined {
  // Another parser may have run first (an app-wide JSON parser): use what it made.
  if (!Buffer.isBuffer(body)) return updateFromWebhookBody(body);
  try {
    return updateFromWebhookBody(parseZaloJson(body.toString('utf8')));
  } catch {
    return undefined;
  }
}
