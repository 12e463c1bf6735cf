import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import type { ClipDetail } from '../../../shared/contract/library';
import { AUTO_DURATION } from '../../../shared/catalog/task-type';
import { i18n } from '../../i18n/index';
import { modelName } from '../../i18n/model-name';

/** The settings Compare lists, in order (the keys of `compare:diff.rows`). */
export type DiffKey = 'model' | 'provider' | 'prompt' | 'seed' | 'resolution' | 'aspectRatio' | 'output' | 'duration' | 'cameraFixed' | 'audio' | 'first' | 'last' | 'references';

/** One setting across the compared clips: its label and each clip's value in words (the UI's language), and whether they differ. */
export interface DiffRow {
  key: DiffKey;
  label: string;
  values: string[];
  differs: boolean;
}

const on = (b: boolean | undefined, yes: string, no: string, unset = '—') => (b === undefined ? unset : b ? yes : no);
/** A value word in the UI's language (`compare:diff.values`). */
const word = (key: 'noPrompt' | 'fixed' | 'free' | 'generated' | 'none') => i18n.t(`compare:diff.values.${key}`);

/** The seed a clip ran with, in words: the one the provider reported, else the one asked for, else "random (not reported)" in the UI's language. */
export function seedText(clip: Pick<ClipDetail, 'sidecar'>): string {
  const { seed, parameters } = clip.sidecar;
  if (seed !== null) return String(seed);
  const asked = parameters.seed;
  return asked !== undefined && asked >= 0 ? String(asked) : i18n.t('compare:diff.values.randomSeed');
}

/** The first frame as Compare tells them apart: by its file's sha256 (the name alone can repeat), shown by name. */
function frameOf(clip: ClipDetail, role: 'first' | 'last'): { key: string; text: string } {
  const input = clip.inputs.find((i) => i.role === role);
  if (!input) return { key: '', text: word('none') };
  return { key: input.sha256 ?? input.name ?? input.url ?? '?', text: input.name ?? i18n.t(`compare:diff.values.frame.${role}`) };
}

/** The asked-for duration in words: "5 s", or "Auto" for −1 (the model picks, Seedance 2.x). */
function durationWords(seconds: number): string {
  return seconds === AUTO_DURATION ? i18n.t('compare:diff.values.auto') : i18n.t('compare:diff.values.seconds', { value: seconds });
}

/** The settings Compare lists, each read from a clip's detail as a key (what tells values apart) and words. */
const FIELDS: Array<{ key: DiffKey; read(c: ClipDetail): string | { key: string; text: string } }> = [
  { key: 'model', read: (c) => modelName(c.modelId) },
  { key: 'provider', read: (c) => PROVIDER_NAMES[c.provider] },
  { key: 'prompt', read: (c) => c.prompt.trim() || word('noPrompt') },
  { key: 'seed', read: (c) => seedText(c) },
  { key: 'resolution', read: (c) => c.resolution },
  { key: 'aspectRatio', read: (c) => c.aspectRatio },
  { key: 'output', read: (c) => `${c.width} × ${c.height}` },
  { key: 'duration', read: (c) => durationWords(c.sidecar.parameters.duration) },
  { key: 'cameraFixed', read: (c) => on(c.sidecar.parameters.cameraFixed, word('fixed'), word('free')) },
  { key: 'audio', read: (c) => on(c.sidecar.parameters.generateAudio, word('generated'), word('none')) },
  { key: 'first', read: (c) => frameOf(c, 'first') },
  { key: 'last', read: (c) => frameOf(c, 'last') },
  { key: 'references', read: (c) => String(c.inputs.filter((i) => i.role === 'reference').length) },
];

/**
 * The settings of 2–4 clips side by side (issue 14 "Compare": a diff of their settings and seeds):
 * every row in `FIELDS` order, `differs` true when the clips' values are not all the same. Frames
 * are compared by content (sha256), so two photos with one name still differ. Labels and words
 * are in the UI's language; otherwise pure.
 */
export function settingsDiff(clips: readonly ClipDetail[]): DiffRow[] {
  return FIELDS.map((field) => {
    const read = clips.map((c) => {
      const v = field.read(c);
      return typeof v === 'string' ? { key: v, text: v } : v;
    });
    return { key: field.key, label: i18n.t(`compare:diff.rows.${field.key}`), values: read.map((r) => r.text), differs: new Set(read.map((r) => r.key)).size > 1 };
  });
}
