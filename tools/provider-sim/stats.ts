import type { RequestRecord, SimProvider, SimStats } from './types';

const LOG_LIMIT = 5000;

/** Counts requests by provider, route and task, for tests (e.g. "exactly one submit per job"). */
export class StatsRecorder {
  private s: SimStats = StatsRecorder.empty();

  private static empty(): SimStats {
    return { total: 0, byProvider: {}, byRoute: {}, byTask: {}, ignoredFields: [], log: [] };
  }

  record(r: RequestRecord): void {
    const s = this.s;
    s.total++;
    s.byProvider[r.provider] = (s.byProvider[r.provider] ?? 0) + 1;
    const rk = `${r.provider}:${r.route}`;
    s.byRoute[rk] = (s.byRoute[rk] ?? 0) + 1;
    if (r.taskId) {
      const t = (s.byTask[r.taskId] ??= {});
      t[r.route] = (t[r.route] ?? 0) + 1;
    }
    s.log.push(r);
    if (s.log.length > LOG_LIMIT) s.log.shift();
  }

  /** Notes body fields a provider ignored (real services ignore unknown fields silently). */
  ignored(provider: SimProvider, model: string, fields: string[]): void {
    for (const field of fields) this.s.ignoredFields.push({ provider, model, field });
  }

  /** A deep copy, so callers can keep snapshots and diff them. */
  snapshot(): SimStats {
    return structuredClone(this.s);
  }

  reset(): void {
    this.s = StatsRecorder.empty();
  }
}
