import { request } from 'node:http';
import type { Core } from '../../src/app.js';
import { isLocalRequest, isLoopback } from '../../src/http/playground.routes.js';
import { startTestCore } from '../support/core.js';
import { type PlaygroundServer, startPlaygroundServer } from '../support/playground.js';

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', '127.255.255.254', '::1', '::ffff:127.0.0.1'])(
    'accepts %s',
    (address) => expect(isLoopback(address)).toBe(true),
  );

  it.each([
    '10.0.0.1',
    '192.168.1.20',
    '128.0.0.1',
    '0.0.0.0',
    '::',
    '::2',
    '::ffff:10.0.0.1',
    '2001:db8::1',
    'fe80::1',
    'localhost',
    '',
    undefined,
  ])('refuses %s', (address) => expect(isLoopback(address)).toBe(false));
});

describe('isLocalRequest', () => {
  const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ socket: { remoteAddress }, headers: { host: '127.0.0.1:3000', ...headers } }) as never;

  it('accepts this machine by any loopback name', () => {
    expect(isLocalRequest(from('127.0.0.1'))).toBe(true);
    expect(isLocalRequest(from('::1', { host: '[::1]:3000' }))).toBe(true);
    expect(isLocalRequest(from('::ffff:127.0.0.1', { host: 'localhost:3000' }))).toBe(true);
    expect(isLocalRequest(from('127.0.0.1', { host: 'localhost' }))).toBe(true);
  });

  it('refuses another machine whatever X-Forwarded-For claims', () => {
    expect(isLocalRequest(from('192.168.1.20'))).toBe(false);
    expect(isLocalRequest(from('203.0.113.9', { 'x-forwarded-for': '127.0.0.1' }))).toBe(false);
  });

  it('refuses what a local proxy forwarded from elsewhere', () => {
    expect(isLocalRequest(from('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
    expect(isLocalRequest(from('127.0.0.1', { forwarded: 'for=203.0.113.9' }))).toBe(false);
  });

  it('refuses a page that reached this machine through another host name', () => {
    expect(isLocalRequest(from('127.0.0.1', { host: 'attacker.example:3000' }))).toBe(false);
    expect(isLocalRequest(from('127.0.0.1', { host: '' }))).toBe(false);
  });
});

/** A request to our own loopback server with the headers a test wants. */
function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('playground over HTTP', () => {
  let core: Core;
  let local: PlaygroundServer;
  let open: PlaygroundServer;

  beforeAll(async () => {
    core = await startTestCore();
    local = await startPlaygroundServer(core, false);
    open = await startPlaygroundServer(core, true);
  });

  afterAll(async () => {
    await local?.close();
    await open?.close();
    await core?.database.close();
  });

  it('refuses a request addressed to another host name with the documented 403', async () => {
    const answer = await get(`${local.url}/api/playground/messages?userId=lan`, {
      host: 'attacker.example',
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'forbidden',
        message:
          'The playground only answers requests from this machine ' +
          '(set PLAYGROUND_ALLOW_REMOTE=true to allow others)',
      },
    });
    expect((await get(`${local.url}/`, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
  });

  it('still answers health checks: only its own paths are guarded', async () => {
    expect((await get(`${local.url}/healthz`, { host: 'attacker.example' })).status).toBe(200);
  });

  it('answers anyone when remote use is allowed', async () => {
    const answer = await get(`${open.url}/api/playground/messages?userId=lan`, {
      host: 'bot.example',
    });
    expect(answer.status).toBe(200);
  });
});
