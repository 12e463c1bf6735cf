import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkImage } from '../../main/images/check';
import type { OutputFormat } from '../../main/images/encode';
import { fixImage, type CropChoice } from '../../main/images/fix';
import { inspectImage } from '../../main/images/inspect';
import { configureSharp } from '../../main/images/sharp-setup';
import { formatBytes } from '../../main/images/units';
import { EXIT, UsageError } from '../io';
import { describeImage, failure, frameSettings, modelFor, processIo, type ImageCliIo } from './check';

export const FIX_USAGE = `Usage: seedance fix <image> --model <id> --out <file.jpg|.png|.webp> [--resolution R] [--aspect-ratio A]
                    [--crop centre|attention|LEFT,TOP,WIDTH,HEIGHT] [--json]
Writes a version of the image the model accepts as is: upright, cropped to the aspect ratio,
sized to the model's output, 8-bit sRGB, under the size limit. The original is never changed.
Exit codes: 0 written, 2 the file cannot be read or decoded, or a usage error.
`;

const FORMATS: Record<string, OutputFormat> = { '.jpg': 'jpeg', '.jpeg': 'jpeg', '.png': 'png', '.webp': 'webp' };

function cropChoice(value: string | undefined): CropChoice | undefined {
  if (value === undefined || value === 'centre' || value === 'center') return undefined;
  if (value === 'attention') return { kind: 'attention' };
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new UsageError('--crop must be centre, attention, or LEFT,TOP,WIDTH,HEIGHT in px of the upright image.');
  }
  const [left, top, width, height] = parts as [number, number, number, number];
  return { kind: 'rect', rect: { left, top, width, height } };
}

/**
 * `seedance fix <image> --model <id> --out <file> [--resolution R] [--aspect-ratio A] [--crop …] [--json]`.
 * The output format follows `--out`'s extension. Processing goes through a temporary input cache
 * that is removed afterwards. Returns the exit code: 0 written, 2 unreadable/undecodable file or
 * usage error. JSON: `{ ok: true, out, format, width, height, bytes, sha256, source: { format,
 * width, height, bytes }, fixed: [{ rule, message }], warnings }`.
 */
export async function runFix(argv: string[], io: ImageCliIo = processIo): Promise<number> {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        model: { type: 'string' },
        resolution: { type: 'string' },
        'aspect-ratio': { type: 'string' },
        out: { type: 'string' },
        crop: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    json = values.json ?? false;
    if (positionals.length !== 1) throw new UsageError('Give exactly one image file.');
    if (!values.out) throw new UsageError('--out is required.');
    const src = resolve(positionals[0] as string);
    const out = resolve(values.out);
    if (out === src) throw new UsageError('--out must not be the original file; it is never changed.');
    const format = FORMATS[extname(out).toLowerCase()];
    if (!format) throw new UsageError('--out must end in .jpg, .jpeg, .png or .webp.');
    const entry = modelFor(values.model);
    const settings = frameSettings(entry, values.resolution, values['aspect-ratio']);
    const crop = cropChoice(values.crop);

    configureSharp();
    const info = await inspectImage(src);
    const before = checkImage(info, entry, { ...settings, role: 'first' });
    const cacheDir = await mkdtemp(join(tmpdir(), 'seedance-fix-'));
    try {
      const result = await fixImage(src, entry, { ...settings, role: 'first', cacheDir, info, format, ...(crop ? { crop } : {}) });
      await copyFile(result.prepared.path, out);
      const o = result.info;
      if (json) {
        io.stdout(
          `${JSON.stringify({
            ok: true,
            out,
            format: o.format,
            width: o.width,
            height: o.height,
            bytes: o.bytes,
            sha256: result.prepared.sha256,
            source: { format: info.format, width: info.width, height: info.height, bytes: info.bytes },
            fixed: before.violations.map(({ rule, message }) => ({ rule, message })),
            warnings: before.warnings,
          })}\n`,
        );
      } else {
        const lines = [`${describeImage(info)}`];
        for (const v of before.violations) lines.push(`  fixed: ${v.message}`);
        for (const w of before.warnings) lines.push(`  note: ${w.message}`);
        lines.push(`Wrote ${out}: ${o.format.toUpperCase()} ${o.width} × ${o.height} px, ${formatBytes(o.bytes)}.`);
        io.stdout(`${lines.join('\n')}\n`);
      }
      return EXIT.ok;
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  } catch (err) {
    return failure(err, json, io, FIX_USAGE);
  }
}
