import { Worker } from 'node:worker_threads';
import { CACHE_HEADER } from './index-cache';
import { POSTER_FILE, SIDECAR_FILE, VIDEO_FILE } from './layout';
import { gatherClipFactsSync, SIDECAR_MAX_BYTES, type ClipFacts } from './read-clip';

/**
 * What the scan worker found for one folder: a cache hit (the cache line's JSON, to be parsed on
 * this side, with the fingerprint and poster presence seen just now), or the folder's `ClipFacts`
 * to be interpreted here (no cache entry, or it no longer matches the disk).
 */
export type FolderReport = { folder: string; cached: string; fingerprint: string; hasPoster: boolean } | { folder: string; facts: ClipFacts };

/** How the cache served the scan: `used` (its header matched), `absent` (no file), `ignored` (another format or a damaged line). */
export type CacheUse = 'used' | 'absent' | 'ignored';

interface ScanJob {
  folders: string[];
  cachePath: string;
  header: string;
  names: { sidecar: string; video: string; poster: string; maxBytes: number };
  /** Reports per message: small enough that handling one never holds the main thread long. */
  chunk: number;
}

type WorkerMessage = { reports: FolderReport[] } | { done: CacheUse };

/** Folders per message from the worker; handling 200 reports takes ~2–8 ms on a busy core. */
const REPORT_CHUNK = 200;

/**
 * The worker's whole job (its source is sent to the worker as text, so it uses only its
 * arguments): loads the cache, then for each folder either confirms the cached entry with three
 * `stat`s (sidecar mtime and size, video size, poster presence) or gathers the folder's facts, and
 * posts the reports in chunks, in folder order, then `{ done }`.
 */
function scanFolders(
  job: ScanJob,
  fs: Pick<typeof import('node:fs'), 'statSync' | 'readFileSync'>,
  join: (...parts: string[]) => string,
  root: string,
  gather: typeof gatherClipFactsSync,
  post: (message: WorkerMessage) => void,
): void {
  const cached = new Map<string, { fingerprint: string; bytes: number; json: string }>();
  let use: CacheUse = 'absent';
  let text: string | null = null;
  try {
    text = fs.readFileSync(job.cachePath, 'utf8');
  } catch {
    text = null;
  }
  if (text !== null) {
    const lines = text.split('\n');
    use = lines[0] === job.header ? 'used' : 'ignored';
    for (let i = 1; use === 'used' && i < lines.length; i++) {
      const line = lines[i] as string;
      if (line === '') continue;
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      const c = line.indexOf('\t', b + 1);
      const bytes = Number(line.slice(b + 1, c));
      if (a <= 0 || b < 0 || c < 0 || !Number.isSafeInteger(bytes)) {
        cached.clear();
        use = 'ignored';
      } else cached.set(line.slice(0, a), { fingerprint: line.slice(a + 1, b), bytes, json: line.slice(c + 1) });
    }
  }
  const isFile = (path: string, size?: number) => {
    const info = fs.statSync(path, { throwIfNoEntry: false });
    return Boolean(info?.isFile()) && (size === undefined || info?.size === size);
  };
  let reports: FolderReport[] = [];
  for (const folder of job.folders) {
    const dir = join(root, folder);
    const entry = cached.get(folder);
    let report: FolderReport | null = null;
    if (entry) {
      try {
        const sidecar = fs.statSync(join(dir, job.names.sidecar), { throwIfNoEntry: false });
        if (sidecar?.isFile() && `${sidecar.mtimeMs}:${sidecar.size}` === entry.fingerprint && isFile(join(dir, job.names.video), entry.bytes)) {
          report = { folder, cached: entry.json, fingerprint: entry.fingerprint, hasPoster: isFile(join(dir, job.names.poster)) };
        }
      } catch {
        report = null; // An unreadable folder: gathering its facts records why.
      }
    }
    reports.push(report ?? { folder, facts: gather(fs, dir, job.names) });
    if (reports.length >= job.chunk) {
      post({ reports });
      reports = [];
    }
  }
  if (reports.length > 0) post({ reports });
  post({ done: use });
}

/** CommonJS source of the scan worker. `__name` is esbuild's keepNames helper, which the pasted functions may call. */
function workerSource(): string {
  return `
const __name = (fn) => fn;
const { parentPort, workerData } = require('node:worker_threads');
const gather = ${gatherClipFactsSync.toString()};
const scanFolders = ${scanFolders.toString()};
scanFolders(workerData.job, require('node:fs'), require('node:path').join, workerData.root, gather, (m) => parentPort.postMessage(m));
`;
}

/**
 * Scans `folders` of the library at `root` in a worker thread, using the cache at `cachePath`, and
 * hands each chunk of reports to `onReports` as it arrives (in folder order), so reading 10,000
 * sidecars never blocks this thread: the worker does the synchronous file system calls, and each
 * chunk costs this side a few ms. Resolves with how the cache served once every folder was reported.
 * Rejects when the worker cannot start or dies (the caller then scans here).
 */
export function scanInWorker(root: string, folders: string[], cachePath: string, onReports: (reports: FolderReport[]) => void): Promise<CacheUse> {
  const job: ScanJob = {
    folders,
    cachePath,
    header: CACHE_HEADER,
    names: { sidecar: SIDECAR_FILE, video: VIDEO_FILE, poster: POSTER_FILE, maxBytes: SIDECAR_MAX_BYTES },
    chunk: REPORT_CHUNK,
  };
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(workerSource(), { eval: true, workerData: { job, root } });
    // Node hands every message already queued to the listener in one go, without returning to the
    // event loop; when the worker is ahead, that would be the whole scan in one long task. So
    // messages are queued here and handled one per turn of the event loop.
    const queue: WorkerMessage[] = [];
    let pumping = false;
    let settled = false;
    let sawDone = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    const pump = () => {
      const message = queue.shift();
      if (!message || settled) {
        pumping = false;
        return;
      }
      if ('done' in message) {
        settled = true;
        resolvePromise(message.done);
        return;
      }
      try {
        onReports(message.reports);
      } catch (err) {
        fail(err);
        return;
      }
      setImmediate(pump);
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) sawDone = true;
      queue.push(message);
      if (!pumping) {
        pumping = true;
        setImmediate(pump);
      }
    });
    worker.once('error', fail);
    // A normal exit follows `done` (which may still wait in the queue); anything else is a failure.
    worker.once('exit', (code) => {
      if (code !== 0 || !sawDone) fail(new Error(`the library scan worker exited early (code ${code})`));
    });
  });
}
