import { describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import type { JobParams } from '../../../../src/shared/catalog/types';
import type { Job, JobState } from '../../../../src/shared/jobs/job';
import { budgetVerdict, committedUsd, ledgerEntry, ledgerStatus, periodBounds, spendTotals, usdForTokens, type LedgerJob } from '../../../../src/shared/spend/ledger';

const T0 = new Date(2026, 10, 20, 15, 0).getTime();
const ARK_PRO = 'ark/seedance-1-0-pro-250528';

function job(over: Partial<LedgerJob> & { states?: JobState[] } = {}): LedgerJob {
  const states = over.states ?? ['queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'];
  const history = states.map((state, i) => ({ state, at: T0 + i * 1000 }));
  const times: Job['times'] = {};
  for (const h of history) times[h.state] = h.at;
  const params: JobParams = { modelId: ARK_PRO, prompt: 'A lighthouse in fog', resolution: '480p', aspectRatio: '16:9', duration: 5 };
  return { id: 'job-00000001', params, provider: 'ark', state: states.at(-1)!, history, times, updatedAt: T0 + 10_000, route: 'provider', ...over };
}

describe('ledger maths with the catalogue prices', () => {
  it('estimates ModelArk 1.0 Pro 480p 16:9 5 s from its token price ($2.50 per million tokens)', () => {
    // providers.md "Output sizes": Seedance 1.0 480p 16:9 is 864×480; tokens = 864 × 480 × 24 × 5 / 1024 = 48,600.
    const line = ledgerEntry(job({ remote: { taskId: 'cgt-1', handle: {} } }), false);
    expect(line.estimateUsd).toBeCloseTo((48_600 * 2.5) / 1_000_000, 10);
    expect(line.reported).toBeNull();
    expect(line.status).toBe('billed');
    expect(line.amountUsd).toBe(line.estimateUsd);
    expect(line.modelName).toBe(findModel(ARK_PRO)!.name);
  });

  it('prefers ModelArk usage.completion_tokens over the estimate, priced with the silent price when audio is off', () => {
    const reported = ledgerEntry(job({ remote: { taskId: 'cgt-1', handle: {}, usage: { completion_tokens: 50_000, total_tokens: 50_000 } } }), false);
    expect(reported.reported).toEqual({ tokens: 50_000, usd: 0.125 });
    expect(reported.amountUsd).toBe(0.125);
    const silent = job({
      params: { modelId: 'ark/seedance-1-5-pro-251215', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, generateAudio: false },
      remote: { taskId: 'cgt-2', handle: {}, usage: { completion_tokens: 108_000 } },
    });
    // 1.5 Pro: $2.40 with audio, $1.20 silent, per million tokens.
    expect(ledgerEntry(silent, false).reported?.usd).toBeCloseTo(0.1296, 10);
    expect(usdForTokens(findModel('ark/seedance-1-5-pro-251215')!, { generateAudio: true }, 108_000)).toBeCloseTo(0.2592, 10);
    expect(usdForTokens(findModel('evolink/seedance-2.0-text-to-video')!, {}, 1000)).toBeNull();
  });

  it('prices a ratio that follows the first frame at the largest size of its resolution (fal 1.5 Pro i2v, auto, 720p)', () => {
    const params: JobParams = { modelId: 'fal/fal-ai/bytedance/seedance/v1.5/pro/image-to-video', prompt: 'x', firstFrame: 'a'.repeat(32), resolution: '720p', aspectRatio: 'auto', duration: 4 };
    const line = ledgerEntry(job({ provider: 'fal', params }), false);
    // 1.5+ 720p: 1112×834 = 927,408 px is the largest; × 24 × 4 / 1024 tokens × $2.40 per million.
    expect(line.estimateUsd).toBeCloseTo((((1112 * 834 * 24 * 4) / 1024) * 2.4) / 1_000_000, 10);
  });

  it('classifies every ending: cancelled before sending and refused at submit are not billed, demo jobs would cost', () => {
    expect(ledgerStatus(job({ states: ['queued', 'cancelled'] }), false)).toBe('not-billed');
    // fal and ModelArk cancel only tasks that have not started; Novita cannot cancel.
    expect(ledgerStatus(job({ states: ['queued', 'submitting', 'submitted', 'cancelled'] }), false)).toBe('not-billed');
    expect(ledgerStatus(job({ provider: 'novita', states: ['queued', 'submitting', 'submitted', 'cancelled'] }), false)).toBe('may-be-billed');
    expect(ledgerStatus(job({ states: ['queued', 'submitting', 'failed'] }), false)).toBe('not-billed');
    expect(ledgerStatus(job({ states: ['queued', 'submitting', 'submitted', 'failed'], remote: { taskId: 't', handle: {} }, error: { kind: 'content_policy', message: 'm' } }), false)).toBe('may-be-billed');
    expect(ledgerStatus(job({ states: ['queued', 'submitting', 'submitted', 'downloading', 'failed'], remote: { taskId: 't', handle: {} }, error: { kind: 'download', message: 'm' } }), false)).toBe('billed');
    expect(ledgerStatus(job({ states: ['queued', 'submitting', 'needs_attention'] }), false)).toBe('may-be-billed');
    expect(ledgerStatus(job({ states: ['queued', 'submitting', 'submitted', 'running'] }), false)).toBe('pending');
    expect(ledgerStatus(job({ route: 'demo' }), false)).toBe('would');
    // Not sent yet: it takes the app's current route.
    expect(ledgerStatus(job({ states: ['queued'], route: undefined }), true)).toBe('would');
    expect(ledgerStatus(job({ states: ['queued'], route: undefined }), false)).toBe('pending');
    const cancelled = ledgerEntry(job({ states: ['queued', 'cancelled'] }), false);
    expect(cancelled.amountUsd).toBe(0);
    expect(cancelled.estimateUsd).toBeGreaterThan(0);
  });

  it('totals today, this month and per provider, leaving other months out and demo money apart', () => {
    const bounds = periodBounds(T0);
    const yesterday = T0 - 24 * 3_600_000;
    const lastMonth = new Date(2026, 9, 31, 12).getTime();
    const at = (t: number, states: JobState[] = ['queued', 'submitting', 'completed']) => {
      const j = job({ states });
      const shift = t - T0;
      return { ...j, history: j.history.map((h) => ({ ...h, at: h.at + shift })), times: Object.fromEntries(Object.entries(j.times).map(([k, v]) => [k, v + shift])) };
    };
    const lines = [
      ledgerEntry(at(T0), false),
      ledgerEntry(at(yesterday), false),
      ledgerEntry(at(lastMonth), false),
      ledgerEntry({ ...at(T0, ['queued']), route: undefined }, false),
      ledgerEntry({ ...at(T0), route: 'demo' }, false),
      ledgerEntry({ ...at(T0, ['queued', 'cancelled']) }, false),
      ledgerEntry({ ...at(T0), provider: 'fal', params: { ...job().params, modelId: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video' } }, false),
    ];
    const one = (48_600 * 2.5) / 1_000_000;
    const totals = spendTotals(lines, bounds);
    expect(totals.month.billedUsd).toBeCloseTo(3 * one, 10);
    expect(totals.month.pendingUsd).toBeCloseTo(one, 10);
    expect(totals.month.wouldUsd).toBeCloseTo(one, 10);
    expect(totals.month.jobs).toBe(6);
    expect(totals.today.billedUsd).toBeCloseTo(2 * one, 10);
    expect(totals.byProvider.ark.billedUsd).toBeCloseTo(2 * one, 10);
    expect(totals.byProvider.fal.billedUsd).toBeCloseTo(one, 10);
    expect(totals.byProvider.novita.jobs).toBe(0);
    expect(committedUsd(totals.month)).toBeCloseTo(4 * one, 10);
  });

  it('asks before a job would cross the monthly budget, not for demo or unpriced jobs', () => {
    expect(budgetVerdict(10, 9.5, 0.4)).toEqual({ crosses: false, afterUsd: 9.9, overUsd: 0 });
    const over = budgetVerdict(10, 9.5, 0.75);
    expect(over.crosses).toBe(true);
    expect(over.overUsd).toBeCloseTo(0.25, 10);
    expect(budgetVerdict(null, 100, 5).crosses).toBe(false);
    expect(budgetVerdict(10, 20, null).crosses).toBe(false);
    expect(budgetVerdict(10, 20, 0).crosses).toBe(false);
    // Already over: every priced job asks.
    expect(budgetVerdict(10, 12, 0.01).crosses).toBe(true);
  });

  it('puts a day and month in the user local calendar', () => {
    const b = periodBounds(new Date(2026, 1, 28, 23, 59).getTime());
    expect(new Date(b.dayStart).getDate()).toBe(28);
    expect(new Date(b.monthEnd).getMonth()).toBe(2);
    expect(new Date(b.monthStart).getDate()).toBe(1);
  });
});
