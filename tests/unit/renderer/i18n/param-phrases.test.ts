import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../src/renderer/i18n/index';
import { phraseText } from '../../../../src/renderer/i18n/phrase';
import { IDLE } from '../../../../src/renderer/store/compose/frame-state';
import { readiness } from '../../../../src/renderer/store/compose/readiness';
import { CATALOG } from '../../../../src/shared/catalog/models';
import { issuePhrase, paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { Draft } from '../../../../src/shared/drafts/draft';
import en from '../../../../src/shared/messages/en.json';
import { english, type Phrase } from '../../../../src/shared/messages/phrase';

const ID = (c: string) => c.repeat(32);
const img = (c: string) => ({ kind: 'image', id: ID(c) });
const vid = (c: string) => ({ kind: 'video', id: ID(c) });
const aud = (c: string) => ({ kind: 'audio', id: ID(c) });
const FINAL = { clipId: 'clip0001', draftId: 'cgt-1' };

/** Inputs that break each rule `paramsSchema` has, on a row: wrong values, frames, references, drafts, tasks. */
function badInputs(m: ModelEntry): Array<Record<string, unknown>> {
  const base = { modelId: m.id, prompt: 'a heron' };
  const perKey = m.params.map((p) => ({ ...base, [p.key]: p.kind === 'enum' ? 'bogus' : p.kind === 'int' ? 3.5 : 'yes' }));
  const absent = ['seed', 'cameraFixed', 'generateAudio', 'watermark', 'serviceTier'].filter((k) => !m.params.some((p) => p.key === k)).map((k) => ({ ...base, [k]: 1 }));
  return [
    ...perKey,
    ...absent,
    { ...base, duration: 999 },
    { ...base, modelId: 'not-this-row' },
    { ...base, prompt: 'x'.repeat(m.prompt.maxChars + 1) },
    { ...base, prompt: ' ' },
    { ...base, firstFrame: 'img-1', lastFrame: 'img-2' },
    { ...base, lastFrame: 'img-2' },
    { ...base, references: [] },
    { ...base, references: Array.from({ length: 10 }, (_, i) => img(String.fromCharCode(97 + i))) },
    { ...base, references: [vid('a'), vid('b'), vid('c'), vid('d')] },
    { ...base, references: [aud('a'), aud('b'), aud('c'), aud('d')] },
    { ...base, references: [img('a'), img('b'), img('c'), img('d'), img('e'), img('f'), img('g'), img('h'), img('i'), vid('j'), vid('k'), vid('l'), aud('m'), aud('n'), aud('o')] },
    { ...base, references: [aud('a')] },
    { ...base, firstFrame: 'img-1', references: [img('a')] },
    { ...base, references: [{ kind: 'image', url: 'https://x.test/a.png' }, { kind: 'audio', url: 'https://x.test/a.mp3' }, vid('v')] },
    { ...base, draft: true, finalOf: FINAL },
    { ...base, draft: true, resolution: '1080p' },
    { ...base, finalOf: FINAL, resolution: '480p', firstFrame: 'img-1' },
    { ...base, task: 'edit', references: [img('a')] },
    { ...base, task: 'extend', references: [vid('a')], aspectRatio: '1:1', duration: 5 },
    { ...base, task: 'edit', references: [vid('a')], aspectRatio: '1:1', duration: 5 },
    { ...base, task: 'reference' },
    { ...base, firstFrame: 'img-1', aspectRatio: '16:9' },
  ];
}

/** Every refusal the catalog's schema gives on every row, with its message and phrase. */
function refusals(): Array<{ message: string; phrase: Phrase | undefined; code: string }> {
  return CATALOG.flatMap((m) =>
    badInputs(m).flatMap((input) => {
      const r = paramsSchema(m).safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => ({ message: i.message, phrase: issuePhrase(i), code: i.code as string }));
    }),
  );
}

