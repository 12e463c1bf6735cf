import { useTranslation } from 'react-i18next';
import type { ModelEntry, ParamSpec } from '../../../shared/catalog/types';
import { i18n } from '../../i18n/index';
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

/** The parameters with a line of help under them. */
const HELPED = ['cameraFixed', 'generateAudio', 'serviceTier'] as const;

/** The help line under a parameter, in the UI's language, if it has one. */
function helpFor(key: ParamSpec['key']): string | undefined {
  return (HELPED as readonly string[]).includes(key) ? i18n.t(`compose:params.help.${key as (typeof HELPED)[number]}`) : undefined;
}

/**
 * A parameter's name in the UI's language. The catalogue's `label` is English; the English
 * resources hold the same words, keyed by the parameter.
 */
function labelOf(spec: ParamSpec): string {
  return i18n.t(`compose:params.label.${spec.key}`);
}

/** A unit in the UI's language: the catalogue's "s" reads "秒" in Chinese; others stay as written. */
function unitOf(unit: string | undefined): string | undefined {
  return unit === 's' ? i18n.t('compose:params.seconds') : unit;
}

function choicesOf(spec: Extract<ParamSpec, { kind: 'enum' }>): Choice[] {
  return spec.options.map((o) => ({
    value: o,
    label: o,
    unconfirmed: spec.unconfirmed?.includes(o),
    ...(o === 'adaptive' || o === 'auto' ? { title: i18n.t('compose:params.followsImage') } : {}),
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
  const { t } = useTranslation('compose');
  if (spec.key === 'aspectRatio' && spec.kind === 'enum' && lock?.aspectRatio) {
    return <ChoiceField label={labelOf(spec)} choices={choicesOf(spec)} value={lock.aspectRatio} onChange={() => undefined} help={lock.reason} disabled />;
  }
  if (spec.key === 'duration' && lock?.duration === AUTO_DURATION) {
    return <SwitchField label={t('params.autoDuration')} checked onChange={() => undefined} help={lock.reason} disabled />;
  }
  switch (spec.kind) {
    case 'enum':
      return <ChoiceField label={labelOf(spec)} choices={choicesOf(spec)} value={String(params[spec.key])} onChange={(v) => set(spec.key, v as never)} help={helpFor(spec.key)} />;
    case 'int':
      if (spec.key === 'seed') {
        return <SeedField seed={params.seed} locked={params.seedLocked} max={spec.max} onSeed={(v) => set('seed', v)} onLock={(v) => set('seedLocked', v)} />;
      }
      if (spec.values) {
        const unit = unitOf(spec.unit);
        const choices = spec.values.map((v) => ({ value: String(v), label: unit ? t('params.valueUnit', { value: v, unit }) : String(v) }));
        return <ChoiceField label={labelOf(spec)} choices={choices} value={String(params.duration)} onChange={(v) => set('duration', Number(v))} />;
      }
      if (spec.auto) {
        const auto = params.duration === AUTO_DURATION;
        return (
          <>
            <SwitchField label={t('params.autoDuration')} checked={auto} onChange={(v) => set('duration', v ? AUTO_DURATION : spec.default)} help={t('params.autoDurationHelp')} />
            {auto ? null : <NumberField label={labelOf(spec)} value={params.duration} min={spec.min} max={spec.max} unit={unitOf(spec.unit)} onChange={(v) => set('duration', v)} />}
          </>
        );
      }
      return <NumberField label={labelOf(spec)} value={params.duration} min={spec.min} max={spec.max} unit={unitOf(spec.unit)} onChange={(v) => set('duration', v)} />;
    case 'bool':
      return <SwitchField label={labelOf(spec)} checked={params[spec.key]} onChange={(v) => set(spec.key, v)} help={helpFor(spec.key)} />;
  }
}

/**
 * "Draft (480p preview)" on rows that document Draft → final (seedance-2.5.md §2.6 ModelArk, §3 fal):
 * the job is made at the draft resolution, and the Library's "Make final (1080p)…" finishes it.
 */
function DraftSwitch({ draft, on, set }: { draft: NonNullable<ModelEntry['draft']>; on: boolean; set(v: boolean): void }) {
  const { t } = useTranslation('compose');
  const help = t('params.draftHelp', { resolution: draft.draftResolution, finals: draft.finalResolutions.join('/'), days: draft.validDays });
  return <SwitchField label={t('params.draftLabel', { resolution: draft.draftResolution })} checked={on} onChange={set} help={help} />;
}

/** Only the parameters the model has, with its real choices; the less common ones under "More". */
export function ParamsPanel({ model }: { model: ModelEntry }) {
  const draft = useStudio((s) => s.compose.draft);
  const chosen = useStudio((s) => s.compose.inputs);
  const setParam = useStudio((s) => s.compose.setParam);
  const { t } = useTranslation('compose');
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
    <div className="params" aria-label={t('params.group')} role="group">
      {model.draft ? <DraftSwitch draft={model.draft} on={params.draft} set={(v) => setParam('draft', v)} /> : null}
      {main.map((spec) => (
        <Param key={spec.key} spec={spec} params={params} set={setParam} lock={lock} />
      ))}
      {more.length ? (
        <details className="params-more">
          <summary>{t('params.more')}</summary>
          {more.map((spec) => (
            <Param key={spec.key} spec={spec} params={params} set={setParam} />
          ))}
        </details>
      ) : null}
    </div>
  );
}
