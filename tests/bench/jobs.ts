import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStudio } from '../../src/main/composition/create-studio';
import { downloadToPart } from '../../src/main/jobs/download';
import { forkEngine, type LaunchEngine } from '../../src/main/jobs/engine-host';
import { watchProcess, type EngineProcessStats } from '../../src/main/jobs/process-stats';
import { EngineStatsReply, type EngineInit } from '../../src/main/jobs/protocol';
import type { JobParams, ProviderId } from '../../src/shared/catalog/types';
import { isTerminal } from '../../src/shared/jobs/job';
import { simulatorEnv, type SimStats } from '../../tools/provider-sim/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const THIS_FILE = fileURLToPath(import.meta.url);

const JOBS = 200;
/** Simulator time scale: each task sits 1 s × scale in the queue and runs 3 s × scale. */
const TIME_SCALE = 1.5;
/** Jobs still unsettled after this long are reported as such, ms. */
const SETTLE_TIMEOUT_MS = 150_000;
/**
 * Engine limits for the run: every job active at once (the defaults allow 2–10 per provider), and
 * 10 ms between requests instead of the documented pacing (EvoLink's 1 s alone would stretch the run
 * to minutes): the bench measures the engine's own cost, not the providers' rate limits.
 */
const LIMITS: EngineInit['limits'] = { novita: { maxActive: 60, minSpacingMs: 10 }, fal: { maxActive: 60, minSpacingMs: 10 }, evolink: { maxActive: 60, minSpacingMs: 10 }, ark: { maxActive: 60, minSpacingMs: 10 } };

/** One text-to-video row per provider at 480p 16:9: 2 s where the model allows it, else its shortest length. */
const PARAMS: Record<ProviderId, JobParams> = {
  fal: { modelId: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 2 },
  ark: { modelId: 'ark/seedance-1-0-pro-250528', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 2 },
  novita: { modelId: 'novita/seedance-v1.5-pro-t2v', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 4, generateAudio: false },
  evolink: { modelId: 'evolink/seedance-2.0-fast-text-to-video', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 4, generateAudio: false },
};
const PROVIDERS = Object.keys(PARAMS) as ProviderId[];
/** The same prompt everywhere: the simulator renders each output size once and serves it to every task. */
const PROMPT = 'a paper boat drifting on a quiet pond at dawn';

const DOWNLOAD_MB = 500;
const DOWNLOAD_RUNS = 3;

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(0);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** `mean / p50 / max` of `xs`. */
function spread(xs: number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return `mean ${mean.toFixed(2)}, p50 ${percentile(sorted, 50)}, max ${sorted[sorted.length - 1]}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Samples this process's RSS every 50 ms until the returned function is called; it answers the peak in bytes. */
function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/** Spawns `args` under tsx and resolves with the first stdout line matching `pattern` (its first group). */
async function spawnTsx(args: string[], pattern: RegExp): Promise<{ child: ChildProcess; match: string }> {
  const child = spawn(process.execPath, [TSX_CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const match = await new Promise<string>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = pattern.exec(line);
      if (m) resolvePromise(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (code ${code}) before it was ready`)));
  });
  return { child, match };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

/** The engine launcher with `extra` merged into the `init` message the host sends: how the bench raises the limits. */
function withInit(launch: LaunchEngine, extra: Partial<EngineInit>): LaunchEngine {
  return () => {
    const channel = launch();
    return {
      pid: channel.pid,
      send: (m) => channel.send(m.type === 'init' ? { ...m, options: { ...m.options, ...extra } } : m),
      onMessage: (l) => channel.onMessage(l),
      onExit: (l) => channel.onExit(l),
      kill: () => channel.kill(),
    };
  };
}

function eld(p: EngineProcessStats): string {
  return `p50 ${p.eventLoopDelayMs.p50.toFixed(1)} ms, p99 ${p.eventLoopDelayMs.p99.toFixed(1)} ms, max ${p.eventLoopDelayMs.max.toFixed(1)} ms`;
}

