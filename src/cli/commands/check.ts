import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findModel } from '../../shared/catalog/models';
import { AspectRatio, Resolution, type ModelEntry, type ParamSpec } from '../../shared/catalog/types';
import { checkImage, type CheckResult } from '../../main/images/check';
import { ImageError } from '../../main/images/errors';
import { inspectImage, type ImageInfo } from '../../main/images/inspect';
import { configureSharp } from '../../main/images/sharp-setup';
import { formatBytes } from '../../main/images/units';
import { EXIT, UsageError, type CliIo } from '../io';
import { hasReferences, type ReferenceFlags } from '../run/references';
import { checkReferenceFlags } from './check-references';

/** The repeatable `--reference-*` flags of `check` and `run` (parseArgs options). */
export const REFERENCE_OPTIONS = {
  'reference-image': { type: 'string', multiple: true },
  'reference-video': { type: 'string', multiple: true },
  'reference-audio': { type: 'string', multiple: true },
} as const;

/** The parsed `--reference-*` values as `ReferenceFlags`. */
export function referenceFlags(values: { 'reference-image'?: string[]; 'reference-video'?: string[]; 'reference-audio'?: string[] }): ReferenceFlags {
  return { images: values['reference-image'] ?? [], videos: values['reference-video'] ?? [], audios: values['reference-audio'] ?? [] };
}

/** The part of `CliIo` the image commands use. */
export type ImageCliIo = Pick<CliIo, 'stdout' | 'stderr'>;

/** Writes to the process's own streams (the CLI's default). */
export const processIo: ImageCliIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };

export const CHECK_USAGE = `Usage: seedance check <image> --model <id> [--resolution R] [--aspect-ratio A] [--json]
       seedance check --model <id> [--reference-image F]... [--reference-video F|URL]... [--reference-audio F]... [<first frame>] [--json]
Checks an image against the model's input rules for a first frame; with --reference-* flags (each
repeatable), checks reference images, videos and audio against the model's reference rules and
reports per input (@image1, @video1, @audio1 …) and for the set (counts, total seconds, audio alone,
a first frame given beside references). A reference video may be an https:// URL (ModelArk takes
reference videos only by URL); it is not fetched.
Exit codes: 0 accepted as is, 1 a rule fails (each is listed), 2 the file cannot be read or decoded, or a usage error.
`;

/** The job settings a command judges against: flags, else the model's defaults (adaptive/auto when offered, as with an image). */
export function frameSettings(entry: ModelEntry, resolution?: string, aspectRatio?: string): { resolution: Resolution; aspectRatio: AspectRatio } {
  const spec = (key: 'resolution' | 'aspectRatio') => entry.params.find((p): p is Extract<ParamSpec, { kind: 'enum' }> => p.kind === 'enum' && p.key === key);
  const res = spec('resolution');
  const ratio = spec('aspectRatio');
  const pick = (flag: string, given: string | undefined, s: typeof res, fallback: string | undefined) => {
    if (given !== undefined && s && !s.options.includes(given)) throw new UsageError(`--${flag} must be one of ${s.options.join(', ')} on ${entry.name}.`);
    return given ?? fallback;
  };
  const r = Resolution.safeParse(pick('resolution', resolution, res, res?.default ?? '720p'));
  const follow = ratio?.options.find((o) => o === 'adaptive' || o === 'auto');
  const a = AspectRatio.safeParse(pick('aspect-ratio', aspectRatio, ratio, follow ?? ratio?.default ?? '16:9'));
  if (!r.success) throw new UsageError(`--resolution must be one of ${Resolution.options.join(', ')}.`);
  if (!a.success) throw new UsageError(`--aspect-ratio must be one of ${AspectRatio.options.join(', ')}.`);
  return { resolution: r.data, aspectRatio: a.data };
}

