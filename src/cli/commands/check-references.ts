import { basename } from 'node:path';
import type { ModelEntry } from '../../shared/catalog/types';
import { checkReferences, type ResolvedReference } from '../../main/references/check';
import { MediaError } from '../../main/references/errors';
import { inspectImage } from '../../main/images/inspect';
import { ImageError } from '../../main/images/errors';
import { configureSharp } from '../../main/images/sharp-setup';
import { resolveMediaTools } from '../../main/media-tools/ffmpeg';
import { createMediaWork } from '../../main/references/work';
import { EXIT } from '../io';
import { describeReference, referenceInputs, referenceReport, type ReferenceFlags } from '../run/references';
import type { ImageCliIo } from './check';

/**
 * `seedance check --model <id> --reference-image F … --reference-video F|URL … --reference-audio F …
 * [<first frame>]`: judges the references (and a first frame given beside them) against the row's
 * reference rules, per input and for the set (`checkReferences`; videos and audio probed with
 * ffprobe in this process). A file that cannot be read is that input's verdict. Prints the report,
 * or with `json` one line `{ ok, inputs: [{ tag, source, ok, violations, warnings }], violations }`.
 * Returns 0 accepted, 1 a rule fails.
 */
export async function checkReferenceFlags(entry: ModelEntry, flags: ReferenceFlags, firstFrame: boolean, json: boolean, io: ImageCliIo): Promise<number> {
  configureSharp();
  const work = createMediaWork(resolveMediaTools());
  const inputs = referenceInputs(flags);
  const described: string[] = [];
  const resolved: ResolvedReference[] = [];
  for (const input of inputs) {
    if (input.url) {
      resolved.push({ kind: input.kind, url: input.source });
      described.push(describeReference({ url: input.source }));
      continue;
    }
    try {
      if (input.kind === 'image') {
        const image = await inspectImage(input.source);
        resolved.push({ kind: 'image', image });
        described.push(describeReference({ image }));
      } else {
        const media = { ...(await work.probe(input.source)), name: basename(input.source) };
        resolved.push({ kind: input.kind, media });
        described.push(describeReference({ media }));
      }
    } catch (err) {
      if (!(err instanceof ImageError) && !(err instanceof MediaError)) throw err;
      resolved.push({ kind: input.kind, problem: err.message });
      described.push(basename(input.source));
    }
  }
  const check = checkReferences(entry, resolved, { firstFrame });
  if (json) {
    const out = check.items.map((i) => ({ tag: i.tag, source: inputs[i.index]!.source, ok: i.ok, violations: i.violations, warnings: i.warnings }));
    io.stdout(`${JSON.stringify({ ok: check.ok, inputs: out, violations: check.violations })}\n`);
  } else {
    io.stdout(`${referenceReport(entry, check, described).join('\n')}\n`);
  }
  return check.ok ? EXIT.ok : EXIT.rejected;
}
