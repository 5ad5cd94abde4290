import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue } from '../../src/i18n/i18n.js';

const catalogue = new Catalogue();
const vi = catalogue.translator('vi');
const en = catalogue.translator('en');

const LOCALES_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/i18n/locales',
);

/** Every `{ $name }` used anywhere in the catalogues, each given a harmless sample value. */
function sampleArgs(): Record<string, string | number> {
  const names = new Set<string>();
  for (const locale of ['vi', 'en']) {
    for (const file of readdirSync(path.join(LOCALES_DIR, locale))) {
      const source = readFileSync(path.join(LOCALES_DIR, locale, file), 'utf8');
      for (const match of source.matchAll(/\{\s*\$([\w-]+)\s*\}/g)) names.add(match[1]!);
    }
  }
  return Object.fromEntries([...names].map((name) => [name, name === 'count' ? 3 : 'X']));
}

describe('message catalogues', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    const viKeys = catalogue.keys('vi');
    const enKeys = catalogue.keys('en');
    const onlyVi = viKeys.filter((key) => !enKeys.includes(key));
    const onlyEn = enKeys.filter((key) => !viKeys.includes(key));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
    expect(viKeys.length).toBeGreaterThan(50);
  });

  it('format every message in both languages with no placeholder left over', () => {
    const args = sampleArgs();
    const broken: string[] = [];
    for (const i18n of [vi, en]) {
      for (const key of catalogue.keys(i18n.locale)) {
        const text = i18n.t(key, args);
        if (text === key || text.trim() === '' || /\{\s*\$/.test(text)) {
          broken.push(`${i18n.locale}/${key}: ${JSON.stringify(text)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('differ between the languages, so nobody copied one into the other', () => {
    expect(vi.t('consent-agree')).toBe('Tôi đồng ý');
    expect(en.t('consent-agree')).toBe('I agree');
  });

  it('escape string arguments but keep the markup of the message', () => {
    const text = en.t('registered', { name: '<b>x</b> & y', code: 'CTV0001' });
    expect(text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; y');
    expect(text).not.toContain('<b>x</b>');
    expect(text).toContain('<b>CTV0001</b>');
  });

  it('do not wrap arguments in Unicode isolation marks', () => {
    expect(vi.t('collaborator-not-found', { code: 'CTV0042' })).toBe(
      'Không tìm thấy cộng tác viên CTV0042.',
    );
  });

  it('format numbers in the style of the language', () => {
    expect(vi.t('pending-header', { count: 1200 })).toContain('1.200');
    expect(en.t('pending-header', { count: 1200 })).toContain('1,200');
  });

  it('answer with the key itself for a message that does not exist', () => {
    expect(vi.t('no-such-message')).toBe('no-such-message');
  });
});