/** The model for `--model`, or a `UsageError` naming the problem. */
export function modelFor(id: string | undefined): ModelEntry {
  if (!id) throw new UsageError('--model is required.');
  const entry = findModel(id);
  if (!entry) throw new UsageError(`Unknown model "${id}". Run \`seedance models\` for the list.`);
  if (!entry.imageRules) throw new UsageError(`${entry.name} takes no images; pick an image-to-video model.`);
  return entry;
}

/** One line describing a source image: `photo.jpg: JPEG 6028 × 3391 px, 4.2 MB`. */
export function describeImage(info: ImageInfo): string {
  return `${info.name}: ${info.format.toUpperCase()} ${info.width} × ${info.height} px, ${formatBytes(info.bytes)}`;
}

/** A check's findings for one image: its description, then each failing rule with its fix (✗) and each warning (!). */
export function checkLines(info: ImageInfo, result: CheckResult): string[] {
  const lines = [describeImage(info)];
  for (const v of result.violations) lines.push(`  ✗ ${v.message} Fix: ${v.fix}`);
  for (const w of result.warnings) lines.push(`  ! ${w.message}`);
  return lines;
}

function report(info: ImageInfo, result: CheckResult): string {
  const lines = checkLines(info, result);
  lines.push(
    result.ok
      ? `Accepted as is; it will be sent as ${result.target.width} × ${result.target.height}.`
      : `Not accepted as is (${result.violations.length} rule${result.violations.length === 1 ? '' : 's'} failed). \`seedance fix\` makes a version that is.`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `seedance check <image> --model <id> [--resolution R] [--aspect-ratio A] [--json]`.
 * Returns the exit code: 0 accepted as is, 1 a rule fails, 2 unreadable/undecodable file or usage
 * error. JSON: `{ ok, format, width, height, bytes, violations: [{ rule, message, fix }], warnings,
 * target }`, or `{ ok: false, error: { code, message } }` for exit 2.
 */
export async function runCheck(argv: string[], io: ImageCliIo = processIo): Promise<number> {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { model: { type: 'string' }, resolution: { type: 'string' }, 'aspect-ratio': { type: 'string' }, json: { type: 'boolean', default: false }, ...REFERENCE_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
    json = values.json ?? false;
    const references = referenceFlags(values);
    if (hasReferences(references)) {
      if (positionals.length > 1) throw new UsageError('Give at most one first frame beside the references.');
      const entry = findModel(values.model ?? '');
      if (!entry) throw new UsageError(values.model ? `Unknown model "${values.model}". Run \`seedance models\` for the list.` : '--model is required.');
      return await checkReferenceFlags(entry, references, positionals.length === 1, json, io);
    }
    if (positionals.length !== 1) throw new UsageError('Give exactly one image file.');
    const entry = modelFor(values.model);
    const settings = frameSettings(entry, values.resolution, values['aspect-ratio']);
    configureSharp();
    const info = await inspectImage(resolve(positionals[0] as string));
    const result = checkImage(info, entry, { ...settings, role: 'first' });
    if (json) {
      const { format, width, height, bytes } = info;
      io.stdout(`${JSON.stringify({ ok: result.ok, format, width, height, bytes, violations: result.violations, warnings: result.warnings, target: result.target })}\n`);
    } else {
      io.stdout(report(info, result));
    }
    return result.ok ? EXIT.ok : EXIT.rejected;
  } catch (err) {
    return failure(err, json, io, CHECK_USAGE);
  }
}

/** Prints an `ImageError`, a usage error or a bad crop (`RangeError`) as exit 2; anything else is rethrown. */
export function failure(err: unknown, json: boolean, io: ImageCliIo, usage: string): number {
  const code = (err as { code?: string }).code;
  if (err instanceof ImageError) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: err.code, message: err.message } })}\n`);
    else io.stderr(`${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof UsageError || err instanceof RangeError || code?.startsWith('ERR_PARSE_ARGS')) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: 'usage', message: (err as Error).message } })}\n`);
    else io.stderr(`${(err as Error).message}\n\n${usage}`);
    return EXIT.usage;
  }
  throw err;
}
