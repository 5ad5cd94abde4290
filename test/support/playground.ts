import type { AddressInfo } from 'node:net';
import type { Core } from '../../src/app.js';
import { createHttpApp } from '../../src/http/app.js';
import { playgroundRouter } from '../../src/http/playground.routes.js';

/** A running HTTP app with the playground mounted, on a free loopback port. */
export interface PlaygroundServer {
  url: string;
  close(): Promise<void>;
}

export async function startPlaygroundServer(
  core: Core,
  allowRemote = false,
): Promise<PlaygroundServer> {
  const app = createHttpApp({
    core,
    mount: (express) => express.use(playgroundRouter({ core, allowRemote })),
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps connections alive; without this, close() would wait for them to idle.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What the playground API answers for one reply or stored message. */
export interface WebReply {
  text: string;
  choices?: { label: string; payload: string }[][];
  requestContact?: boolean;
  photo?: string;
  file?: { name: string; size: number };
}

export interface StoredMessage {
  seq: number;
  reply: WebReply;
  at: string;
}

/**
 * A person using the playground API, like `chatAs` for the engine: `say` types, `press`
 * sends the payload of a button from the last replies, `inbox` reads the outbox.
 */
export function playgroundUser(baseUrl: string, userId: string) {
  let last: WebReply[] = [];

  async function post(fields: Record<string, unknown>): Promise<WebReply[]> {
    const response = await fetch(`${baseUrl}/api/playground/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId, ...fields }),
    });
    const body = (await response.json()) as { replies: WebReply[] };
    if (response.status !== 200)
      throw new Error(`POST ${response.status}: ${JSON.stringify(body)}`);
    last = body.replies;
    return last;
  }

  return {
    say: (text: string, clientId?: string) => post({ text, clientId }),
    contact: (phone: string) => post({ contact: { phone } }),
    async press(label: string | RegExp, from: WebReply[] = last): Promise<WebReply[]> {
      const buttons = from.flatMap((reply) => (reply.choices ?? []).flat());
      const choice = buttons.find((item) =>
        typeof label === 'string' ? item.label === label : label.test(item.label),
      );
      if (!choice) {
        throw new Error(`No button ${label}; buttons: ${buttons.map((b) => b.label).join(' | ')}`);
      }
      return post({ payload: choice.payload });
    },
    async inbox(after = 0): Promise<StoredMessage[]> {
      const query = new URLSearchParams({ userId, after: String(after) });
      const response = await fetch(`${baseUrl}/api/playground/messages?${query}`);
      if (response.status !== 200) throw new Error(`GET ${response.status}`);
      return ((await response.json()) as { messages: StoredMessage[] }).messages;
    },
    get text() {
      return last.map((reply) => reply.text).join('\n');
    },
  };
}