/**
 * 200 text-to-video jobs, 50 per provider, submitted at once through the real Studio (createStudio
 * as the harness builds it, `jobs:submit` through the router, events forwarded as JSON like the
 * harness's socket) with the engine forked as a child process, against the provider simulator in a
 * process of its own. Prints requests per job as the simulator saw them and as the engine counted
 * them, submits per job, wall time, event-loop delay of this process and of the engine, the
 * engine's CPU time, and the peak RSS of both.
 */
export async function benchConcurrentJobs(work: string): Promise<void> {
  const { child: simChild, match: simUrl } = await spawnTsx(
    ['tools/provider-sim/main.ts', '--port', '0', '--data', join(work, 'sim'), '--time-scale', String(TIME_SCALE)],
    /^SIM (http:\/\/\S+)$/,
  );
  const studio = await createStudio({
    host: 'harness',
    dataDir: join(work, 'studio'),
    env: simulatorEnv(simUrl),
    appVersion: '0.0.0-bench',
    versions: { node: process.versions.node },
    mediaUrl: (id) => `/media/${id}`,
    openExternal: async () => false,
    launchEngine: withInit(forkEngine({ entry: join(ROOT, 'src/main/jobs/engine-process.ts'), execArgv: ['--import', 'tsx'] }), { limits: LIMITS }),
  });
  try {
    let eventBytes = 0;
    let events = 0;
    const byChannel = new Map<string, { events: number; bytes: number }>();
    let jobCopies = 0;
    studio.events.subscribe((channel, payload) => {
      const bytes = JSON.stringify({ channel, payload }).length;
      events++;
      eventBytes += bytes;
      const c = byChannel.get(channel) ?? { events: 0, bytes: 0 };
      byChannel.set(channel, { events: c.events + 1, bytes: c.bytes + bytes });
      if (channel === 'jobs:changed') jobCopies += (payload as { jobs: unknown[] }).jobs.length;
    });
    // The studio is fresh: every job it reports is one of ours.
    const ended = new Set<string>();
    let allSettled: () => void = () => undefined;
    const settledPromise = new Promise<void>((r) => (allSettled = r));
    studio.jobs.subscribe((event) => {
      if (event.type !== 'changed') return;
      for (const job of event.jobs) if (isTerminal(job.state) || job.state === 'needs_attention') ended.add(job.id);
      if (ended.size === JOBS) allSettled();
    });
    const page = await startPage(studio.router);

    const engineBefore = EngineStatsReply.parse(await studio.jobs.stats()).process;
    if (!engineBefore) throw new Error('the engine process sent no process stats');
    const mainStats = watchProcess();
    const mainBefore = mainStats();
    const peakMainRss = sampleRss();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: JOBS }, async (_, i) => {
        const provider = PROVIDERS[i % PROVIDERS.length] as ProviderId;
        const result = await studio.router.dispatch('jobs:submit', { params: { ...PARAMS[provider], prompt: PROMPT } }, { host: 'harness' });
        if (!result.ok) throw new Error(`submit ${i} refused: ${result.error.message}`);
      }),
    );
    const submitMs = performance.now() - started;
    const mainBurst = mainStats();
    const mainSteadyStats = watchProcess();
    let settleTimer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      settledPromise.then(() => false),
      new Promise<boolean>((r) => (settleTimer = setTimeout(() => r(true), SETTLE_TIMEOUT_MS))),
    ]);
    // A pending timer would keep the bench alive for the rest of SETTLE_TIMEOUT_MS after it is done.
    clearTimeout(settleTimer);
    const wallMs = performance.now() - started;
    const { trips: roundTrips, idleTrips, floor } = await page.stop();
    const mainAfter = mainStats();
    const mainSteady = mainSteadyStats();
    const mainPeak = peakMainRss();
    const engineAfter = EngineStatsReply.parse(await studio.jobs.stats()).process;
    if (!engineAfter) throw new Error('the engine process sent no process stats');

    const final = await studio.jobs.list();
    const byState = new Map<string, number>();
    for (const j of final) byState.set(j.state, (byState.get(j.state) ?? 0) + 1);
    const sim = (await (await fetch(`${simUrl}/_sim/stats`)).json()) as SimStats;
    const tasks = final.map((j) => (j.remote ? sim.byTask[j.remote.taskId] : undefined));
    const statusPolls = tasks.map((t) => t?.status ?? 0);
    const submitsPerJob = tasks.map((t) => t?.submit ?? 0);
    const totalSubmits = Object.entries(sim.byRoute).reduce((n, [k, v]) => n + (k.endsWith(':submit') ? v : 0), 0);
    const exactlyOnce = submitsPerJob.every((n) => n === 1) && totalSubmits === JOBS;
    const cpuMs = (engineAfter.cpuUserUs + engineAfter.cpuSystemUs - engineBefore.cpuUserUs - engineBefore.cpuSystemUs) / 1000;
    const mainCpuMs = (mainAfter.cpuUserUs + mainAfter.cpuSystemUs - mainBefore.cpuUserUs - mainBefore.cpuSystemUs) / 1000;

    const perProvider = PROVIDERS.map((p) => {
      const polls = final.filter((j) => j.provider === p).map((j) => (j.remote ? (sim.byTask[j.remote.taskId]?.status ?? 0) : 0));
      return `${p} ${spread(polls)}`;
    }).join('; ');
    console.log(
      `jobs: ${JOBS} t2v 480p jobs over ${PROVIDERS.length} providers, simulator timeScale ${TIME_SCALE}, all active at once; ` +
        `ended ${[...byState].map(([s, n]) => `${n} ${s}`).join(', ')}${timedOut ? ` (TIMED OUT after ${SETTLE_TIMEOUT_MS / 1000} s)` : ''}`,
    );
    console.log(`jobs: 1-min load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores (other work on the machine skews every figure)`);
    console.log(`jobs: wall ${(wallMs / 1000).toFixed(1)} s (all ${JOBS} submits accepted by main in ${submitMs.toFixed(0)} ms)`);
    console.log(`jobs: status requests per job (simulator) ${spread(statusPolls)}; by provider: ${perProvider}`);
    console.log(
      `jobs: requests per job (engine's own count: submit + polls + result + download) ${spread(final.map((j) => j.requests))}; ` +
        `engine total ${EngineStatsReply.parse(await studio.jobs.stats()).requests.total}, simulator total ${sim.total}`,
    );
    console.log(`jobs: submits per job ${exactlyOnce ? 'exactly 1 for every job' : `NOT exactly 1: ${spread(submitsPerJob)}`} (simulator total ${totalSubmits})`);
    console.log(
      `jobs: event-loop delay, main ${eld(mainAfter)} (while accepting the submits ${eld(mainBurst)}; after them ${eld(mainSteady)}); ` +
        `engine ${eld(engineAfter)} (since the process started; before the first submit ${eld(engineBefore)}); ` +
        `machine floor (the stand-in page, a process doing nothing but a message every ${PAGE_EVERY_MS} ms) p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms, max ${floor.max.toFixed(1)} ms ` +
        `(main/floor: p99 ${(mainAfter.eventLoopDelayMs.p99 / floor.p99).toFixed(2)}×, max ${(mainAfter.eventLoopDelayMs.max / floor.max).toFixed(2)}×)`,
    );
    const trips = [...roundTrips].sort((a, b) => a - b);
    const idle = [...idleTrips].sort((a, b) => a - b);
    console.log(
      `jobs: window → main round trip of a trivial request (app:engine) every ${PAGE_EVERY_MS} ms from another process during the run: ` +
        `${trips.length} requests, p50 ${percentile(trips, 50).toFixed(1)} ms, p99 ${percentile(trips, 99).toFixed(1)} ms, max ${(trips[trips.length - 1] ?? NaN).toFixed(1)} ms; ` +
        `side by side, the same message to an idle process (the machine's floor) p50 ${percentile(idle, 50).toFixed(1)} ms, p99 ${percentile(idle, 99).toFixed(1)} ms, max ${(idle[idle.length - 1] ?? NaN).toFixed(1)} ms ` +
        `(main/floor: p99 ${(percentile(trips, 99) / percentile(idle, 99)).toFixed(2)}×, max ${((trips[trips.length - 1] ?? NaN) / (idle[idle.length - 1] ?? NaN)).toFixed(2)}×)`,
    );
    console.log(
      `jobs: CPU during the run, engine ${cpuMs.toFixed(0)} ms (${((100 * cpuMs) / wallMs).toFixed(1)} % of one core), ` +
        `main ${mainCpuMs.toFixed(0)} ms (${((100 * mainCpuMs) / wallMs).toFixed(1)} %; includes posters and library filing)`,
    );
    console.log(
      `jobs: peak RSS, main ${mb(mainPeak)} MB (sampled every 50 ms), engine ${mb(engineAfter.maxRssBytes)} MB; ` +
        `${events} renderer events, ${(eventBytes / 1024).toFixed(0)} KiB as JSON ` +
        `(${[...byChannel].map(([c, n]) => `${c} ${n.events} / ${(n.bytes / 1024).toFixed(0)} KiB`).join(', ')}; ${jobCopies} job copies in jobs:changed)`,
    );
  } finally {
    await studio.dispose();
    await stopChild(simChild);
  }
}

