import { mkdtemp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { Library } from '../../main/library/library';
import type { MediaRegistry } from '../../main/media/registry';
import { probeVideo, resolveMediaTools } from '../../main/media-tools/ffmpeg';
import { createPreviewMaker, playability } from '../../main/media-tools/playable';
import type { NetworkMonitor } from '../../main/network/monitor';
import type { DesktopNotification } from '../../main/notify/notification-text';
import type { NotifyHost } from '../../main/notify/notifier';
import { StudioError } from '../../shared/contract/result';

/** What the test hooks read and change; only built when the harness runs with `--test-hooks`. */
export interface TestHookDeps {
  media: MediaRegistry;
  mediaUrl(id: string): string;
  /** URLs the renderer asked `app:openExternal` to open, oldest first. */
  openedLinks(): readonly string[];
  /** The library, for seeding clips through the real `addClip` (absent: the route answers 404). */
  library?: Pick<Library, 'addClip'>;
  /** The network monitor, so a test can take the app offline and back (absent: the route answers 404). */
  network?: Pick<NetworkMonitor, 'override' | 'online'>;
  /** The harness's stand-in for the desktop (absent: the routes answer 404). */
  desktop?: NotificationRecorder;
  /** The scripted folder picker (absent: the route answers 404). */
  folderPicker?: ScriptedFolderPicker;
}

/**
 * The harness's stand-in for the system folder picker, only with `--test-hooks` (a browser has no
 * native dialog; without the hooks the harness has no picker and the typed path is the way in).
 * `choose` answers what the test last set with `answer`: a path, or null for "cancelled".
 */
export interface ScriptedFolderPicker {
  choose(request: { title: string; defaultPath: string }): Promise<string | null>;
  answer(path: string | null): void;
}

/** A `ScriptedFolderPicker` that answers "cancelled" until told otherwise. */
export function createScriptedFolderPicker(): ScriptedFolderPicker {
  let next: string | null = null;
  return {
    choose: async () => next,
    answer: (path) => {
      next = path;
    },
  };
}

/** What the harness's desktop stand-in has seen, oldest first. */
export interface DesktopRecord {
  /** What `isWindowFocused` answers now. */
  focused: boolean;
  notifications: DesktopNotification[];
  /** The last taskbar progress set (fraction 0–1, null = none); null before any. */
  progress: number | null;
  /** Every value set, oldest first (the last `PROGRESS_HISTORY` kept). */
  progressHistory: Array<number | null>;
}

/** The harness's `NotifyHost` plus what a test needs to steer and read it. */
export interface NotificationRecorder extends NotifyHost {
  /** What `isWindowFocused` answers from now on. */
  setFocused(focused: boolean): void;
  /** A copy of everything recorded so far. */
  record(): DesktopRecord;
}

/** Progress values kept for `progressHistory`: enough for a test to see a run rise and end, bounded however long the harness runs. */
const PROGRESS_HISTORY = 200;

/**
 * A desktop for the browser harness: notifications and taskbar progress are kept in memory for
 * `GET /__test/notifications`. The page in a test browser counts as the focused window — so, as
 * in the app, its own toasts cover job ends — until a test sets `POST /__test/window-focus`.
 */
export function createNotificationRecorder(): NotificationRecorder {
  let focused = true;
  const notifications: DesktopNotification[] = [];
  const history: Array<number | null> = [];
  return {
    isWindowFocused: () => focused,
    show: (n) => {
      notifications.push(structuredClone(n));
    },
    setProgress: (fraction) => {
      history.push(fraction);
      if (history.length > PROGRESS_HISTORY) history.shift();
    },
    setFocused: (value) => {
      focused = value;
    },
    record: () => ({ focused, notifications: structuredClone(notifications), progress: history.at(-1) ?? null, progressHistory: [...history] }),
  };
}

const RegisterMedia = z.object({ path: z.string().refine(isAbsolute, 'must be an absolute path'), mime: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/) }).strict();
const MAX_BODY_BYTES = 64 * 1024;
/** The body is checked by `addClip` itself (`NewClip`); here only that it is a JSON object. */
const AddClip = z.record(z.string(), z.unknown());
/** `true`/`false` forces the state; `null` hands it back to the real probe. */
const SetNetwork = z.object({ online: z.boolean().nullable() }).strict();
const SetFocus = z.object({ focused: z.boolean() }).strict();

