import { describe, expect, it } from 'vitest';
import { createKeyedLock } from '../../../../src/main/storage/lock';

/** A promise with its resolve exposed, so a test decides when work ends (no sleeps). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('createKeyedLock', () => {
  it('runs calls with one key one at a time, in call order, even after a rejection', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    const first = gate();
    const a = lock.run('job-1', async () => {
      events.push('a start');
      await first.promise;
      events.push('a end');
      throw new Error('disk full');
    });
    const b = lock.run('job-1', async () => {
      events.push('b');
      return 2;
    });
    const c = lock.run('job-1', async () => {
      events.push('c');
      return 3;
    });
    // b and c are queued behind a: nothing of theirs has run while a holds the lock.
    await Promise.resolve();
    expect(events).toEqual(['a start']);
    first.open();
    await expect(a).rejects.toThrow('disk full');
    await expect(b).resolves.toBe(2);
    await expect(c).resolves.toBe(3);
    expect(events).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('lets different keys run at the same time', async () => {
    const lock = createKeyedLock();
    const held = gate();
    const slow = lock.run('job-1', () => held.promise.then(() => 'slow'));
    // job-2 finishes while job-1 still holds its lock: would hang if the keys shared one lock.
    await expect(lock.run('job-2', async () => 'fast')).resolves.toBe('fast');
    held.open();
    await expect(slow).resolves.toBe('slow');
  });
});
