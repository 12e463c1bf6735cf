import enCatalog from '../../shared/catalog/notes/en.json';
import zhCatalog from '../../shared/catalog/notes/zh-CN.json';
import enCatalogWords from './locales/en/catalog.json';
import enCommon from './locales/en/common.json';
import enCompare from './locales/en/compare.json';
import enCompose from './locales/en/compose.json';
import enLibrary from './locales/en/library.json';
import enMedia from './locales/en/media.json';
import enQueue from './locales/en/queue.json';
import enSettings from './locales/en/settings.json';
import enShell from './locales/en/shell.json';
import enSpend from './locales/en/spend.json';
import zhCatalogWords from './locales/zh-CN/catalog.json';
import zhCommon from './locales/zh-CN/common.json';
import zhCompare from './locales/zh-CN/compare.json';
import zhCompose from './locales/zh-CN/compose.json';
import zhLibrary from './locales/zh-CN/library.json';
import zhMedia from './locales/zh-CN/media.json';
import zhQueue from './locales/zh-CN/queue.json';
import zhSettings from './locales/zh-CN/settings.json';
import zhShell from './locales/zh-CN/shell.json';
import zhSpend from './locales/zh-CN/spend.json';
import enMessages from '../../shared/messages/en.json';
import zhMessages from '../../shared/messages/zh-CN.json';

/**
 * Every UI string, per language and namespace (one namespace per view, `common` for words every view
 * uses, `media` for reference/upload texts shared by Compose and the Queue, `catalog` for the catalogue's
 * model notes, kept next to the catalogue in src/shared/catalog/notes/, and the mode words of its
 * model names (locales/{en,zh-CN}/catalog.json, see `model-name.ts`), `messages` for the phrases
 * main and the engine send with their English — see `shared/messages/phrase.ts`). English is the source;
 * `i18n-resources.test.ts` checks that Simplified Chinese has the same keys and placeholders.
 * Plurals follow i18next's suffixes (`_one`, `_other`; Chinese has only `_other`).
 */
export const resources = {
  en: {
    common: enCommon,
    shell: enShell,
    compose: enCompose,
    queue: enQueue,
    library: enLibrary,
    compare: enCompare,
    settings: enSettings,
    spend: enSpend,
    media: enMedia,
    catalog: { ...enCatalog, ...enCatalogWords },
    messages: enMessages,
  },
  'zh-CN': {
    common: zhCommon,
    shell: zhShell,
    compose: zhCompose,
    queue: zhQueue,
    library: zhLibrary,
    compare: zhCompare,
    settings: zhSettings,
    spend: zhSpend,
    media: zhMedia,
    catalog: { ...zhCatalog, ...zhCatalogWords },
    messages: zhMessages,
  },
} as const;

/** The namespaces, in the order above. */
export const NAMESPACES = Object.keys(resources.en) as Array<keyof (typeof resources)['en']>;
