import { resolve } from 'node:path';
import type { PixelSize } from '../../shared/catalog/output-sizes';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import type { FrameRequest, ImageService } from '../../main/images/image-service';
import { formatBytes } from '../../main/images/units';
import { checkLines } from '../commands/check';
import { RejectedError } from '../io';

/** The frames of a job once imported: image ids for `JobParams`, and the first frame's upright size in px. */
export interface ImportedFrames {
  firstFrame?: string;
  lastFrame?: string;
  firstSize?: PixelSize;
}

/**
 * Imports `params.firstFrame` / `params.lastFrame` (file paths, as given on the command line)
 * into the image service and checks each with the same rules as `seedance check` (providers.md
 * "Input image rules", via `ImageService.check`) for the job's resolution and aspect ratio; the
 * last frame is judged against the first frame's final size. Warnings go to `note` (stderr).
 * When a rule fails: without `fix`, throws `RejectedError` with the whole report (exit 1); with
 * `fix`, makes the fixed versions now (cached, so the engine reuses them when it sends the job)
 * and notes what changed. Throws `ImageError` when a file cannot be read or decoded (exit 2).
 */
export async function importFrames(
  images: ImageService,
  entry: ModelEntry,
  params: Pick<JobParams, 'firstFrame' | 'lastFrame' | 'resolution' | 'aspectRatio'>,
  fix: boolean,
  note: (line: string) => void,
): Promise<ImportedFrames> {
  const out: ImportedFrames = {};
  const requests: FrameRequest[] = [];
  const { resolution, aspectRatio } = params;
  if (params.firstFrame) {
    const first = await images.import(resolve(params.firstFrame));
    out.firstFrame = first.imageId;
    out.firstSize = { width: first.info.width, height: first.info.height };
    requests.push({ imageId: first.imageId, entry, resolution, aspectRatio, role: 'first' });
  }
  if (params.lastFrame) {
    const last = await images.import(resolve(params.lastFrame));
    out.lastFrame = last.imageId;
    requests.push({ imageId: last.imageId, entry, resolution, aspectRatio, role: 'last', ...(out.firstFrame ? { firstImageId: out.firstFrame } : {}) });
  }

  const checks = await Promise.all(requests.map(async (req) => ({ req, check: await images.check(req) })));
  const failing = checks.filter(({ check }) => !check.ok);
  if (failing.length > 0 && !fix) {
    const report = failing.flatMap(({ req, check }) => [`${req.role} frame ${checkLines(check.info, check).join('\n')}`]);
    throw new RejectedError(
      `${report.join('\n')}\nNot accepted as is. Add --fix to send a fixed copy (the original is not changed), or make one with \`seedance fix\`.`,
    );
  }
  for (const { req, check } of checks) {
    for (const w of check.warnings) note(`note: ${req.role} frame ${check.info.name}: ${w.message}`);
  }
  for (const { req, check } of failing) {
    const fixed = await images.fix(req);
    const o = fixed.info;
    note(`fixed ${req.role} frame ${check.info.name}: ${check.violations.map((v) => v.message).join(' ')} Sending ${o.format.toUpperCase()} ${o.width} × ${o.height} px, ${formatBytes(o.bytes)}.`);
  }
  return out;
}
