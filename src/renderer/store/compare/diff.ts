import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import type { ClipDetail } from '../../../shared/contract/library';
import { durationText } from '../../../shared/format/duration';
import { modelName } from '../../i18n/model-name';

/** One setting across the compared clips: its label, each clip's value in words, and whether they differ. */
export interface DiffRow {
  key: string;
  label: string;
  values: string[];
  differs: boolean;
}

/** The seed a clip ran with, in words: the one the provider reported, else the one asked for, else "random". */
export function seedText(clip: Pick<ClipDetail, 'sidecar'>): string {
  const { seed, parameters } = clip.sidecar;
  if (seed !== null) return String(seed);
  const asked = parameters.seed;
  return asked !== undefined && asked >= 0 ? String(asked) : 'random (not reported)';
}

/** The first frame as Compare tells them apart: by its file's sha256 (the name alone can repeat), shown by name. */
function frameOf(clip: ClipDetail, role: 'first' | 'last'): { key: string; text: string } {
  const input = clip.inputs.find((i) => i.role === role);
  if (!input) return { key: '', text: 'none' };
  return { key: input.sha256 ?? input.name ?? input.url ?? '?', text: input.name ?? `${role} frame` };
}

const on = (b: boolean | undefined, yes: string, no: string, unset = '—') => (b === undefined ? unset : b ? yes : no);

/** The settings Compare lists, each read from a clip's detail as a key (what tells values apart) and words. */
const FIELDS: Array<{ key: string; label: string; read(c: ClipDetail): string | { key: string; text: string } }> = [
  { key: 'model', label: 'Model', read: (c) => modelName(c.modelId) },
  { key: 'provider', label: 'Provider', read: (c) => PROVIDER_NAMES[c.provider] },
  { key: 'prompt', label: 'Prompt', read: (c) => c.prompt.trim() || '(no prompt)' },
  { key: 'seed', label: 'Seed', read: (c) => seedText(c) },
  { key: 'resolution', label: 'Resolution', read: (c) => c.resolution },
  { key: 'aspectRatio', label: 'Aspect ratio', read: (c) => c.aspectRatio },
  { key: 'output', label: 'Output size', read: (c) => `${c.width} × ${c.height}` },
  { key: 'duration', label: 'Duration', read: (c) => durationText(c.sidecar.parameters.duration) },
  { key: 'cameraFixed', label: 'Camera', read: (c) => on(c.sidecar.parameters.cameraFixed, 'fixed', 'free') },
  { key: 'audio', label: 'Audio', read: (c) => on(c.sidecar.parameters.generateAudio, 'generated', 'none') },
  { key: 'first', label: 'First frame', read: (c) => frameOf(c, 'first') },
  { key: 'last', label: 'Last frame', read: (c) => frameOf(c, 'last') },
  { key: 'references', label: 'References', read: (c) => String(c.inputs.filter((i) => i.role === 'reference').length) },
];

/**
 * The settings of 2–4 clips side by side (issue 14 "Compare": a diff of their settings and seeds):
 * every row in `FIELDS` order, `differs` true when the clips' values are not all the same. Frames
 * are compared by content (sha256), so two photos with one name still differ. Pure.
 */
export function settingsDiff(clips: readonly ClipDetail[]): DiffRow[] {
  return FIELDS.map((field) => {
    const read = clips.map((c) => {
      const v = field.read(c);
      return typeof v === 'string' ? { key: v, text: v } : v;
    });
    return { key: field.key, label: field.label, values: read.map((r) => r.text), differs: new Set(read.map((r) => r.key)).size > 1 };
  });
}