/** The refusal sentences `en.json` defines for parameters (not the fragments they are built of). */
const SENTENCES = ((): string[] => {
  const fragments = ['params.label', 'params.or', 'params.range', 'params.unitSeconds', 'params.orAuto', 'params.references.count'];
  const walk = (tree: object, prefix: string): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : walk(v as object, `${prefix}${k}.`)));
  return walk(en.params, 'params.').filter((c) => !fragments.some((f) => c === f || c.startsWith(`${f}.`)));
})();

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('parameter rules in the UI’s language (issue 14)', () => {
  it('every refusal of every row carries a phrase whose English is its message, and that says it in Chinese', async () => {
    const all = refusals();
    const seen = new Set<string>();
    for (const { message, phrase, code } of new Map(all.map((r) => [r.message, r])).values()) {
      // zod's own issues (an unknown key, text where an object is due) have no phrase of ours.
      if (code !== 'custom') continue;
      expect(phrase, message).toBeDefined();
      const p = phrase as Phrase;
      seen.add(p.code);
      expect(english(p), p.code).toBe(message);
      await i18n.changeLanguage('en');
      expect(phraseText(p, 'fallback')).toBe(message);
      await i18n.changeLanguage('zh-CN');
      const zh = phraseText(p, 'fallback');
      expect(zh, p.code).not.toBe('fallback');
      expect(zh, p.code).toMatch(/[\u4e00-\u9fff]/);
    }
    // Only zod's shape checks (an unknown key, a malformed reference or URL) stay phrase-less; every sentence was reached.
    const shapeChecks = new Set(all.filter((r) => r.code !== 'custom').map((r) => r.code));
    expect([...shapeChecks].filter((c) => !['invalid_type', 'unrecognized_keys', 'invalid_format'].includes(c))).toEqual([]);
    expect(SENTENCES.filter((c) => !seen.has(c))).toEqual([]);
  });

  it('the old English sentences, byte for byte, and their Chinese', async () => {
    const v1 = CATALOG.find((m) => m.params.some((p) => p.kind === 'int' && p.values)) as ModelEntry;
    const r = paramsSchema(v1).safeParse({ modelId: v1.id, prompt: 'a heron', firstFrame: 'img-1', duration: 7 });
    const issue = r.success ? undefined : r.error.issues[0];
    expect(issue?.message).toBe(`Duration must be a whole number, 5 or 10 s, on ${v1.name}`);
    await i18n.changeLanguage('zh-CN');
    expect(phraseText(issue && issuePhrase(issue), '')).toBe(`在 ${v1.name} 上，时长必须是整数：5 或 10 秒`);

    const ref = CATALOG.find((m) => m.references && m.references.maxImages > 1) as ModelEntry;
    const max = ref.references!.maxImages;
    const many = paramsSchema(ref).safeParse({ modelId: ref.id, prompt: 'a dance', references: Array.from({ length: max + 1 }, (_, i) => img(String.fromCharCode(97 + i))) });
    const tooMany = many.success ? undefined : many.error.issues.find((i) => i.message.includes('takes at most'));
    expect(tooMany?.message).toBe(`${ref.name} takes at most ${max} images; this job has ${max + 1}.`);
    expect(phraseText(tooMany && issuePhrase(tooMany), '')).toBe(`${ref.name} 最多接受 ${max} 张图片；此任务中的数量为 ${max + 1}。`);
  });

  it('Compose’s last Generate-blocked reason, the parameter rule, in Chinese', async () => {
    const row = CATALOG.find((m) => m.modes.includes('text-to-video') && !m.draft && m.params.some((p) => p.key === 'duration' && p.kind === 'int' && !p.values && !p.auto)) as ModelEntry;
    const spec = row.params.find((p) => p.key === 'duration') as Extract<ModelEntry['params'][number], { kind: 'int' }>;
    const draft = Draft.parse({ id: 'draft-0001', updatedAt: 0, modelId: row.id, prompt: 'a heron lands', params: { resolution: '720p', aspectRatio: '16:9', duration: spec.max + 1 } });
    const input = { draft, models: [{ ...row, available: true }], checks: { first: IDLE, last: IDLE }, inputs: 'frames' as const, sending: false };
    expect(readiness(input)).toEqual({ ready: false, reason: `Duration must be a whole number, ${spec.min} … ${spec.max} s, on ${row.name}` });
    await i18n.changeLanguage('zh-CN');
    expect(readiness(input)).toEqual({ ready: false, reason: `在 ${row.name} 上，时长必须是整数：${spec.min} … ${spec.max} 秒` });
  });
});
