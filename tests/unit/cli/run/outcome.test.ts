import { describe, expect, it } from 'vitest';
import { failureText, timingsOf } from '../../../../src/cli/run/outcome';
import type { Job } from '../../../../src/shared/jobs/job';

const T0 = 1_800_000_000_000;

function job(over: Partial<Job>): Job {
  return {
    id: 'job-00000001',
    params: { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'x', resolution: '480p', aspectRatio: '16:9', duration: 5 },
    provider: 'novita',
    state: 'failed',
    times: {},
    updatedAt: T0,
    attempts: 1,
    requests: 1,
    history: [],
    order: 0,
    ...over,
  };
}

describe('timingsOf', () => {
  it('splits the job into submit, provider queue, generation and download, in ms', () => {
    const t = timingsOf(job({ state: 'completed', times: { queued: T0, submitted: T0 + 900, running: T0 + 4_000, downloading: T0 + 9_000, completed: T0 + 9_700 } }));
    expect(t).toEqual({ submitMs: 900, waitingMs: 3_100, generatingMs: 5_000, downloadMs: 700, totalMs: 9_700 });
  });

  it('counts a phase the provider never reported (no running state) as 0 ms', () => {
    const t = timingsOf(job({ state: 'completed', times: { queued: T0, submitted: T0 + 500, downloading: T0 + 6_500, completed: T0 + 7_000 } }));
    expect(t).toEqual({ submitMs: 500, waitingMs: 6_000, generatingMs: 0, downloadMs: 500, totalMs: 7_000 });
  });
});

describe('failureText', () => {
  it('gives the plain reason, the provider\'s own words, the task id and command-line advice', () => {
    const text = failureText(
      job({
        remote: { taskId: 'task-42', handle: {} },
        error: { kind: 'auth', message: 'Novita refused the API key. Check the key in Settings → Providers.', providerCode: 'INVALID_API_KEY', providerMessage: 'key is invalid', fix: 'Check the key in Settings → Providers, then use Retry.' },
      }),
    );
    expect(text).toBe(
      'Novita refused the API key. Check the key in Settings → Providers.\n  Novita said: INVALID_API_KEY: key is invalid\n  Novita task: task-42\nCheck NOVITA_API_KEY.\n',
    );
  });

  it('does not repeat the provider message when the plain one already quotes it', () => {
    const text = failureText(job({ provider: 'fal', error: { kind: 'content_policy', message: "fal's content filter refused the prompt: nsfw.", providerCode: 'content_policy_violation', providerMessage: 'nsfw' } }));
    expect(text).toBe("fal's content filter refused the prompt: nsfw.\n  fal code: content_policy_violation\nChange the prompt or images, then run again.\n");
  });

  it('a job without an error (cancelled by the provider) shows its last history note', () => {
    const text = failureText(job({ state: 'cancelled', history: [{ state: 'cancelled', at: T0, note: 'Novita cancelled this task.' }] }));
    expect(text).toBe('Novita cancelled this task.\n');
  });
});
