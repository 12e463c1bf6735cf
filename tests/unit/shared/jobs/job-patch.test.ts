import { describe, expect, it } from 'vitest';
import { JobPatch } from '../../../../src/shared/contract/jobs';
import { toJobView } from '../../../../src/shared/jobs/job';
import { applyJobPatch, diffJob } from '../../../../src/shared/jobs/job-patch';
import { jobThrough } from '../../main/notify/job-fixture';

describe('job patches (jobs:changed)', () => {
  it('carry only the fields that changed, and rebuild the later copy exactly', () => {
    const running = toJobView(jobThrough('job-patch-01', ['draft', 'queued', 'submitting', 'submitted', 'running'], { progress: 40, notice: 'Provider busy, retrying in 12 s.', requests: 3 }));
    const later = toJobView({ ...jobThrough('job-patch-01', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading'], { requests: 5, result: { bytes: 10 } }), progress: 0 });
    const patch = diffJob(running, later);
    expect(JobPatch.parse(patch)).toEqual(patch);
    expect(Object.keys(patch).sort()).toEqual(['history', 'id', 'progress', 'requests', 'result', 'state', 'times', 'unset', 'updatedAt']);
    expect(patch.unset).toEqual(['notice']);
    expect(patch.params).toBeUndefined();
    expect(applyJobPatch(running, patch)).toEqual(later);
    expect(diffJob(later, later)).toEqual({ id: later.id });
  });
});
