import { z } from 'zod';
import { JobId } from '../jobs/job';
import { event, request } from './define';
import { LenientPhrase } from '../messages/phrase';

/** Where the app runs and what it runs on; shown in Settings → About. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host carries the core: the desktop app, the browser harness or the `seedance` CLI. */
  host: z.enum(['electron', 'harness', 'cli']),
  /** True when no provider key is configured and the app runs against the built-in simulator. */
  demo: z.boolean(),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Network reachability as main sees it; drives the status line and the engine's offline mode. */
export const AppStatus = z.object({ online: z.boolean() });
export type AppStatus = z.infer<typeof AppStatus>;

/**
 * The job engine process as main's engine host sees it: `starting`, `running`, `restarting` after a
 * crash, or `down` after crashing too often in a row — then only the user's Retry (`app:retryEngine`)
 * starts it again, and job commands fail with `UNAVAILABLE` meanwhile. `message` says why it is down.
 */
export const EngineStatus = z.object({
  state: z.enum(['starting', 'running', 'restarting', 'down']),
  message: z.string().max(500).optional(),
  /** `message` as a phrase for the UI's language (issue 14; lenient: a bad one is dropped and `message` shown). */
  phrase: LenientPhrase,
});
export type EngineStatus = z.infer<typeof EngineStatus>;

/**
 * Main asks the renderer to show a job: the user clicked its desktop notification (`open`) or the
 * notification's "Continue from last frame" button (`continue`). Main has focused the window already.
 */
export const FocusJob = z.object({ jobId: JobId, action: z.enum(['open', 'continue']) });
export type FocusJob = z.infer<typeof FocusJob>;

export const appDomain = {
  requests: {
    info: request(z.object({}).strict(), AppInfo),
    status: request(z.object({}).strict(), AppStatus),
    /** Opens an http(s) link in the system browser if it passes the external-link allowlist. */
    openExternal: request(z.object({ url: z.string().max(2048) }).strict(), z.object({ opened: z.boolean() })),
    /** Opens the logs folder (`<data folder>/logs`) in the system file manager; `opened` is false where the host cannot. */
    openLogsFolder: request(z.object({}).strict(), z.object({ opened: z.boolean() })),
    /** The job engine's status, for the status line. */
    engine: request(z.object({}).strict(), EngineStatus),
    /** The status line's Retry: starts a `down` engine again; answers the status after (unchanged unless it was down). */
    retryEngine: request(z.object({}).strict(), EngineStatus),
  },
  events: {
    status: event(AppStatus),
    /** Every change of the engine's status. */
    engine: event(EngineStatus),
    focusJob: event(FocusJob),
  },
} as const;
