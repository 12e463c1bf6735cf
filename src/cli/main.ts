import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { modelsCommand } from './commands/models';
import { finalizeCommand } from './commands/finalize';
import { runCommand } from './commands/run';
import { REFERENCE_OPTIONS, referenceFlags, runCheck } from './commands/check';
import { runFix } from './commands/fix';
import { ImageError } from '../main/images/errors';
import { EXIT, RejectedError, UsageError, type CliIo } from './io';

const USAGE = `Usage:
  seedance models [--json]
  seedance check <image> --model <id> [--resolution <r>] [--aspect-ratio <a>] [--json]
  seedance check --model <id> [--reference-image <file>]... [--reference-video <file>|<https url>]...
               [--reference-audio <file>]... [<first frame>] [--json]
  seedance fix <image> --model <id> --out <file> [--resolution <r>] [--aspect-ratio <a>]
               [--crop centre|attention|left,top,width,height] [--json]
  seedance run --model <id> --prompt <text> --out <dir>
               [--image <file>] [--last-image <file>] [--fix] [--resolution <r>] [--aspect-ratio <a>]
               [--duration <s>] [--seed <n>] [--camera-fixed] [--no-audio] [--data <dir>] [--json]
               [--reference-image <file>]... [--reference-video <file>|<https url>]... [--reference-audio <file>]...
               [--draft] [--task reference|edit|extend] [--count <2-8>] [--seeds <n,n,…>] [--max-cost <usd>]
  seedance finalize <clip id | clip folder | clip.json> --out <dir> [--data <dir>] [--json]

run checks images like \`check\` and refuses them with the report; --fix sends fixed copies instead.
--reference-image, --reference-video and --reference-audio (each repeatable, in prompt-tag order:
the first image is @image1) give a reference-to-video model its references; run and check report
on each one. A reference video may be a public https:// URL (ModelArk takes reference videos only
by URL). With --fix, videos and audio that break a rule ffmpeg can mend are re-encoded or trimmed.
--task (Seedance 2.5) says what a reference job does: reference (a new clip, the default), edit
(change what is in the first --reference-video, same length: 4–30 s source) or extend (continue it:
2–30 s source). Edit and extend keep the source's aspect ratio, edit its length (duration Auto);
run refuses other values before sending. EvoLink's video-edit / video-extend models are the task.
The video is filed in the library under the data folder (--data, else SEEDANCE_DATA_DIR, else a
per-user folder) and copied to <out>/<clip id>.mp4; its library path is printed. Ctrl-C cancels.
--count N sends N takes (2–8) of the same inputs as one batch, each with its own seed (random and
distinct); --seeds 11,22,33 gives the takes' seeds (with --count, the first ones; without, one take
per seed). Not with --seed; a model without a seed (fal and ModelArk 2.0) takes --count only, and
its takes differ only by chance. The batch's total estimate is printed before anything is sent, then
each take's progress; each finished take is filed and copied to <out> (one stdout line per take).
--max-cost 2.50 refuses (exit 1, nothing sent) a job or batch whose estimate is above that many US
dollars, or that has no published price; without it run asks nothing (the monthly budget is the app's).
--draft makes a 480p Draft on models that document it (Seedance 2.5 on ModelArk and fal); finalize
sends that draft's 1080p final (valid 7 days after the draft; both stages are billed, and it says
both prices first) and files it as a new clip linked to its draft.
Keys come from NOVITA_API_KEY, FAL_KEY, EVOLINK_API_KEY, ARK_API_KEY (none set: offline demo); base URLs from
NOVITA_BASE_URL, FAL_QUEUE_BASE_URL, FAL_REST_BASE_URL, EVOLINK_BASE_URL, EVOLINK_FILES_BASE_URL, ARK_BASE_URL.
Exit codes: 0 done, 1 rejected by the provider or the model's rules, 2 usage error or unreadable
image, 130 stopped with Ctrl-C.
`;

const RUN_OPTIONS = {
  model: { type: 'string' },
  prompt: { type: 'string' },
  image: { type: 'string' },
  'last-image': { type: 'string' },
  resolution: { type: 'string' },
  'aspect-ratio': { type: 'string' },
  duration: { type: 'string' },
  seed: { type: 'string' },
  'camera-fixed': { type: 'boolean', default: false },
  'no-audio': { type: 'boolean', default: false },
  draft: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  out: { type: 'string' },
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  task: { type: 'string' },
  count: { type: 'string' },
  seeds: { type: 'string' },
  'max-cost': { type: 'string' },
  ...REFERENCE_OPTIONS,
} as const;

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required.`);
  return value;
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  try {
    if (command === 'models') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, strict: true });
      return modelsCommand({ json: values.json ?? false }, io);
    }
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'fix') return await runFix(rest, io);
    if (command === 'run') {
      const { values: v } = parseArgs({ args: rest, options: RUN_OPTIONS, strict: true, allowPositionals: false });
      return await runCommand(
        {
          model: need(v.model, 'model'),
          prompt: v.prompt ?? '',
          image: v.image,
          lastImage: v['last-image'],
          resolution: v.resolution,
          aspectRatio: v['aspect-ratio'],
          duration: v.duration,
          seed: v.seed,
          cameraFixed: v['camera-fixed'] ?? false,
          noAudio: v['no-audio'] ?? false,
          draft: v.draft ?? false,
          fix: v.fix ?? false,
          out: need(v.out, 'out'),
          data: v.data,
          json: v.json ?? false,
          references: referenceFlags(v),
          task: v.task,
          count: v.count,
          seeds: v.seeds,
          maxCost: v['max-cost'],
        },
        io,
      );
    }
    if (command === 'finalize') {
      const { values: v, positionals } = parseArgs({
        args: rest,
        options: { out: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean', default: false } },
        strict: true,
        allowPositionals: true,
      });
      if (positionals.length !== 1) throw new UsageError('finalize takes one clip: its id in the library, or its folder.');
      return await finalizeCommand({ clip: positionals[0]!, out: need(v.out, 'out'), data: v.data, json: v.json ?? false }, io);
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (err) {
    // parseArgs reports unknown or malformed flags as TypeErrors with an ERR_PARSE_ARGS_* code.
    const code = (err as { code?: string }).code;
    if (err instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(err as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw err;
  }
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code: 0 done,
 * 1 rejected (the reason goes to stderr), 2 usage error (with the usage text) or an image that
 * cannot be read, 130 stopped through `io.signal`.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof RejectedError) {
      io.stderr(`${err.message}\n`);
      return EXIT.rejected;
    }
    if (err instanceof ImageError) {
      io.stderr(`${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`Unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.rejected;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** A repeat of the same Ctrl-C within this long is ignored (ms): see `stopOnSignals`. */
const SAME_PRESS_MS = 1_000;

/**
 * The first Ctrl-C (or SIGTERM) aborts the returned signal so `run` can cancel its job; a second
 * Ctrl-C quits at once. A terminal delivers one Ctrl-C to the whole process group, and the
 * wrappers in front of us (bin/seedance.mjs, tsx) forward it as well, so one press can arrive
 * twice: a repeat within `SAME_PRESS_MS` counts as the same press.
 */
function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  let firstAt = 0;
  const stop = () => {
    if (!controller.signal.aborted) {
      firstAt = Date.now();
      process.stderr.write('\nStopping… (press Ctrl-C again to quit at once)\n');
      controller.abort();
    } else if (Date.now() - firstAt > SAME_PRESS_MS) {
      process.exit(EXIT.interrupted);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

if (isEntryPoint()) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    signal: stopOnSignals(),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
