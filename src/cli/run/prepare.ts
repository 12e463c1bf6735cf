import type { Studio } from '../../main/composition/create-studio';
import { PROVIDER_NAMES } from '../../main/providers/failure';
import { KEY_VARS } from '../../main/providers/registry';
import { estimateCost, outputSizeFor, type CostEstimate } from '../../shared/catalog/params';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import { durationText } from '../../shared/format/duration';
import { UsageError } from '../io';
import { importFrames } from './frames';
import { importReferences } from './import-references';
import type { ReferenceFlags } from './references';

/** A job ready to send: its parameters with image and media ids in place, and one job's estimate (null: no published price). */
export interface PreparedJob {
  job: JobParams;
  cost: CostEstimate | null;
}

/**
 * What `seedance run` does before sending anything: says when the offline demo runs (no key set;
 * throws `UsageError` when other providers' keys are set but not this one's), imports and checks
 * the frames (`importFrames`) and the references (`importReferences`) — refused with the report,
 * or fixed with `fix` — and estimates one job's cost (providers.md "Cost"). Notes go to `say`.
 */
export async function prepareJob(studio: Studio, entry: ModelEntry, params: JobParams, opts: { fix: boolean; references: ReferenceFlags }, say: (line: string) => void): Promise<PreparedJob> {
  if (!studio.keys.anyConfigured()) {
    say(`offline demo: no provider key is set (${Object.values(KEY_VARS).join(', ')}), so this runs against the built-in provider simulator. The video is a stand-in; nothing is billed.`);
  } else if (!studio.keys.keyFor(entry.provider)) {
    throw new UsageError(`Set ${KEY_VARS[entry.provider]} to your ${PROVIDER_NAMES[entry.provider]} API key (other providers' keys are set, so the offline demo is off).`);
  }
  const frames = await importFrames(studio.images, entry, params, opts.fix, say);
  const job: JobParams = { ...params };
  if (frames.firstFrame) job.firstFrame = frames.firstFrame;
  if (frames.lastFrame) job.lastFrame = frames.lastFrame;
  const references = await importReferences(studio, entry, opts.references, Boolean(job.firstFrame || job.lastFrame), opts.fix, say, job.task);
  if (references.length > 0) job.references = references;
  return { job, cost: estimateCost(entry, job, outputSizeFor(entry, job, frames.firstSize)) };
}

/** The settings line `seedance run` prints before sending: "<model id>: 720p, 16:9, 5 s". */
export function settingsLine(entry: ModelEntry, job: JobParams): string {
  return `${entry.id}: ${job.resolution}, ${job.aspectRatio}, ${durationText(job.duration)}`;
}

/** A price as the CLI prints it: "$0.26". */
export function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
