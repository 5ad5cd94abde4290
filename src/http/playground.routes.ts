import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { Core } from '../app.js';
import { KeyedQueue } from '../conversation/keyed-queue.js';
import type { InboundEvent } from '../conversation/types.js';
import { HttpError } from './errors.js';
import { toWebReply } from './playground-sender.js';

export interface PlaygroundOptions {
  core: Core;
  /** Answer other machines too (`PLAYGROUND_ALLOW_REMOTE`); anyone can then act as admin. */
  allowRemote: boolean;
}

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'playground');

const ID = /^[\w.-]{1,64}$/;
const MAX_TEXT = 4000;

const id = (field: string) =>
  z
    .string({
      error: (issue) =>
        `${field} ${issue.input === undefined ? 'is required' : 'must be a string'}`,
    })
    .regex(ID, `${field} must be 1-64 letters, digits, '.', '_' or '-'`);

const messageBody = z
  .object(
    {
      userId: id('userId'),
      clientId: id('clientId').optional(),
      text: z
        .string({ error: 'text must be a string' })
        .max(MAX_TEXT, `text must be at most ${MAX_TEXT} characters`)
        .refine((text) => text.trim() !== '', 'text must not be empty')
        .optional(),
      payload: z
        .string({ error: 'payload must be a string' })
        .min(1, 'payload must not be empty')
        .max(1000, 'payload must be at most 1000 characters')
        .optional(),
      contact: z
        .object(
          {
            phone: z
              .string({ error: 'contact.phone is required' })
              .min(1, 'contact.phone must not be empty')
              .max(32, 'contact.phone must be at most 32 characters'),
          },
          { error: 'contact must be an object such as {"phone": "0912 345 678"}' },
        )
        .optional(),
    },
    { error: 'The body must be a JSON object' },
  )
  .refine(
    (body) => [body.text, body.payload, body.contact].filter((v) => v !== undefined).length === 1,
    // Point at `text`, the usual field, so the page can show the problem beside its input.
    { message: 'Send exactly one of text, payload or contact', path: ['text'] },
  );

const pollQuery = z.object({
  userId: id('userId'),
  after: z.coerce
    .number({ error: 'after must be a message number' })
    .int('after must be a whole number')
    .min(0, 'after must not be negative')
    .default(0),
});

/**
 * The local web playground: a chat page and its JSON API, acting as the `web` channel. It
 * lets anyone speak as any user (or as the admin), so it answers only this machine unless
 * `allowRemote`. Mount it at `/`; it only claims `/`, `/playground/*` and `/api/playground/*`
 * so webhooks mounted beside it stay reachable from outside.
 */
export function playgroundRouter({ core, allowRemote }: PlaygroundOptions): Router {
  const router = Router();
  const guard = (req: Request, res: Response, next: NextFunction) => {
    res.set(SECURITY_HEADERS);
    if (allowRemote || isLocalRequest(req)) return next();
    next(new HttpError(403, 'forbidden', REMOTE_REFUSED));
  };

  router.get('/', guard, (_req, res) => {
    res.set('Cache-Control', 'no-store').sendFile(path.join(ASSETS, 'index.html'));
  });
  router.use('/playground', guard, express.static(ASSETS, { index: false }));
  router.use('/api/playground', guard, api(core));
  return router;
}

function api(core: Core): Router {
  const router = Router();
  // Handle and store one user's messages in order, so the outbox reads like the chat.
  const queue = new KeyedQueue();

  router.post('/messages', readJson, async (req, res) => {
    const body = parse(messageBody, req.body);
    const sender = core.senders.web;
    if (!sender) throw new HttpError(503, 'unavailable', 'The playground channel is not running');

    const event: InboundEvent = {
      channel: 'web',
      userId: body.userId,
      chatId: body.userId,
      messageId: body.clientId,
      text: body.text,
      payload: body.payload,
      // The page's "share phone" stands in for the user's own contact card.
      contact: body.contact && { phone: body.contact.phone, own: true },
      at: new Date(),
    };
    const replies = await queue.run(body.userId, async () => {
      const answer = await core.engine.handle(event);
      for (const reply of answer) await sender.send(body.userId, reply);
      return answer;
    });
    res.json({ replies: replies.map(toWebReply) });
  });

  router.get('/messages', async (req, res) => {
    const { userId, after } = parse(pollQuery, req.query);
    const stored = await core.store.playground.since(userId, after);
    res.json({ messages: stored.map(({ seq, reply, at }) => ({ seq, reply, at })) });
  });

  return router;
}

/** JSON only: a cross-site form cannot send it, and a cross-site fetch needs CORS (never given). */
function readJson(req: Request, res: Response, next: NextFunction) {
  if (!req.is('application/json')) {
    next(
      new HttpError(
        415,
        'unsupported_media_type',
        'Send the body as JSON (Content-Type: application/json)',
      ),
    );
    return;
  }
  jsonParser(req, res, (error?: unknown) => {
    if (!error) return next();
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      next(new HttpError(413, 'too_large', 'The request body is larger than 16 KB'));
    } else {
      next(new HttpError(400, 'malformed_json', 'The request body is not valid JSON'));
    }
  });
}

const jsonParser = express.json({ limit: '16kb' });

/** Validates input; the first problem becomes a plain-English 400, never a ZodError dump. */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  throw new HttpError(400, 'invalid_request', issue.message, field);
}

/** Documents are not sent over JSON as bytes; their name and size stand in, as in the outbox. */

const REMOTE_REFUSED =
  'The playground only answers requests from this machine ' +
  '(set PLAYGROUND_ALLOW_REMOTE=true to allow others)';

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: https: http:; base-uri 'none'; " +
    "form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8, `::1` and IPv4-mapped `::ffff:127.x.y.z`; false for anything else. */
export function isLoopback(address: string | undefined): boolean {
  const family = address ? isIP(address) : 0;
  if (family === 0) return false;
  return loopback.check(address!, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A request from this machine: the socket's peer is loopback (never X-Forwarded-For, which
 * anyone can write), no proxy says it forwarded someone else, and the Host header names this
 * machine, which stops a web page from reaching the playground through DNS rebinding.
 */
export function isLocalRequest(req: Pick<Request, 'socket' | 'headers'>): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  if (req.headers.forwarded) return false;

  const forwardedFor = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (!hops.every(isLoopback)) return false;

  return isLocalHost(req.headers.host);
}

/** `localhost`, `*.localhost` or a loopback address, with or without a port. */
function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  const lower = name.toLowerCase();
  return lower === 'localhost' || lower.endsWith('.localhost') || isLoopback(lower);
}
