import type { ModelEntry } from '../../shared/catalog/types';
import type { ReferenceCheck } from '../../shared/contract/media';
import { StudioError } from '../../shared/contract/result';
import type { Job } from '../../shared/jobs/job';
import type { PreparedReference } from '../providers/types';
import { checkReferences, checkSet, takesNoReferences, verdictLines, type ResolvedReference } from '../references/check';
import { MediaError } from '../references/errors';
import type { MediaWork } from '../references/work';
import type { ReferenceFiles } from './protocol';
import { joinPhrases, saidOf } from '../../shared/messages/error-said';
import { said } from '../../shared/messages/phrase';

/** A reference-to-video job's references ready for `adapter.prepare`, in `params.references` order; [] for a job without any. */
export type PrepareReferences = (job: Job) => Promise<PreparedReference[]>;

/** What `prepareReferencesWith` builds on. */
export interface PrepareReferencesDeps {
  catalog(modelId: string): ModelEntry | undefined;
  /** Main's answer for the job's files: images fixed by the reference image rules, media ids resolved (see `resolveReferenceFiles`). */
  files(job: Job): Promise<ReferenceFiles>;
  /** Probes and hashes a file to send (cached by path, size and modification time). */
  media: Pick<MediaWork, 'prepare'>;
}

/**
 * The engine's `prepareReferences`: refuses a set the row does not take before asking for any
 * file (counts, audio alone, frames mixed in), then has main fix the images and resolve the media
 * ids, probes and hashes each video and audio file here (the engine's process; cached), judges
 * the whole set with `checkReferences`, and answers `PreparedReference`s. Anything that breaks the
 * row's rules (providers.md "Seedance 2.0 reference-to-video") throws `StudioError('BAD_INPUT')`
 * with every verdict in plain words, so the job fails before any upload or POST.
 */
export function prepareReferencesWith(deps: PrepareReferencesDeps): PrepareReferences {
  return async (job) => {
    const refs = job.params.references ?? [];
    if (refs.length === 0) return [];
    const entry = deps.catalog(job.params.modelId);
    if (!entry) throw new StudioError('BAD_INPUT', said('job.modelGone', { model: job.params.modelId }));
    const frames = { firstFrame: Boolean(job.params.firstFrame), lastFrame: Boolean(job.params.lastFrame), task: job.params.task };
    const rules = entry.references;
    const early = rules ? checkSet(entry, rules, refs, frames) : [takesNoReferences(entry)];
    if (early.length > 0) refuse({ ok: false, items: [], violations: early });

    const answer = await deps.files(job);
    if (answer.items.length !== refs.length) throw new StudioError('INTERNAL', said('job.refused.referencesMismatch'));
    const resolved: ResolvedReference[] = [];
    const out: PreparedReference[] = [];
    for (const [i, item] of answer.items.entries()) {
      const kind = refs[i]!.kind;
      if (item.as === 'url') {
        resolved.push({ kind, url: item.url });
        if (kind === 'video') out.push({ kind, url: item.url });
      } else if (item.as === 'image') {
        resolved.push({ kind: 'image', fixed: item.file });
        out.push({ kind: 'image', file: item.file });
      } else if (kind === 'video' || kind === 'audio') {
        try {
          const { probe, sha256 } = await deps.media.prepare(item.path);
          resolved.push({ kind, media: { ...probe, name: item.name } });
          out.push({ kind, file: { path: item.path, mime: probe.mime, bytes: probe.bytes, sha256, durationSec: probe.durationSec } });
        } catch (err) {
          if (!(err instanceof MediaError)) throw err;
          resolved.push({ kind, problem: saidOf(err) });
        }
      } else {
        throw new StudioError('INTERNAL', said('job.refused.imageAsMedia'));
      }
    }
    const verdict = checkReferences(entry, resolved, frames);
    if (!verdict.ok) refuse(verdict);
    return out;
  };
}

function refuse(verdict: ReferenceCheck): never {
  throw new StudioError('BAD_INPUT', said('job.refused.references', { lines: joinPhrases('job.refused.lines', verdictLines(verdict)) }));
}
