import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Core } from '../../src/app.js';
import { startTestCore } from '../support/core.js';
import { type PlaygroundServer, startPlaygroundServer } from '../support/playground.js';

/** Debian's Chromium; a browser is never downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  console.log(`Playground browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
}
const RESULTS = path.resolve('test-results');

let core: Core;
let server: PlaygroundServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

(available ? describe : describe.skip)('playground page in Chromium', () => {
  beforeAll(async () => {
    core = await startTestCore();
    server = await startPlaygroundServer(core);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    // A CSP violation or a script error shows up here; the page must produce none.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await core?.database.close();
  });

  it('registers a collaborator by typing and pressing buttons', async () => {
    await page.goto(server.url);
    await page.getByTestId('user-id').fill('lan-browser');
    await page.getByTestId('user-id').press('Enter');
    await page.getByText('Gõ /start để đăng ký').waitFor();

    await expectReply(() => type('/start'), 'Trước khi đăng ký');
    await expectReply(() => press('Tôi đồng ý'), 'Họ và tên đầy đủ');
    await expectReply(() => type('Nguyễn Thị Lan'), 'Số điện thoại của bạn');
    page.once('dialog', (dialog) => void dialog.accept('0912 345 678'));
    await expectReply(() => page.getByTestId('share-phone').last().click(), 'tỉnh/thành phố');
    await expectReply(() => type('Hà Nội'), 'Ngân hàng bạn nhận');
    await expectReply(() => press('Vietcombank'), 'Số tài khoản ngân hàng');
    await expectReply(() => type('0011 0023 4567'), 'Tên chủ tài khoản');
    await expectReply(() => press('NGUYEN THI LAN'), 'Số CCCD');
    await expectReply(() => press('Bỏ qua'), 'Mã giới thiệu');
    await expectReply(() => press('Bỏ qua'), 'Kiểm tra lại thông tin');
    await expectReply(() => press('✅ Xác nhận'), 'Đăng ký của bạn đã được gửi');

    const code = page.getByTestId('message').last().locator('b');
    expect(await code.textContent()).toBe('CTV0001');
    expect(await page.getByTestId('own-message').last().locator('.bubble').textContent()).toBe(
      '✅ Xác nhận',
    );
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'playground.png') });
  }, 60_000);

  it('lets the admin approve, and the collaborator sees the news', async () => {
    await page.locator('.switch').click();
    expect(await page.getByTestId('user-id').inputValue()).toBe('admin');
    await page.getByTestId('message').filter({ hasText: 'Đăng ký mới' }).waitFor();
    await expectReply(() => press('✅ Duyệt'), 'Đã duyệt Nguyễn Thị Lan (CTV0001)');
    await page.screenshot({ path: path.join(RESULTS, 'playground-admin.png') });

    await page.locator('.switch').click();
    expect(await page.getByTestId('user-id').inputValue()).toBe('lan-browser');
    await page.getByTestId('message').filter({ hasText: 'Chúc mừng Nguyễn Thị Lan' }).waitFor();
    // The transcript typed before switching is still there.
    await page.getByTestId('own-message').filter({ hasText: 'Nguyễn Thị Lan' }).waitFor();
  }, 60_000);

  it('shows server text as text, with only <b> and <i> as markup', async () => {
    await core.store.playground.push(
      'markup-test',
      {
        text:
          '<b>Đậm</b> <i>nghiêng</i> &lt;img src=x&gt; &amp; ' +
          '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
        photo: 'javascript:window.pwned=3',
        file: { name: 'sao-ke-2026-11.pdf', size: 48_213 },
      },
      new Date(),
    );
    await page.getByTestId('user-id').fill('markup-test');
    await page.getByTestId('user-id').press('Enter');

    const message = page.getByTestId('message').last();
    await message.filter({ hasText: 'Đậm' }).waitFor();
    expect(await message.locator('b').textContent()).toBe('Đậm');
    expect(await message.locator('i').textContent()).toBe('nghiêng');
    expect(await message.locator('img, script').count()).toBe(0);
    expect(await message.locator('.text').textContent()).toContain(
      '<img src=x> & <img src=x onerror="window.pwned=1"><script>',
    );
    expect(await message.getByTestId('photo').count()).toBe(0);
    expect(await message.getByTestId('file').textContent()).toBe('📄 sao-ke-2026-11.pdf (47 KB)');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  }, 60_000);
});

async function type(text: string) {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
}

async function press(label: string) {
  await page.getByRole('button', { name: label, exact: true }).last().click();
}

/** Runs an action and waits until a new assistant message containing `expected` appears. */
async function expectReply(action: () => Promise<unknown>, expected: string) {
  const before = await page.getByTestId('message').count();
  await action();
  await page.waitForFunction(
    ([count, text]) =>
      [...document.querySelectorAll('[data-testid="message"]')]
        .slice(count as number)
        .some((node) => node.textContent?.includes(text as string)),
    [before, expected],
    { timeout: 10_000 },
  );
}
