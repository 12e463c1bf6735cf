// Attributes, as Node ESM needs for JSON (Playwright's loader, when a spec imports main's core).
import en from './locales/en/native.json' with { type: 'json' };
import zh from './locales/zh-CN/native.json' with { type: 'json' };
import enMessages from '../../shared/messages/en.json' with { type: 'json' };
import zhMessages from '../../shared/messages/zh-CN.json' with { type: 'json' };

/**
 * The text main shows natively — Electron's menu, file dialogs, the error box and page, desktop
 * notifications — per language, in one `native` namespace, and the `messages` namespace of the
 * phrases main and the engine build (shared/messages: a job's failure reason in a notification).
 * Bundled with main (no file read at run time). English is the source;
 * `tests/unit/renderer/i18n/resources.test.ts` checks that Simplified Chinese has the same keys
 * and placeholders, as it does for the renderer's text.
 */
export const nativeResources = {
  en: { native: en, messages: enMessages },
  'zh-CN': { native: zh, messages: zhMessages },
} as const;

type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];

/** A text's key: its path in `locales/en/native.json` (`menu.file`, `notification.ready`). */
export type NativeKey = Leaves<typeof en>;