/** How often the stand-in page asks main something trivial, ms. */
const PAGE_EVERY_MS = 20;

/**
 * A stand-in for the window: a child process (so its timer does not wait on this process's event
 * loop, as a renderer's would not) that sends a message every `PAGE_EVERY_MS`; this process answers
 * each through the router (`app:engine`, a trivial request) as the Electron IPC bridge would. `stop`
 * resolves with every round trip the page measured, ms.
 */
async function startPage(router: { dispatch(channel: string, input: unknown, ctx: { host: 'harness' }): Promise<unknown> }): Promise<{ stop(): Promise<PageAnswer> }> {
  const child = fork(THIS_FILE, ['--page'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
  let done: (answer: PageAnswer) => void = () => undefined;
  const finished = new Promise<PageAnswer>((r) => (done = r));
  let ready: () => void = () => undefined;
  const started = new Promise<void>((r) => (ready = r));
  child.on('message', (raw) => {
    const m = raw as { type: 'ready' } | { type: 'ask'; n: number } | ({ type: 'trips' } & PageAnswer);
    if (m.type === 'ready') ready();
    else if (m.type === 'trips') done({ trips: m.trips, idleTrips: m.idleTrips, floor: m.floor });
    else void router.dispatch('app:engine', {}, { host: 'harness' }).then((answer) => child.send({ type: 'answer', n: m.n, answer }));
  });
  await started;
  child.send({ type: 'start' });
  return {
    async stop() {
      child.send({ type: 'stop' });
      const answer = await finished;
      child.disconnect();
      return answer;
    },
  };
}

/** What the stand-in page measured: its round trips to main, the same to an idle process, and its own event-loop delay. */
interface PageAnswer {
  trips: number[];
  /** Round trips of the same message to a process that does nothing else (the machine's floor for any IPC round trip), ms. */
  idleTrips: number[];
  floor: EngineProcessStats['eventLoopDelayMs'];
}

/**
 * The stand-in page's side (runs in the child `startPage` forks). Beside each request to main it
 * sends the same message to an idle echo process of its own, so the machine's floor for a round
 * trip between two processes is measured side by side with main's, at the same moments.
 */
function runPage(): void {
  const sentAt = new Map<number, number>();
  const idleSentAt = new Map<number, number>();
  const trips: number[] = [];
  const idleTrips: number[] = [];
  let n = 0;
  let timer: NodeJS.Timeout | undefined;
  // Plain Node with a one-line script: it must be answering before the first request, with nothing to load.
  const echo = spawn(process.execPath, ['-e', ECHO_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
  let echoReady: () => void = () => undefined;
  const echoStarted = new Promise<void>((r) => (echoReady = r));
  echo.on('message', (raw) => {
    if (raw === 'ready') return echoReady();
    const m = raw as { n: number };
    const at = idleSentAt.get(m.n);
    idleSentAt.delete(m.n);
    if (at !== undefined) idleTrips.push(performance.now() - at);
  });
  // This process does almost nothing: its own event-loop delay is what the machine's load alone costs any process.
  let stats: (() => EngineProcessStats) | undefined;
  process.on('message', (raw) => {
    const m = raw as { type: 'start' } | { type: 'stop' } | { type: 'answer'; n: number };
    if (m.type === 'start') {
      stats = watchProcess();
      timer = setInterval(() => {
        const now = performance.now();
        sentAt.set(++n, now);
        process.send?.({ type: 'ask', n });
        idleSentAt.set(n, now);
        echo.send({ type: 'ask', n });
      }, PAGE_EVERY_MS);
    } else if (m.type === 'answer') {
      const at = sentAt.get(m.n);
      sentAt.delete(m.n);
      if (at !== undefined) trips.push(performance.now() - at);
    } else {
      clearInterval(timer);
      // Requests still unanswered count at their age so far (a stalled main must not look fast).
      for (const at of sentAt.values()) trips.push(performance.now() - at);
      for (const at of idleSentAt.values()) idleTrips.push(performance.now() - at);
      echo.disconnect();
      process.send?.({ type: 'trips', trips, idleTrips, floor: stats?.().eventLoopDelayMs } satisfies Partial<PageAnswer> & { type: 'trips' });
    }
  });
  process.on('disconnect', () => process.exit(0));
  void echoStarted.then(() => process.send?.({ type: 'ready' }));
}

/** The idle echo process the stand-in page measures its floor against: answers every message at once. */
const ECHO_SCRIPT = "process.on('message', (m) => process.send(m)); process.on('disconnect', () => process.exit(0)); process.send('ready');";

/** A ~`megabytes` MB H.264 MP4: a 2 s lossless 720p testsrc2 segment, stream-copied in a loop. */
async function makeBigMp4(dir: string, megabytes: number): Promise<string> {
  const run = (args: string[]) =>
    new Promise<void>((resolvePromise, reject) => {
      const p = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
      p.once('error', reject);
      p.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`ffmpeg exited with ${code}`))));
    });
  await run(['-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=24', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', 'segment.mp4']);
  const segment = (await stat(join(dir, 'segment.mp4'))).size;
  const loops = Math.ceil((megabytes * MB) / segment) - 1;
  await run(['-stream_loop', String(loops), '-i', 'segment.mp4', '-c', 'copy', 'big.mp4']);
  await rm(join(dir, 'segment.mp4'));
  return join(dir, 'big.mp4');
}

/** Serves one file at `/file` on 127.0.0.1 with `Range: bytes=a-[b]` support; prints `SERVING <url>`. Runs in a child process. */
async function serveFile(path: string): Promise<void> {
  const size = (await stat(path)).size;
  const server = createServer((req, res) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (range && start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    res.writeHead(range ? 206 : 200, {
      'content-type': 'video/mp4',
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    pipeline(createReadStream(path, { start, end, highWaterMark: 1024 * 1024 }), res).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1', () => {
    const port = (server.address() as { port: number }).port;
    process.stdout.write(`SERVING http://127.0.0.1:${port}/file\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

/** Wall time of `work`, ms. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

async function fsyncFile(path: string): Promise<void> {
  const f = await open(path, 'r+');
  await f.sync();
  await f.close();
}

/**
 * A ~500 MB MP4 served by a plain node:http server (with Range) in a child process, downloaded
 * three ways into the same temp folder, 3 runs each (median): `downloadToPart` (the engine's
 * downloader: streams, sha256s and fsyncs), a bare Node `fetch` → `pipeline` into a file (the
 * floor of Node streaming), and `curl -o` (plus the same fsync, so the comparison is fair).
 * Prints MB/s and this process's RSS (sampled every 50 ms) before and at the peak of each download.
 */
async function benchBigDownload(work: string): Promise<void> {
  const dir = join(work, 'download');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const madeIn = await timed(() => makeBigMp4(dir, DOWNLOAD_MB));
  const source = join(dir, 'big.mp4');
  const size = (await stat(source)).size;
  const { child, match: url } = await spawnTsx([THIS_FILE, '--serve-file', source], /^SERVING (http:\/\/\S+)$/);
  const hasCurl = await new Promise<boolean>((r) => spawn('curl', ['--version'], { stdio: 'ignore' }).once('error', () => r(false)).once('exit', (c) => r(c === 0)));
  try {
    const out = join(dir, 'out.mp4');
    const results: Record<string, { ms: number[]; peak: number[]; base: number[] }> = {};
    const record = async (name: string, work: () => Promise<unknown>) => {
      await rm(out, { force: true });
      const base = process.memoryUsage.rss();
      const peak = sampleRss();
      const ms = await timed(work);
      const r = (results[name] ??= { ms: [], peak: [], base: [] });
      r.ms.push(ms);
      r.peak.push(peak());
      r.base.push(base);
      if ((await stat(out)).size !== size) throw new Error(`${name} wrote ${(await stat(out)).size} of ${size} bytes`);
    };
    for (let i = 0; i < DOWNLOAD_RUNS; i++) {
      await record('downloadToPart', () => downloadToPart({ url, partPath: out }));
      await record('node pipeline', async () => {
        const res = await fetch(url);
        await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(out));
        await fsyncFile(out);
      });
      if (hasCurl) {
        await record('curl -o', async () => {
          await new Promise<void>((r, reject) =>
            spawn('curl', ['-sS', '-o', out, url], { stdio: 'inherit' }).once('exit', (c) => (c === 0 ? r() : reject(new Error(`curl exited with ${c}`)))),
          );
          await fsyncFile(out);
        });
      }
    }
    await rm(out, { force: true });
    console.log(`download: ${mb(size)} MB MP4 made in ${(madeIn / 1000).toFixed(1)} s; served by node:http from a child process; median of ${DOWNLOAD_RUNS} runs, each ending with fsync`);
    for (const [name, r] of Object.entries(results)) {
      const ms = median(r.ms);
      const rss = name === 'curl -o' ? '(curl runs in its own process)' : `RSS ${mb(median(r.base))} MB before, peak ${mb(Math.max(...r.peak))} MB`;
      console.log(`download ${name}: ${(size / MB / (ms / 1000)).toFixed(0)} MB/s (${(ms / 1000).toFixed(2)} s); ${rss}`);
    }
    if (!hasCurl) console.log('download: curl is not installed; the Node pipeline is the floor to compare with');
  } finally {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs both job-engine benchmarks: 200 concurrent jobs, then a 500 MB download. */
export async function benchJobs(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-jobs-'));
  try {
    await benchConcurrentJobs(work);
    await benchBigDownload(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--serve-file <path>`: the download bench's file server, in a process of its own so it does not share the downloader's event loop.
  if (process.argv[2] === '--serve-file') await serveFile(process.argv[3] as string);
  else if (process.argv[2] === '--page') runPage();
  else await benchJobs();
}
