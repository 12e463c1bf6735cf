import { describe, expect, it } from 'vitest';
import { submitOutcome } from '../../../../src/main/jobs/failures';
import { providerError } from '../../../../src/main/providers/failure';

const err = (init: Partial<Parameters<typeof providerError>[0]>) => providerError({ kind: 'provider_error', provider: 'Novita', ...init });

describe('submitOutcome: may a task exist after a failed POST?', () => {
  it('requeues when nothing left the machine, or the connection was refused', () => {
    expect(submitOutcome(err({ kind: 'network' }), { sent: 0 })).toBe('requeue');
    expect(submitOutcome(err({ kind: 'network', providerCode: 'ECONNREFUSED' }), { sent: 1 })).toBe('requeue');
    expect(submitOutcome(err({ kind: 'network' }), { sent: 1, lastErrorCode: 'ENOTFOUND' })).toBe('requeue');
  });

  it('requeues refusals the provider answered with 429 or 5xx (but not 504)', () => {
    expect(submitOutcome(err({ kind: 'rate_limited', httpStatus: 429, retryAfterMs: 2000 }), { sent: 1 })).toBe('requeue');
    expect(submitOutcome(err({ httpStatus: 503 }), { sent: 1 })).toBe('requeue');
    expect(submitOutcome(err({ httpStatus: 500 }), { sent: 1 })).toBe('requeue');
  });

  it('fails on a definite refusal (4xx not retryable)', () => {
    expect(submitOutcome(err({ kind: 'invalid_input', httpStatus: 400 }), { sent: 1 })).toBe('fail');
    expect(submitOutcome(err({ kind: 'auth', httpStatus: 401 }), { sent: 1 })).toBe('fail');
    expect(submitOutcome(err({ kind: 'auth', retryable: false }), { sent: 0 })).toBe('fail');
  });

  it('asks for attention whenever the provider may have created the task', () => {
    expect(submitOutcome(err({ httpStatus: 200 }), { sent: 1 })).toBe('attention'); // cut JSON, no id
    expect(submitOutcome(err({ kind: 'timeout', httpStatus: 504 }), { sent: 1 })).toBe('attention');
    expect(submitOutcome(err({ kind: 'timeout' }), { sent: 1 })).toBe('attention');
    expect(submitOutcome(err({ kind: 'network', providerCode: 'ECONNRESET' }), { sent: 1 })).toBe('attention');
    expect(submitOutcome(new TypeError('boom'), { sent: 1 })).toBe('attention');
  });
});
