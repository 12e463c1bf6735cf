import { describe, expect, it } from 'vitest';
import type { JobUpload } from '../../../../src/shared/jobs/job';
import { createUploadMeter, UPLOAD_PUBLISH_EVERY_MS } from '../../../../src/main/jobs/upload-meter';

/** A meter on a hand-moved clock, and what it published. */
function rig() {
  let t = 1_000;
  const published: JobUpload[] = [];
  const meter = createUploadMeter(async (u) => void published.push(u), () => t);
  return { meter, published, advance: (ms: number) => (t += ms) };
}

describe('createUploadMeter: a job’s upload count, at most 4 a second', () => {
  it('counts every expected file once, publishes at most every 250 ms, and the final count at once', async () => {
    const { meter, published, advance } = rig();
    meter.expect([{ sha256: 'a', bytes: 1_000 }, { sha256: 'b', bytes: 3_000 }, { sha256: 'a', bytes: 1_000 }]);
    expect(published).toEqual([{ sentBytes: 0, totalBytes: 4_000 }]);
    meter.sent('a', 500);
    advance(100);
    meter.sent('a', 900);
    expect(published).toHaveLength(1); // within 250 ms of the last one
    advance(UPLOAD_PUBLISH_EVERY_MS);
    meter.sent('b', 1_000);
    expect(published.at(-1)).toEqual({ sentBytes: 1_900, totalBytes: 4_000 });
    meter.done('a');
    meter.done('b'); // all sent: published though only 0 ms passed
    expect(published.at(-1)).toEqual({ sentBytes: 4_000, totalBytes: 4_000 });
    await meter.flush();
    expect(published).toHaveLength(3);
  });

  it('a file the cache held counts as sent at once; files it was not told of are ignored', async () => {
    const { meter, published } = rig();
    meter.expect([{ sha256: 'a', bytes: 2_048 }]);
    meter.sent('zzz', 10);
    meter.done('a');
    expect(published).toEqual([{ sentBytes: 0, totalBytes: 2_048 }, { sentBytes: 2_048, totalBytes: 2_048 }]);
  });

  it('flush publishes a count the rate held back; nothing when no upload was expected', async () => {
    const { meter, published } = rig();
    await meter.flush();
    expect(published).toEqual([]);
    expect(meter.current()).toBeNull();
    meter.expect([{ sha256: 'a', bytes: 100 }]);
    meter.sent('a', 40);
    await meter.flush();
    expect(published.at(-1)).toEqual({ sentBytes: 40, totalBytes: 100 });
  });
});
