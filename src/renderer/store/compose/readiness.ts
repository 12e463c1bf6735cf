import { issuePhrase, paramsSchema } from '../../../shared/catalog/params';
import type { JobParams } from '../../../shared/catalog/types';
import type { ReferenceCheck } from '../../../shared/contract/media';
import type { ModelChoice } from '../../../shared/contract/models';
import type { Draft } from '../../../shared/drafts/draft';
import { inputsFor, jobParamsFromDraft, takesFrames, type DraftInputs } from '../../../shared/drafts/params';
import type { FrameRole } from './edits';
import type { CheckState, Keyed } from './frame-state';
import { referenceBlocker } from './reference-readiness';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';
import { modelName, unavailableText } from '../../i18n/model-name';

/** What decides whether Generate may run. `models` is null while the list is loading. */
export interface ReadinessInput {
  draft: Draft | null;
  models: readonly ModelChoice[] | null;
  checks: Record<FrameRole, CheckState>;
  /** The tray's `media:check`; absent = idle. */
  referenceCheck?: Keyed<ReferenceCheck>;
  /** The user's pick of frames or references on a row taking both; absent = follow the draft. */
  inputs?: DraftInputs | null;
  sending: boolean;
}

/** Either the job to submit, or the reason written next to the disabled Generate button. */
export type Readiness = { ready: true; model: ModelChoice; params: JobParams } | { ready: false; reason: string };

const not = (reason: string): Readiness => ({ ready: false, reason });

/**
 * Whether the draft can be generated now, and if not, why — in the words shown next to the
 * disabled Generate button (UX.md, "Compose": "Disabled with the reason written next to it"), in
 * the UI's language.
 * Order: draft and model, availability, prompt, then the job's inputs — either the frames the
 * model needs and each used frame's verdict (an image rule the fix cannot mend blocks; fixable
 * ones do not, the fix runs on submit), or the reference tray (`referenceBlocker`) — then the
 * catalog's own parameter schema as the last word. Pure.
 */
export function readiness({ draft, models, checks, referenceCheck, inputs: chosen, sending }: ReadinessInput): Readiness {
  if (!draft) return not(i18n.t('compose:ready.loadingDraft'));
  if (!models) return not(i18n.t('compose:ready.loadingModels'));
  const model = models.find((m) => m.id === draft.modelId);
  if (!model) return not(i18n.t('compose:ready.pickModel'));
  if (!model.available) return not(model.unavailableReason === undefined ? i18n.t('compose:ready.unavailable', { model: modelName(model) }) : unavailableText(model));

  const text = draft.prompt.trim();
  if (model.prompt.required && !text) return not(i18n.t('compose:ready.writePrompt'));
  if (model.prompt.hard && draft.prompt.length > model.prompt.maxChars) {
    return not(i18n.t('compose:ready.promptOver', { over: draft.prompt.length - model.prompt.maxChars, max: model.prompt.maxChars }));
  }

  const inputs = inputsFor(draft, model, chosen ?? undefined);
  if (inputs === 'references') {
    const blocker = referenceBlocker(draft, referenceCheck ?? { status: 'idle' });
    if (blocker) return not(blocker);
    return finish(draft, model, inputs, sending);
  }

  // A frame the model takes no image in is greyed out and left out of the job (`jobParamsFromDraft`),
  // so it never blocks: it stays in the draft for when the user switches back.
  const takesImages = takesFrames(model);
  const used: Record<FrameRole, boolean> = {
    first: takesImages && Boolean(draft.firstFrame),
    last: model.modes.includes('first-last-frame') && Boolean(draft.lastFrame),
  };
  if (!model.modes.includes('text-to-video') && !draft.firstFrame) return not(i18n.t('compose:ready.addFirstFrame'));
  if (used.last && !draft.firstFrame) return not(i18n.t('compose:ready.lastNeedsFirst'));

  for (const role of ['first', 'last'] as const) {
    if (!used[role]) continue;
    const check = checks[role];
    if (check.status === 'idle' || check.status === 'busy') return not(i18n.t(`compose:ready.checking.${role}`));
    if (check.status === 'error') return not(i18n.t(`compose:ready.unusable.${role}`, { reason: check.message }));
    const unfixable = check.value.violations.find((v) => v.rule === 'model');
    if (unfixable) return not(phraseText(unfixable.phrase, unfixable.message));
  }

  return finish(draft, model, inputs, sending);
}

/** The last word: not while sending, then the catalog's own parameter schema. */
function finish(draft: Draft, model: ModelChoice, inputs: DraftInputs, sending: boolean): Readiness {
  if (sending) return not(i18n.t('compose:ready.sending'));
  const params = jobParamsFromDraft(draft, model, inputs);
  const parsed = paramsSchema(model).safeParse(params);
  if (parsed.success) return { ready: true, model, params };
  const first = parsed.error.issues[0];
  return not(first ? phraseText(issuePhrase(first), first.message) : i18n.t('compose:ready.invalidSettings'));
}
