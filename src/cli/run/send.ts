import { StudioError } from '../../shared/contract/result';
import { isTerminal, type Job } from '../../shared/jobs/job';
import type { Studio } from '../../main/composition/create-studio';
import { RejectedError, type CliIo } from '../io';
import { followJob, type FollowedJob } from './follow';
import { cancelForCli } from './interrupt';
import { describeProgress } from './progress';

/** A job the CLI is about to send: its id, and what its progress lines start with ('' for a lone job, "take 2/3 (seed 22): " in a batch). */
export interface Watched {
  id: string;
  label: string;
}

/**
 * Sends jobs with `send` and follows each (`watched`, subscribed before sending so no event is
 * missed), writing a progress line on stderr whenever one changes (`[12 s] take 2/3: generating
 * 40%`, `provider` is the display name). Resolves with every job once each has ended (terminal or
 * needing attention), in `watched` order — or `'interrupted'` after `io.signal` aborted, each job
 * not yet ended cancelled where it can be (`cancelForCli`, its sentence on stderr). `send`'s
 * `BAD_INPUT` refusal becomes a `RejectedError` (exit 1). When `io.signal` aborted before sending,
 * nothing is sent and it says so.
 */
export async function sendAndFollow(studio: Studio, provider: string, watched: readonly Watched[], send: () => Promise<unknown>, io: CliIo): Promise<Job[] | 'interrupted'> {
  const say = (line: string) => io.stderr(`${line}\n`);
  if (io.signal.aborted) {
    say('Stopped before anything was sent; nothing was billed.');
    return 'interrupted';
  }
  const started = Date.now();
  const followed: FollowedJob[] = watched.map(({ id, label }) => {
    let last = '';
    return followJob(studio.jobs, id, (j) => {
      const line = `${label}${describeProgress(j, provider)}`;
      if (line !== last) say(`[${Math.round((Date.now() - started) / 1000)} s] ${line}`);
      last = line;
    });
  });
  const interrupted = new Promise<'interrupted'>((resolveStop) => io.signal.addEventListener('abort', () => resolveStop('interrupted'), { once: true }));
  // The engine's timers are unref'd (so a host can always exit); while we wait for the jobs, this keeps the process alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    try {
      await send();
    } catch (err) {
      if (err instanceof StudioError && err.code === 'BAD_INPUT') throw new RejectedError(err.message);
      throw err;
    }
    const end = await Promise.race([Promise.all(followed.map((f) => f.ended)), interrupted]);
    if (end !== 'interrupted') return end;
    for (const [i, f] of followed.entries()) {
      const job = f.latest();
      if (job && isTerminal(job.state)) continue; // Done or ended already: nothing to stop.
      say(`${watched[i]!.label}${await cancelForCli(studio.jobs, f, watched[i]!.id)}`);
    }
    return 'interrupted';
  } finally {
    clearInterval(keepAlive);
    for (const f of followed) f.stop();
  }
}
