import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm start` as a person runs it: no configuration but a private data folder and a free
 * port. Proves the composition root starts every role, serves the playground and stops
 * cleanly on SIGTERM.
 */
const tsx = path.resolve('node_modules/.bin/tsx');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ctv-start-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(tsx, ['src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

it('starts with no configuration, prints the playground URL, answers and stops on SIGTERM', async () => {
  const { child, output } = start({
    DATA_DIR: dataDir,
    PORT: '0',
    EMBEDDED_DATABASE: 'emulator',
    LOG_LEVEL: 'warn',
  });
  const exit = exited(child);

  const deadline = Date.now() + 25_000;
  let url: string | undefined;
  while (!url && Date.now() < deadline) {
    url = /Playground: (http:\/\/\S+)/.exec(output())?.[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(url).toBeDefined();
  expect(output()).toContain('LOST when the process exits');
  expect(existsSync(path.join(dataDir, 'database.json'))).toBe(true);
  expect(readFileSync(path.join(dataDir, 'encryption.key'), 'utf8').trim()).toMatch(
    /^[0-9a-f]{64}$/,
  );

  const ready = await fetch(new URL('/readyz', url));
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({
    database: { ok: true, kind: 'emulator' },
    jobs: { ok: true },
  });

  const answer = await fetch(new URL('/api/playground/messages', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'start-test', text: '/start' }),
  });
  const body = (await answer.json()) as { replies: { text: string }[] };
  expect(body.replies.map((reply) => reply.text).join('\n')).toContain('Trước khi đăng ký');

  child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(existsSync(path.join(dataDir, 'database.json'))).toBe(false);
}, 40_000);

it('refuses to start on bad configuration, with one line per problem', async () => {
  const { child, output } = start({
    DATA_DIR: dataDir,
    PORT: 'abc',
    TELEGRAM_BOT_TOKEN: 'not-a-token',
  });
  expect(await exited(child)).toBe(1);
  expect(output()).toMatch(/- PORT: .+/);
  expect(output()).toMatch(/- TELEGRAM_BOT_TOKEN: .+/);
  expect(output()).not.toContain('ZodError');
}, 30_000);
