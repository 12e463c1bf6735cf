import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyChecker } from '../../../../src/main/keys/check';
import { createSessionOnlyCrypto } from '../../../../src/main/keys/crypto';
import { createKeyVault } from '../../../../src/main/keys/vault';
import { copyFileAtomic, describeFsError, fsFailure } from '../../../../src/main/library/disk';
import { createLibrary } from '../../../../src/main/library/library';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { listModels } from '../../../../src/main/models/availability';
import { newQueuedJob } from '../../../../src/main/jobs/new-job';
import { createSettingsStore } from '../../../../src/main/settings/store';
import { createBudgetStore } from '../../../../src/main/spend/budget-store';
import { createStudioClient, describeError } from '../../../../src/renderer/api/client';
import { i18n } from '../../../../src/renderer/i18n/index';
import { modelName, unavailableText } from '../../../../src/renderer/i18n/model-name';
import { phraseText } from '../../../../src/renderer/i18n/phrase';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import type { StudioApi } from '../../../../src/shared/contract/index';
import { StudioError } from '../../../../src/shared/contract/result';
import en from '../../../../src/shared/messages/en.json';
import zh from '../../../../src/shared/messages/zh-CN.json';
import { sourceChoices } from '../../../../src/shared/library/source-video';
import { said, type Phrase } from '../../../../src/shared/messages/phrase';

const PHOTO = '/work/shared/fixtures/images/sunset-4272x2848.jpg';
const HAN = /\p{Script=Han}/u;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'phrases-'));
});
afterEach(async () => {
  await i18n.changeLanguage('en');
  rmSync(dir, { recursive: true, force: true });
});

/** A sentence as the window shows it in English and in Simplified Chinese. */
async function both(p: Phrase | undefined, message: string): Promise<{ en: string; zh: string }> {
  await i18n.changeLanguage('zh-CN');
  const inZh = phraseText(p, message);
  await i18n.changeLanguage('en');
  return { en: phraseText(p, message), zh: inZh };
}

/** What `run` throws, as a StudioError, shown in both languages. */
async function refusal(run: () => unknown): Promise<{ code: string; en: string; zh: string }> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(StudioError);
    const e = err as StudioError;
    expect(e.phrase, e.message).toBeDefined();
    return { code: e.code, ...(await both(e.phrase, e.message)) };
  }
  throw new Error('expected a refusal');
}

/** Latin words a Chinese sentence may keep: names, file names, codes and values it interpolates. */
const KEPT = /\b(Seedance|ModelArk|CSV|API|HTTP|GNOME|Keyring|KWallet|clip\.json|https?|flex)\b/g;

/** Every `{{name}}` of `template` given a value with no Latin letters, so any left are the template's own. */
function filled(template: string): string {
  return template.replace(/\{\{\s*\w+\s*\}\}/g, '1');
}

