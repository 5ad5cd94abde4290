import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { createHttpApp } from '../../src/http/app.js';
import { filesRouter } from '../../src/http/files.routes.js';
import { createPlaygroundSender } from '../../src/http/playground-sender.js';
import { playgroundRouter } from '../../src/http/playground.routes.js';
import { LEDGER_PRODUCTS, scriptedOrder } from '../fixtures/ledger-orders.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { pdfPages, squash } from '../support/pdf-text.js';
import { playgroundUser, type WebReply } from '../support/playground.js';
import { activeCollaborator } from '../support/register.js';

/** Debian's Chromium, as in the playground browser test; never downloaded. */
const CHROMIUM = '/usr/bin/chromium';

let core: Core;
let lan: Collaborator;
let url: string;
let close: () => Promise<void>;

/** The playground as `npm start` serves it: the page, its API and the signed file links. */
beforeAll(async () => {
  core = await startTestCore();
  core.senders.web = createPlaygroundSender(core.store, undefined, core.fileLinks);
  const app = createHttpApp({
    core,
    mount(express) {
      express.use(filesRouter({ fileLinks: core.fileLinks }));
      express.use(playgroundRouter({ core, allowRemote: false }));
    },
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });

  await seedProducts(core, LEDGER_PRODUCTS);
  lan = await activeCollaborator(core, 'lan', { fullName: 'Phạm Thị Lan' });
  // 10,000,000 × 5% = 500,000, approved on 9 October; October closed.
  await scriptedOrder(core, lan, [['TV-01', 1]], {
    submittedAt: '2026-10-01T03:00:00Z',
    deliveredAt: '2026-10-02T03:00:00Z',
  });
  await core.services.ledger.daily(new Date('2026-10-10T17:10:00Z'));
  await core.services.monthClose.close('2026-10', 'test', new Date('2026-10-31T17:30:00Z'));
}, 60_000);

afterAll(async () => {
  await close();
  await core.database.close();
});

/** The newest file the outbox holds for `userId`. */
async function lastFile(userId: string) {
  const messages = await playgroundUser(url, userId).inbox();
  const files = messages.map(
    (message) => (message.reply as WebReply & { file?: { url?: string } }).file,
  );
  return files.filter(Boolean).at(-1);
}

describe('statements in the playground', () => {
  it('shows a download link that downloads the PDF', async () => {
    await playgroundUser(url, 'lan').say('/statement 2026-10');
    const file = await lastFile('lan');
    expect(file).toMatchObject({ name: `sao-ke-${lan.code}-2026-10.pdf` });
    expect(file!.url).toMatch(/^\/files\/[0-9a-f]{24}\?exp=\d+&sig=[\w-]{43}$/);

    const response = await fetch(`${url}${file!.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      `attachment; filename="sao-ke-${lan.code}-2026-10.pdf"`,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(file!.size);
    const text = squash((await pdfPages(pdf)).join('\n'));
    expect(text).toContain('Phạm Thị Lan');
    expect(text).toContain('500.000 ₫');
  });

  it('refuses a link whose signature was changed', async () => {
    const file = await lastFile('lan');
    const forged = file!.url!.replace(/sig=./, (match) =>
      match.endsWith('A') ? 'sig=B' : 'sig=A',
    );
    expect((await fetch(`${url}${forged}`)).status).toBe(403);
  });

  (existsSync(CHROMIUM) ? it : it.skip)(
    'in the page, the link is an anchor that downloads the PDF',
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const page = await browser.newPage({ acceptDownloads: true });
        await page.goto(url);
        await page.getByTestId('user-id').fill('lan');
        await page.getByTestId('user-id').press('Enter');
        const link = page.locator('a[data-testid="file"]').last();
        await link.waitFor({ timeout: 10_000 });
        expect(await link.textContent()).toContain(`sao-ke-${lan.code}-2026-10.pdf`);

        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toBe(`sao-ke-${lan.code}-2026-10.pdf`);
        const bytes = await readFile((await download.path())!);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
