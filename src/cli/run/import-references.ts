import type { ModelEntry, ReferenceItem, ReferenceTask } from '../../shared/catalog/types';
import type { Studio } from '../../main/composition/create-studio';
import { checkReferences, type ResolvedReference } from '../../main/references/check';
import { RejectedError } from '../io';
import { describeReference, referenceInputs, referenceItems, referenceReport, type ReferenceFlags } from './references';

/**
 * Imports `seedance run`'s `--reference-*` files into the image and media services (videos and
 * audio probed by the engine, here in this process) and checks them with the same rules as
 * `seedance check` (`checkReferences`). When a rule fails: without `fix`, throws `RejectedError`
 * with the whole report (exit 1); with `fix`, re-encodes or trims each video or audio whose rule
 * `media:fix` can mend, checks again, and sends the copies (images are fixed by the engine when it
 * sends them, as frames are); what cannot be fixed is still refused. Warnings go to `note`.
 * Throws `ImageError` when an image cannot be read (exit 2), `StudioError('BAD_INPUT')` when a
 * video or audio file cannot.
 */
export async function importReferences(studio: Studio, entry: ModelEntry, flags: ReferenceFlags, firstFrame: boolean, fix: boolean, note: (line: string) => void, task?: ReferenceTask): Promise<ReferenceItem[]> {
  const inputs = referenceInputs(flags);
  if (inputs.length === 0) return [];
  const ids: string[] = [];
  const resolved: ResolvedReference[] = [];
  const described: string[] = [];
  for (const input of inputs) {
    if (input.url) {
      ids.push('');
      resolved.push({ kind: input.kind, url: input.source });
      described.push(describeReference({ url: input.source }));
    } else if (input.kind === 'image') {
      const { imageId, info } = await studio.images.import(input.source);
      ids.push(imageId);
      resolved.push({ kind: 'image', image: info });
      described.push(describeReference({ image: info }));
    } else {
      const file = await studio.mediaFiles.import(input.source);
      ids.push(file.mediaId);
      resolved.push({ kind: input.kind, media: file.info });
      described.push(describeReference({ media: file.info }));
    }
  }
  let check = checkReferences(entry, resolved, { firstFrame, task });
  if (!check.ok && fix) {
    for (const item of check.items) {
      const action = item.violations.find((v) => v.fix === 'reencode' || v.fix === 'trim')?.fix as 'reencode' | 'trim' | undefined;
      const r = resolved[item.index]!;
      if (!action || !('media' in r)) continue;
      // Both kinds of rule broken (too long and 10 fps): a re-encode also cuts to the limit.
      const both = item.violations.some((v) => v.fix === 'reencode') ? 'reencode' : action;
      const fixed = await studio.mediaFiles.fix(ids[item.index]!, entry, both);
      note(`fixed ${item.tag} ${r.media.name}: ${item.violations.map((v) => v.message).join(' ')} Sending ${describeReference({ media: fixed.info })}.`);
      ids[item.index] = fixed.mediaId;
      resolved[item.index] = { kind: r.kind, media: fixed.info };
      described[item.index] = describeReference({ media: fixed.info });
    }
    check = checkReferences(entry, resolved, { firstFrame, task });
    // Images left: the engine sends fixed copies of them, as with --fix frames.
    const blocking = check.violations.length > 0 || check.items.some((i) => i.kind !== 'image' && !i.ok);
    if (!blocking) check = { ...check, ok: true };
  }
  if (!check.ok) {
    throw new RejectedError(`${referenceReport(entry, check, described).join('\n')}\nAdd --fix to send fixed copies where the app can make them (the originals are not changed).`);
  }
  for (const item of check.items) for (const w of item.warnings) note(`note: ${item.tag} ${w.message}`);
  return referenceItems(inputs, ids);
}
