import { describe, expect, it } from 'vitest';
import { batchCostText } from '../../../../../src/renderer/views/compose/batch-cost-text';

describe('batchCostText', () => {
  it('names the total for real keys, says "would cost" in the demo, and says when there is no price', () => {
    const each = { usd: 0.26, asOf: '2026-11', estimate: true as const };
    expect(batchCostText(each, 3, 'Novita', false)).toEqual({
      short: '3 takes ≈ $0.78, estimate as of 2026-11',
      sentence: 'Novita bills each take: ≈ $0.78 in all (3 × $0.26, estimate as of 2026-11).',
      button: 'Send 3 jobs, ≈ $0.78',
    });
    expect(batchCostText(each, 3, 'Novita', true).button).toBe('Send 3 jobs (demo, not billed)');
    expect(batchCostText(each, 3, 'Novita', true).sentence).toContain('would cost ≈ $0.78');
    expect(batchCostText(null, 2, 'fal', false).short).toBe('2 takes, no published price');
  });
});
