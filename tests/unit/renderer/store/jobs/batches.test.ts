import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../../../src/shared/jobs/job';
import { batchClipIds, cancellableTakes, groupBatches, queueRows } from '../../../../../src/renderer/store/jobs/batches';

function job(id: string, order: number, state: JobView['state'], batch?: { id: string; take: number; of: number }, libraryId?: string): JobView {
  return {
    id,
    params: { modelId: 'ark/seedance-1-0-pro-250528', prompt: 'p', resolution: '480p', aspectRatio: '16:9', duration: 2 },
    provider: 'ark',
    state,
    times: {},
    updatedAt: 0,
    attempts: 0,
    requests: 0,
    history: [],
    order,
    ...(batch ? { batch } : {}),
    ...(libraryId ? { result: { libraryId } } : {}),
  };
}

const B = 'batch-0001';
const take = (n: number) => ({ id: B, take: n, of: 3 });

describe('queueRows', () => {
  it('puts one header before the first take shown, and keeps every job in its place', () => {
    const shown = [job('lone-0001', 0, 'queued'), job('take-0002', 2, 'queued', take(2)), job('other-0001', 3, 'queued'), job('take-0001', 4, 'queued', take(1))];
    expect(queueRows(shown).map((r) => (r.kind === 'batch' ? `header ${r.batchId}` : r.job.id))).toEqual([
      'lone-0001',
      `header ${B}`,
      'take-0002',
      'other-0001',
      'take-0001',
    ]);
  });
});

describe('groupBatches', () => {
  it('gathers each batch’s takes in take order, a retry after the take it retried', () => {
    const groups = groupBatches([job('t3-000000', 3, 'queued', take(3)), job('t1-000000', 1, 'failed', take(1)), job('lone-0001', 0, 'queued'), job('t1-retry00', 9, 'queued', take(1))]);
    expect([...groups.keys()]).toEqual([B]);
    expect(groups.get(B)!.map((j) => j.id)).toEqual(['t1-000000', 't1-retry00', 't3-000000']);
  });
});

describe('batch actions', () => {
  const takes = [job('a-0000000', 1, 'completed', take(1), 'clipaaaa1'), job('b-0000000', 2, 'running', take(2)), job('c-0000000', 3, 'needs_attention', take(3))];
  it('Cancel all stops the takes under way, not one waiting for the user', () => {
    expect(cancellableTakes(takes).map((t) => t.id)).toEqual(['b-0000000']);
  });
  it('Compare opens the finished takes’ clips', () => {
    expect(batchClipIds(takes)).toEqual(['clipaaaa1']);
  });
});
