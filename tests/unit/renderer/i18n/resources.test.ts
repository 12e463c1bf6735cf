import { describe, expect, it } from 'vitest';
import { nativeResources } from '../../../../src/main/i18n/resources';
import { resources } from '../../../../src/renderer/i18n/resources';
import { resolveLocale } from '../../../../src/shared/i18n/locale';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a resource tree as `a.b.c` → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

// i18next's plural suffixes: English writes `_one` and `_other`, Chinese only `_other`.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<(\/?\w+)\s*\/?>/g)].map((m) => m[1]).sort();

/** Every resource set: the renderer's UI, and what main shows natively (menu, dialogs, notifications). */
const SETS: Record<string, { en: Record<string, unknown>; 'zh-CN': Record<string, unknown> }> = { renderer: resources, main: nativeResources };

for (const [set, { en: enSet, 'zh-CN': zhSet }] of Object.entries(SETS)) {
  describe(`UI text resources (${set})`, () => {
    const namespaces = Object.keys(enSet);

    it('has the same namespaces in English and Simplified Chinese', () => {
      expect(Object.keys(zhSet).sort()).toEqual([...namespaces].sort());
    });

    for (const ns of namespaces) {
      describe(ns, () => {
        const en = leaves(enSet[ns] as Tree);
        const zh = leaves(zhSet[ns] as Tree);

        it('translates every English text, and has nothing English lacks', () => {
          const enKeys = [...new Set([...en.keys()].map(base))].sort();
          const zhKeys = [...new Set([...zh.keys()].map(base))].sort();
          expect(zhKeys).toEqual(enKeys);
        });

        it('has no empty text', () => {
          for (const [key, text] of [...en, ...zh]) expect(text.trim(), `${ns}:${key}`).not.toBe('');
        });

        it('keeps every placeholder and markup tag of the English text', () => {
          for (const [key, text] of en) {
            const translated = zh.get(key) ?? zh.get(`${base(key)}_other`);
            if (translated === undefined) continue; // reported by the key test above
            expect(placeholders(translated), `${ns}:${key}`).toEqual(placeholders(text));
            expect(tags(translated), `${ns}:${key}`).toEqual(tags(text));
          }
        });

        it('writes plurals as i18next expects: `_other` wherever English has `_one`', () => {
          for (const key of en.keys()) if (key.endsWith('_one')) expect(en.has(`${base(key)}_other`), `${ns}:${key}`).toBe(true);
          for (const key of zh.keys()) expect(/_(one|two|few|many)$/.test(key), `${ns}:${key} (Chinese has one plural form)`).toBe(false);
        });
      });
    }
  });
}

describe('resolveLocale', () => {
  it('uses the chosen language', () => {
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
  });

  it('follows the first system language the UI has; any Chinese reads Simplified Chinese', () => {
    expect(resolveLocale('system', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(resolveLocale('system', ['de-DE', 'zh-Hans-CN'])).toBe('zh-CN');
    expect(resolveLocale('system', ['fr', 'en-GB', 'zh'])).toBe('en');
    expect(resolveLocale('system', ['ja'])).toBe('en');
    expect(resolveLocale('system', [])).toBe('en');
  });
});
