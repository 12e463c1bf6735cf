import type { ModelEntry, ParamSpec } from '../../../shared/catalog/types';
import type { DraftParams } from '../../../shared/drafts/draft';
import { useStudio } from '../../store/index';
import { ChoiceField, type Choice } from './ChoiceField';
import { NumberField } from './NumberField';
import { SeedField } from './SeedField';
import { SwitchField } from './SwitchField';
import { AUTO_DURATION, taskLocks, taskOf } from '../../../shared/catalog/task-type';
import { inputsFor, jobParamsFromDraft } from '../../../shared/drafts/params';
import { lockReason } from './task-words';

/** Shown first; anything else goes under "More" (UX.md, "Compose"). */
const MAIN_KEYS: ReadonlySet<ParamSpec['key']> = new Set(['resolution', 'aspectRatio', 'duration', 'seed', 'cameraFixed', 'generateAudio']);

const FOLLOW_IMAGE_TITLE = 'Follows the first frame’s ratio';
const HELP: Partial<Record<ParamSpec['key'], string>> = {
  cameraFixed: 'Keeps the camera still.',
  generateAudio: 'Sound and speech with the video.',
  serviceTier: '“flex” is half price and slower.',
};

function choicesOf(spec: Extract<ParamSpec, { kind: 'enum' }>): Choice[] {
  return spec.options.map((o) => ({
    value: o,
    label: o,
    unconfirmed: spec.unconfirmed?.includes(o),
    ...(o === 'adaptive' || o === 'auto' ? { title: FOLLOW_IMAGE_TITLE } : {}),
  }));
}

/** A ratio and/or duration the job's task locks (`taskLocks`), and why in words. */
interface Lock {
  aspectRatio?: string;
  duration?: number;
  reason: string;
}

/**
 * One parameter's control, from its catalog `ParamSpec` (enum → chips, int → chips of allowed
 * values or a number, bool → switch). A field the task locks shows the locked value, disabled,
 * with the reason as its help.
 */
function Param({ spec, params, set, lock }: { spec: ParamSpec; params: DraftParams; set: <K extends keyof DraftParams>(key: K, value: DraftParams[K]) => void; lock?: Lock }) {
  if (spec.key === 'aspectRatio' && spec.kind === 'enum' && lock?.aspectRatio) {
    return <ChoiceField label={spec.label} choices={choicesOf(spec)} value={lock.aspectRatio} onChange={() => undefined} help={lock.reason} disabled />;
  }
  if (spec.key === 'duration' && lock?.duration === AUTO_DURATION) {
    return <SwitchField label="Auto duration" checked onChange={() => undefined} help={lock.reason} disabled />;
  }
  switch (spec.kind) {
    case 'enum':
      return <ChoiceField label={spec.label} choices={choicesOf(spec)} value={String(params[spec.key])} onChange={(v) => set(spec.key, v as never)} help={HELP[spec.key]} />;
    case 'int':
      if (spec.key === 'seed') {
        return <SeedField seed={params.seed} locked={params.seedLocked} max={spec.max} onSeed={(v) => set('seed', v)} onLock={(v) => set('seedLocked', v)} />;
      }
      if (spec.values) {
        const choices = spec.values.map((v) => ({ value: String(v), label: `${v}${spec.unit ? ` ${spec.unit}` : ''}` }));
        return <ChoiceField label={spec.label} choices={choices} value={String(params.duration)} onChange={(v) => set('duration', Number(v))} />;
      }
      if (spec.auto) {
        const auto = params.duration === AUTO_DURATION;
        return (
          <>
            <SwitchField label="Auto duration" checked={auto} onChange={(v) => set('duration', v ? AUTO_DURATION : spec.default)} help="The model picks the length (an edit keeps the source clip's)." />
            {auto ? null : <NumberField label={spec.label} value={params.duration} min={spec.min} max={spec.max} unit={spec.unit} onChange={(v) => set('duration', v)} />}
          </>
        );
      }
      return <NumberField label={spec.label} value={params.duration} min={spec.min} max={spec.max} unit={spec.unit} onChange={(v) => set('duration', v)} />;
    case 'bool':
      return <SwitchField label={spec.label} checked={params[spec.key]} onChange={(v) => set(spec.key, v)} help={HELP[spec.key]} />;
  }
}

/**
 * "Draft (480p preview)" on rows that document Draft → final (seedance-2.5.md §2.6 ModelArk, §3 fal):
 * the job is made at the draft resolution, and the Library's "Make final (1080p)…" finishes it.
 */
function DraftSwitch({ draft, on, set }: { draft: NonNullable<ModelEntry['draft']>; on: boolean; set(v: boolean): void }) {
  const help = `A cheap ${draft.draftResolution} preview. From the Library, “Make final (${draft.finalResolutions.join('/')})” within ${draft.validDays} days; both are billed.`;
  return <SwitchField label={`Draft (${draft.draftResolution} preview)`} checked={on} onChange={set} help={help} />;
}

/** Only the parameters the model has, with its real choices; the less common ones under "More". */
export function ParamsPanel({ model }: { model: ModelEntry }) {
  const draft = useStudio((s) => s.compose.draft);
  const chosen = useStudio((s) => s.compose.inputs);
  const setParam = useStudio((s) => s.compose.setParam);
  if (!draft) return null;
  const params = draft.params;
  const job = jobParamsFromDraft(draft, model, inputsFor(draft, model, chosen ?? undefined));
  const reason = lockReason(job, taskOf(job, model));
  const lock: Lock | undefined = reason ? { ...taskLocks(model, job), reason } : undefined;
  // A draft is made at the row's draft resolution: the resolution choice would not apply.
  const drafting = model.draft !== undefined && params.draft;
  const main = model.params.filter((s) => MAIN_KEYS.has(s.key) && !(drafting && s.key === 'resolution'));
  const more = model.params.filter((s) => !MAIN_KEYS.has(s.key));
  return (
    <div className="params" aria-label="Parameters" role="group">
      {model.draft ? <DraftSwitch draft={model.draft} on={params.draft} set={(v) => setParam('draft', v)} /> : null}
      {main.map((spec) => (
        <Param key={spec.key} spec={spec} params={params} set={setParam} lock={lock} />
      ))}
      {more.length ? (
        <details className="params-more">
          <summary>More</summary>
          {more.map((spec) => (
            <Param key={spec.key} spec={spec} params={params} set={setParam} />
          ))}
        </details>
      ) : null}
    </div>
  );
}