describe('library, settings, keys and spend sentences (issue 14)', () => {
  it('has a natural Chinese text for every code of the four sections, with no English words left', () => {
    type Tree = { [key: string]: string | Tree };
    const walk = (e: Tree, z: Tree, path: string): void => {
      for (const [key, value] of Object.entries(e)) {
        const other = z[key];
        if (typeof value === 'object') walk(value, other as Tree, `${path}.${key}`);
        else {
          expect(typeof other, `${path}.${key}`).toBe('string');
          const text = filled(other as string).replace(KEPT, '');
          // A sentence of its own words has Chinese ones; one made only of its values ("{{provider}}: {{problem}}") need not.
          if (/[A-Za-z]{2,}/.test(filled(value).replace(KEPT, ''))) expect(text, `${path}.${key}`).toMatch(HAN);
          expect(text, `${path}.${key}`).not.toMatch(/[A-Za-z]{2,}/);
        }
      }
    };
    for (const section of ['library', 'settings', 'keys', 'spend'] as const) walk(en[section], zh[section], section);
  });

  it('says why a copy failed: onto itself, and over a folder', async () => {
    const photo = join(dir, 'sunset.jpg');
    await copyFile(PHOTO, photo);
    const self = await copyFileAtomic(photo, photo).catch((err: unknown) => err);
    expect(await both(describeFsError(self), '')).toEqual({ en: 'it would replace the original file', zh: '这样会覆盖原文件' });
    mkdirSync(join(dir, 'taken'));
    const overFolder = await copyFileAtomic(photo, join(dir, 'taken')).catch((err: unknown) => err);
    const sentence = fsFailure(overFolder);
    expect(await both(sentence.phrase, sentence.message)).toEqual({ en: 'A folder has that name.', zh: '已有同名文件夹。' });
    const missing = await copyFileAtomic(join(dir, 'gone.jpg'), join(dir, 'out.jpg')).catch((err: unknown) => err);
    const csv = said('spend.csvNotSaved', { why: describeFsError(missing) });
    expect(await both(csv.phrase, csv.message)).toEqual({
      en: 'The CSV could not be saved: the folder or the clip no longer exists.',
      zh: '无法保存 CSV：文件夹或视频已不存在。',
    });
  });

  it('refuses library requests in the UI language', async () => {
    const library = createLibrary({ libraryDir: join(dir, 'Library'), framesDir: join(dir, 'frames'), log: createMemoryLogger(), watch: false });
    try {
      expect(await refusal(() => library.get('c_missing'))).toEqual({ code: 'NOT_FOUND', en: 'That clip is no longer in the library.', zh: '该视频已不在视频库中。' });
      expect(await refusal(() => library.restore('c_missing'))).toEqual({
        code: 'NOT_FOUND',
        en: "That clip is not in the app's trash any more; look for it in the system trash.",
        zh: '该视频已不在应用的回收站中；请到系统回收站中查找。',
      });
    } finally {
      await library.dispose();
    }
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const blocked = createLibrary({ libraryDir: join(dir, 'a-file', 'Library'), framesDir: join(dir, 'frames'), log: createMemoryLogger(), watch: false });
    try {
      expect(await refusal(() => blocked.list())).toEqual({
        code: 'UNAVAILABLE',
        en: 'The library folder cannot be opened (ENOTDIR); choose another one in Settings.',
        zh: '无法打开视频库文件夹（ENOTDIR）；请在“设置”中另选一个。',
      });
    } finally {
      await blocked.dispose();
    }
  });

  it('refuses a library folder that is a file, naming it, in both languages', async () => {
    const file = join(dir, 'photo.jpg');
    await copyFile(PHOTO, file);
    const settings = createSettingsStore({ dir, defaultLibraryDir: join(dir, 'Library'), log: createMemoryLogger() });
    expect(await refusal(() => settings.update({ libraryDir: file }))).toEqual({
      code: 'BAD_INPUT',
      en: `The library folder cannot be used: "${file}" cannot be created (a file is in the way). The previous folder is kept.`,
      zh: `无法使用该视频库文件夹：无法创建“${file}”（该位置已有同名文件）。仍沿用之前的文件夹。`,
    });
    // zod's own words about the field stay as they are (a value); the sentence around them is translated.
    const bad = await refusal(() => settings.update({ polling: { minIntervalMs: -1 } }));
    expect(bad.en).toMatch(/^Settings not saved — polling\.minIntervalMs: .+\. The previous settings are kept\.$/);
    expect(bad.zh).toMatch(/^设置未保存——polling\.minIntervalMs: .+。仍沿用之前的设置。$/);
  });

  it('says when the budget cannot be saved', async () => {
    const budget = createBudgetStore({ dir: join(dir, 'data'), log: createMemoryLogger() });
    // The data folder becomes a file: the next write fails as a full disk or a lost drive would.
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    await writeFile(join(dir, 'data'), 'in the way');
    expect(await refusal(() => budget.set(20))).toEqual({
      code: 'UNAVAILABLE',
      en: 'The budget could not be saved; the previous one is kept.',
      zh: '无法保存预算；仍沿用之前的预算。',
    });
  });

  it('says key problems, storage questions and check outcomes in the UI language', async () => {
    const vault = createKeyVault({ dir, crypto: createSessionOnlyCrypto(), env: {}, log: createMemoryLogger() });
    const key = `sk_test_${Math.random().toString(36).slice(2)}NOVITA`;
    const asked = vault.set('novita', key);
    expect(asked.saved).toBe(false);
    if (asked.saved) return;
    expect(await both(asked.phrase, asked.message)).toEqual({
      en: 'This system offers no encryption for stored keys. The key can be kept for this session only, until the app quits.',
      zh: '此系统不为保存的密钥提供加密。该密钥只能在本次会话中保留，直到应用退出。',
    });
    expect(await refusal(() => vault.set('novita', key, 'store_anyway'))).toEqual({
      code: 'UNAVAILABLE',
      en: 'This system offers no encryption, so the key cannot be stored. Keep it for this session instead.',
      zh: '此系统不提供加密，无法保存密钥。请改为仅在本次会话中保留。',
    });

    // A damaged entry on disk, with the environment's key standing in.
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ fal: { nonsense: true } }));
    const reopened = createKeyVault({ dir, crypto: createSessionOnlyCrypto(), env: { FAL_KEY: `${key}-env` }, log: createMemoryLogger() });
    const status = reopened.status('fal');
    expect(await both(status.phrase, status.message ?? '')).toEqual({
      en: 'The stored key is damaged. Enter the key again. Until then the key from FAL_KEY is used.',
      zh: '保存的密钥已损坏。请重新输入密钥。在此之前，使用来自 FAL_KEY 的密钥。',
    });
    // Without the environment's key the fal models cannot be picked, and say why (Novita's key keeps the demo off).
    const alone = createKeyVault({ dir, crypto: createSessionOnlyCrypto(), env: { NOVITA_API_KEY: key }, log: createMemoryLogger() });
    const fal = listModels(CATALOG, alone.list()).models.find((m) => m.provider === 'fal');
    expect(fal?.available).toBe(false);
    await i18n.changeLanguage('zh-CN');
    expect(fal && unavailableText(fal)).toBe('fal：保存的密钥已损坏。请重新输入密钥。');
    await i18n.changeLanguage('en');
    expect(fal && unavailableText(fal)).toBe('fal: The stored key is damaged. Enter the key again.');

    const check = createKeyChecker({ keyFor: () => undefined, adapterFor: () => { throw new Error('not reached'); }, baseUrls: () => ({ api: 'http://127.0.0.1:9' }) });
    expect(await refusal(() => check('novita'))).toEqual({ code: 'NOT_FOUND', en: 'No novita key is set. Add one first.', zh: '尚未设置 novita 的密钥。请先添加。' });
  });

  it('says why a clip cannot be the source of an edit on ModelArk, naming the providers that can take its file', async () => {
    const expiresAt = Date.parse('2026-12-02T11:00:00Z');
    const models = CATALOG.map((m) => ({ ...m, available: true }));
    const { choices } = sourceChoices('edit', { durationSec: 5, sidecar: { resultLink: { url: 'https://x.example/v.mp4', expiresAt } } }, models, expiresAt + 1);
    const ark = choices.find((c) => c.model.provider === 'ark')?.reason;
    expect(await both(ark?.phrase, ark?.message ?? '')).toEqual({
      en: "ModelArk takes a source video only by a public link, and this clip's link expired on Wed, 02 Dec 2026 11:00:00 GMT (links last 24 h). fal and EvoLink can take the clip's file instead.",
      zh: 'ModelArk 只能通过公开链接接收源视频，而此视频的链接已于 Wed, 02 Dec 2026 11:00:00 GMT 过期（链接有效期为 24 小时）。fal 和 EvoLink 可以改用该视频的文件。',
    });
    const none = sourceChoices('extend', { durationSec: 5, sidecar: {} }, [], 0).problem;
    expect(await both(none?.phrase, none?.message ?? '')).toEqual({ en: 'No Seedance 2.5 model in this version can extend a clip.', zh: '此版本中没有能延长视频的 Seedance 2.5 模型。' });
  });

  it('shows a client-side refusal in the UI language', async () => {
    const client = createStudioClient({} as StudioApi);
    const failure = await client.app.status().catch((err: unknown) => err);
    expect(describeError(failure)).toBe('This build cannot reach app:status.');
    await i18n.changeLanguage('zh-CN');
    const inZh = await client.app.status().catch((err: unknown) => err);
    expect(describeError(inZh)).toBe('此版本无法访问 app:status。');
  });
});

