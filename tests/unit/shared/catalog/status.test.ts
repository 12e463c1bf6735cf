import { describe, expect, it } from 'vitest';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import { modelState, retiredMessage, statusLine } from '../../../../src/shared/catalog/status';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { listModels, defaultModelId } from '../../../../src/main/models/availability';
import { newQueuedJob } from '../../../../src/main/jobs/new-job';
import { StudioError } from '../../../../src/shared/contract/result';

const ark15 = findModel('ark/seedance-1-5-pro-251215')!;
const TODAY = '2026-12-02';

describe('model status in the catalogue', () => {
  it('marks Seedance 1.5 Pro on BytePlus ModelArk retired on 2026-11-11, from a third-party source, with a replacement the catalogue offers', () => {
    expect(ark15.status).toMatchObject({ state: 'retired', date: '2026-11-11', replacement: 'ark/dreamina-seedance-2-0-260128' });
    expect(ark15.status?.source).toMatch(/third-party/);
    expect(modelState(ark15, TODAY)).toBe('retired');
    // Only BytePlus retired it: fal's and Novita's 1.5 Pro rows stay active.
    expect(CATALOG.filter((m) => m.name.startsWith('Seedance 1.5 Pro') && m.provider !== 'ark').map((m) => modelState(m, TODAY))).toEqual(['active', 'active', 'active', 'active']);
  });

  it('every replacement names a catalogue row that is not itself retired', () => {
    for (const m of CATALOG) {
      if (!m.status?.replacement) continue;
      const next = findModel(m.status.replacement);
      expect([m.id, next?.id]).toEqual([m.id, m.status.replacement]);
      expect([m.id, modelState(next!, TODAY)]).not.toEqual([m.id, 'retired']);
    }
  });

  it('a deprecated row counts as retired from its shutdown date on', () => {
    const row: Pick<ModelEntry, 'status'> = { status: { state: 'deprecated', date: '2026-11-11', source: 'test' } };
    expect(modelState(row, '2026-11-10')).toBe('deprecated');
    expect(modelState(row, '2026-11-11')).toBe('retired');
    expect(statusLine(row, '2026-11-10')).toBe('deprecated, shutdown 2026-11-11 (source: test)');
    expect(modelState({}, TODAY)).toBe('active');
  });

  it('says plainly why a retired row takes no new job, naming the replacement', () => {
    expect(retiredMessage(ark15, TODAY, findModel)).toBe(
      'Seedance 1.5 Pro on BytePlus ModelArk was retired on 2026-11-11 (per a third-party source); it no longer takes new jobs. Use Seedance 2.0 (BytePlus ModelArk) instead.',
    );
    expect(retiredMessage(findModel('ark/dreamina-seedance-2-0-260128')!, TODAY, findModel)).toBeNull();
  });
});

describe('retired rows are not offered for new jobs', () => {
  it('Compose lists the row greyed with the plain reason, in the demo too, and never starts a draft on it', () => {
    const keyed = listModels(CATALOG, [{ provider: 'ark', configured: true, status: 'ok' } as never], TODAY);
    const demo = listModels(CATALOG, [], TODAY);
    for (const list of [keyed, demo]) {
      const row = list.models.find((m) => m.id === ark15.id)!;
      expect(row.available).toBe(false);
      expect(row.unavailableReason).toMatch(/retired on 2026-11-11.*Use Seedance 2\.0/);
      expect(list.models.find((m) => m.id === 'ark/dreamina-seedance-2-0-260128')?.available).toBe(true);
    }
    const onlyArk = listModels(CATALOG.filter((m) => m.provider === 'ark'), [{ provider: 'ark', configured: true, status: 'ok' } as never], TODAY);
    expect(defaultModelId(onlyArk)).not.toBe(ark15.id);
  });

  it('a new job on the retired row is refused with the message; one on fal\'s 1.5 Pro is queued', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    const params = { modelId: ark15.id, prompt: 'a kite', resolution: '480p' as const, aspectRatio: '16:9' as const, duration: 5 };
    const err = (() => {
      try {
        newQueuedJob(params, findModel, { id: undefined, order: 1, now });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).message).toMatch(/^Seedance 1\.5 Pro on BytePlus ModelArk was retired on 2026-11-11.*Use Seedance 2\.0/);
    const fal = newQueuedJob({ ...params, modelId: 'fal/fal-ai/bytedance/seedance/v1.5/pro/text-to-video', duration: 5 }, findModel, { id: undefined, order: 1, now });
    expect(fal.state).toBe('queued');
  });
});
