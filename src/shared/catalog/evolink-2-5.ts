import { EVOLINK_IMAGE_RULES } from './image-rules';
import { EVOLINK_25_REFERENCE_RULES } from './reference-rules-2-5';
import { SIX_RATIOS, aspectRatioSpec, autoDurationSpec, generateAudioSpec, resolutionSpec } from './param-specs';
import type { ModelEntry, ParamSpec, ReferenceTask } from './types';

/*
 * EvoLink's Seedance 2.5 models (seedance-2.5.md §1, §4; docs live since 2026-08-07, 1080p since
 * 2026-08-20 [E1]): the mode and the task are chosen by the model id. `quality` 480p/720p/1080p
 * (default 720p), `duration` 4–30 or -1 (default 5; edit: only -1), `aspect_ratio` the six ratios or
 * `adaptive` (default), `adaptive` only on image-to-video, edit and extend. No seed. The prompt is
 * required, ≤ 10,000 tokens (a guide: tokens are not characters).
 * Price: a third party quotes $0.136/s at 480p and $0.293/s at 720p (§4 [F4], UNCONFIRMED); EvoLink
 * bills in credits and publishes no USD list price, so `cost` is null.
 */

const PROMPT = { maxChars: 10_000, hard: false, required: true };
const STATUS: ModelEntry['status'] = { state: 'active', source: 'seedance-2.5.md §1, §4: EvoLink docs live since 2026-08-07 (docs mirror [E1])' };

function params(ratios: string[]): ParamSpec[] {
  return [resolutionSpec(['480p', '720p', '1080p'], '720p'), aspectRatioSpec(ratios, 'adaptive'), autoDurationSpec(4, 30, 5), generateAudioSpec];
}

/** A reference / video-edit / video-extend row: the id selects the task; edit and extend take `adaptive` only and need a source video. */
function referenceRow(task: ReferenceTask): ModelEntry {
  const suffix = task === 'reference' ? 'reference-to-video' : `video-${task}`;
  const label = task === 'reference' ? 'reference to video' : task === 'edit' ? 'video edit' : 'video extend';
  const taskNote = task === 'reference' ? 'evolink25References' : task === 'edit' ? 'evolink25Edit' : 'evolink25Extend';
  return {
    id: `evolink/seedance-2.5-${suffix}`,
    provider: 'evolink',
    model: `seedance-2.5-${suffix}`,
    name: `Seedance 2.5 · ${label}`,
    modes: ['reference-to-video'],
    sizeFamily: 'seedance-2.5',
    params: params(task === 'reference' ? [...SIX_RATIOS, 'adaptive'] : ['adaptive']),
    prompt: PROMPT,
    imageRules: EVOLINK_IMAGE_RULES,
    cost: null,
    references: EVOLINK_25_REFERENCE_RULES,
    tasks: [task],
    notes: [taskNote, 'evolink25Uploads', 'evolink25Faces'],
    status: STATUS,
  };
}

/** EvoLink's five Seedance 2.5 rows (§1, §4): text, image (first / first + last frame), reference, video edit, video extend. */
export const EVOLINK_25_MODELS: ModelEntry[] = [
  {
    id: 'evolink/seedance-2.5-text-to-video',
    provider: 'evolink',
    model: 'seedance-2.5-text-to-video',
    name: 'Seedance 2.5 · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-2.5',
    params: params([...SIX_RATIOS, 'adaptive']),
    prompt: PROMPT,
    imageRules: null,
    cost: null,
    notes: ['evolink25NoPrice'],
    status: STATUS,
  },
  {
    id: 'evolink/seedance-2.5-image-to-video',
    provider: 'evolink',
    model: 'seedance-2.5-image-to-video',
    name: 'Seedance 2.5 · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-2.5',
    params: params(['adaptive']),
    prompt: PROMPT,
    imageRules: EVOLINK_IMAGE_RULES,
    cost: null,
    notes: ['evolink25KeepsRatio', 'evolink25Faces'],
    status: STATUS,
  },
  ...(['reference', 'edit', 'extend'] as const).map(referenceRow),
];