describe('model names in the UI language', () => {
  it('keeps every English name as the catalogue writes it, by entry and by id', () => {
    for (const entry of CATALOG) {
      expect(modelName(entry)).toBe(entry.name);
      expect(modelName(entry.id)).toBe(entry.name);
    }
    expect(modelName('novita/gone-model')).toBe('novita/gone-model');
  });

  it('says the mode words in Chinese, keeping the model and version', async () => {
    await i18n.changeLanguage('zh-CN');
    const names = new Set(CATALOG.map((entry) => modelName(entry)));
    expect(names).toContain('Seedance 2.0 · 文生视频');
    expect(names).toContain('Seedance 1.0 Lite · 图生视频');
    expect(names).toContain('Seedance 2.5 · 参考生视频');
    for (const name of names) expect(name).not.toMatch(/ to video/);
    expect(modelName('novita/gone-model')).toBe('novita/gone-model');
  });
});

describe('a retired model, in Chinese (issue 14)', () => {
  const ark15 = findModel('ark/seedance-1-5-pro-251215')!;

  it('refuses a new job and greys the row with the replacement named, in the UI language', async () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    const job = { modelId: ark15.id, prompt: 'a kite', resolution: '480p' as const, aspectRatio: '16:9' as const, duration: 5 };
    const { code, en, zh } = await refusal(() => newQueuedJob(job, findModel, { id: undefined, order: 1, now }));
    expect(code).toBe('BAD_INPUT');
    expect(en).toBe('Seedance 1.5 Pro on BytePlus ModelArk was retired on 2026-11-11 (per a third-party source); it no longer takes new jobs. Use Seedance 2.0 (BytePlus ModelArk) instead.');
    expect(zh).toBe('BytePlus ModelArk 上的 Seedance 1.5 Pro 于 2026-11-11 已停用（据第三方来源），不再接受新任务。请改用 Seedance 2.0（BytePlus ModelArk）。');

    const row = listModels(CATALOG, [], '2026-12-02').models.find((m) => m.id === ark15.id)!;
    expect(await both(row.unavailablePhrase, row.unavailableReason ?? '')).toEqual({ en, zh });
  });
});