/**
 * `/__test/*` endpoints for the e2e suite, until the library registers real clips:
 * - `POST /__test/media` `{ path, mime }` → `{ id, url }`: registers a file for `/media/<id>`;
 * - `GET /__test/opened-links` → `{ urls }`: what `app:openExternal` was asked to open;
 * - `POST /__test/library/add` `NewClip` (paths on this machine) → `{ id }`: files a clip through
 *   `library.addClip`, exactly as the job engine does — an H.264 preview is made first when the
 *   players may not play the video (400 with the library's message when refused);
 * - `POST /__test/network` `{ online: boolean | null }` → `{ online }`: overrides the reachability
 *   probe (`false` takes the app offline at once — the engine holds jobs, the status line says so;
 *   `null` returns to probing).
 * - `GET /__test/notifications` → `DesktopRecord`: the desktop notifications shown and the taskbar
 *   progress set (see `createNotificationRecorder`);
 * - `POST /__test/window-focus` `{ focused }` → `{ focused }`: whether the harness's "window"
 *   counts as focused (it does until set; desktop notifications only appear when it does not).
 * - `POST /__test/folder-choice` `{ path: string | null }` → `{ path }`: what the scripted folder
 *   picker answers from now on (null: the user cancelled).
 * The server calls this only with `--test-hooks` and a valid token. Answers 404 for other paths,
 * 400 for a bad body or a file that does not exist.
 */
export async function handleTestHook(deps: TestHookDeps, path: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  if (path === '/__test/opened-links' && req.method === 'GET') return json(200, { urls: deps.openedLinks() });
  if (path === '/__test/media' && req.method === 'POST') {
    let parsed: z.infer<typeof RegisterMedia>;
    try {
      parsed = RegisterMedia.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Bad request' });
    }
    try {
      const id = await deps.media.register(parsed.path, parsed.mime);
      return json(200, { id, url: deps.mediaUrl(id) });
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Cannot register' });
    }
  }
  if (path === '/__test/library/add' && req.method === 'POST' && deps.library) {
    let body: z.infer<typeof AddClip>;
    try {
      body = AddClip.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Bad request' });
    }
    try {
      // `addClip` validates the body as `NewClip` and answers BAD_INPUT with the reason.
      const clip = await deps.library.addClip({ ...(body as Parameters<Library['addClip']>[0]), ...(await previewFor(body.videoPath)) });
      return json(200, { id: clip.id });
    } catch (err) {
      if (err instanceof StudioError) return json(400, { error: err.message });
      throw err;
    }
  }
  if (path === '/__test/network' && req.method === 'POST' && deps.network) {
    let body: z.infer<typeof SetNetwork>;
    try {
      body = SetNetwork.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Bad request' });
    }
    deps.network.override(body.online);
    return json(200, { online: deps.network.online() });
  }
  if (path === '/__test/notifications' && req.method === 'GET' && deps.desktop) return json(200, deps.desktop.record());
  if (path === '/__test/window-focus' && req.method === 'POST' && deps.desktop) {
    let body: z.infer<typeof SetFocus>;
    try {
      body = SetFocus.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Bad request' });
    }
    deps.desktop.setFocused(body.focused);
    return json(200, { focused: deps.desktop.isWindowFocused() });
  }
  if (path === '/__test/folder-choice' && req.method === 'POST' && deps.folderPicker) {
    let body: z.infer<typeof FolderChoice>;
    try {
      body = FolderChoice.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Bad request' });
    }
    deps.folderPicker.answer(body.path);
    return json(200, { path: body.path });
  }
  return json(404, { error: 'Not found' });
}

const FolderChoice = z.object({ path: z.string().min(1).max(4096).nullable() }).strict();

const tools = resolveMediaTools();
const previews = createPreviewMaker(tools);

/** The engine's delivery step for a seeded video: `{ preview }` when the players may not play it, else nothing. */
async function previewFor(videoPath: unknown): Promise<{ preview?: { path: string; width: number; height: number; reason: string } }> {
  if (typeof videoPath !== 'string' || !isAbsolute(videoPath)) return {};
  const probe = await probeVideo(tools.ffprobe, videoPath).catch(() => null);
  // No probe: `addClip` says why the file is not a video.
  if (!probe || playability(probe).playable) return {};
  const made = await previews.ensurePlayable(videoPath, probe, join(await mkdtemp(join(tmpdir(), 'seedance-preview-')), 'preview.mp4'));
  return made ? { preview: { path: made.path, width: made.width, height: made.height, reason: made.reason } } : {};
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('Body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
