import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Locale } from '../domain/collaborator.js';
import { escapeHtml } from '../domain/text.js';

export const LOCALES: readonly Locale[] = ['vi', 'en'];

export type MessageArgs = Record<string, string | number>;

/** Formats catalogue messages for one locale. String arguments are escaped as HTML. */
export interface Translator {
  locale: Locale;
  t(key: string, args?: MessageArgs): string;
}

const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/**
 * The message catalogues, one folder per locale and one `.ftl` file per feature. Messages
 * are written in the small HTML subset every channel can show (`<b>`, `<i>`); arguments are
 * escaped so that a name like `<Lan & Hoa>` cannot change the markup.
 */
export class Catalogue {
  private readonly bundles = new Map<Locale, FluentBundle>();

  constructor(dir: string = LOCALES_DIR) {
    for (const locale of LOCALES) {
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const folder = path.join(dir, locale);
      for (const file of readdirSync(folder)
        .filter((name) => name.endsWith('.ftl'))
        .sort()) {
        const errors = bundle.addResource(
          new FluentResource(readFileSync(path.join(folder, file), 'utf8')),
        );
        if (errors.length > 0) {
          throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
        }
      }
      this.bundles.set(locale, bundle);
    }
  }

  /** Every message id of a locale, for the test that keeps the catalogues in step. */
  keys(locale: Locale): string[] {
    const bundle = this.bundles.get(locale)!;
    return [...(bundle as unknown as { _messages: Map<string, unknown> })._messages.keys()].sort();
  }

  translator(locale: Locale): Translator {
    const bundle = this.bundles.get(locale)!;
    return {
      locale,
      t(key, args) {
        const message = bundle.getMessage(key);
        if (!message?.value) return key;
        const safe: Record<string, FluentVariable> = {};
        for (const [name, value] of Object.entries(args ?? {})) {
          safe[name] = typeof value === 'string' ? escapeHtml(value) : value;
        }
        return bundle.formatPattern(message.value, safe);
      },
    };
  }
}
