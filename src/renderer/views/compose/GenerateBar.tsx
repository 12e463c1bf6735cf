import { LoaderCircle, Sparkles } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateCost, outputSizeFor } from '../../../shared/catalog/params';
import type { ModelChoice } from '../../../shared/contract/models';
import { inputsFor, jobParamsFromDraft } from '../../../shared/drafts/params';
import { ONE_TAKE } from '../../../shared/drafts/draft';
import { readiness } from '../../store/compose/readiness';
import { useStudio } from '../../store/index';
import { FooterMessages, type FooterMessage } from './FooterMessages';
import { formatCost, formatDuration, formatSize } from './format';
import { violationText } from './reference-verdict';
import type { ModelEntry } from '../../../shared/catalog/types';
import { batchProblem, type BatchPlan } from '../../../shared/jobs/batch-plan';
import { BatchConfirm } from './BatchConfirm';
import { batchCostText } from './batch-cost-text';
import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import { taskMismatchWarning } from '../../../shared/catalog/task-type';
import { phraseText } from '../../i18n/phrase';

/** Shown for a fact that does not apply yet (no model, no draft): a sign, the same in every language. */
const NONE = '—';

interface GenerateBarProps {
  model: ModelChoice | undefined;
  shortcut: string;
  /** A Ctrl/Cmd+Enter was refused and nothing changed since: the reason is shown louder and announced. */
  nudged: boolean;
  onGenerate(): void;
  /** Generate ×N's plan awaiting the user's confirm (`BatchConfirm`); null when none is asked. */
  batch: (Extract<BatchPlan, { ok: true }> & { model: ModelEntry }) | null;
  onSendBatch(): void;
  onCancelBatch(): void;
}

/**
 * The footer: output size, estimated cost, and Generate (Ctrl/Cmd+Enter). While anything blocks
 * it, Generate is disabled and the reason is written next to it — never silently; a refused
 * Ctrl/Cmd+Enter highlights that reason and announces it. The footer stays one line high: its
 * messages collapse to the first one and a "+N" disclosure (issue 14: it must never cover the prompt).
 */
export function GenerateBar({ model, shortcut, nudged, onGenerate, batch, onSendBatch, onCancelBatch }: GenerateBarProps) {
  const draft = useStudio((s) => s.compose.draft);
  const models = useStudio((s) => s.models.list?.models ?? null);
  const checks = useStudio((s) => s.compose.checks);
  const submit = useStudio((s) => s.compose.submit);
  const images = useStudio((s) => s.compose.images);
  const referenceCheck = useStudio((s) => s.compose.referenceCheck);
  const chosen = useStudio((s) => s.compose.inputs);
  const setView = useStudio((s) => s.shell.setView);
  const { count, seedList } = useStudio((s) => s.compose.draft?.variations ?? ONE_TAKE);
  const demo = useStudio((s) => s.app.info?.demo ?? false);
  const reasonId = useId();
  const { t } = useTranslation('compose');

  const ready = readiness({ draft, models, checks, referenceCheck, inputs: chosen, sending: submit.status === 'sending' });
  // A batch's own problem (a bad seed list) blocks Generate like any other reason, said beside it.
  const batchReason = ready.ready && count > 1 ? batchProblem(ready.model, count, seedList) : null;
  const state = batchReason ? { ready: false as const, reason: batchReason } : ready;
  const params = draft && model ? jobParamsFromDraft(draft, model, inputsFor(draft, model, chosen ?? undefined)) : null;
  const firstInfo = draft?.firstFrame ? (images[draft.firstFrame.imageId]?.info ?? (checks.first.status === 'done' ? checks.first.value.info : undefined)) : undefined;
  const size = model && params ? outputSizeFor(model, params, firstInfo) : null;
  const cost = model && params ? estimateCost(model, params, size) : null;

  const costText = count > 1 && model ? batchCostText(cost, count, PROVIDER_NAMES[model.provider], demo).short : formatCost(cost);

  // The reason Generate is off comes first: the button points at it (aria-describedby).
  const messages: FooterMessage[] = [];
  if (!state.ready) messages.push({ key: 'reason', tone: nudged ? 'nudge' : 'info', text: state.reason, id: reasonId });
  // The tray's set-level verdicts (counts, total seconds, audio alone…): each item's own are on its tile.
  if (params?.references && referenceCheck.status === 'done') {
    for (const [i, v] of referenceCheck.value.violations.entries()) {
      if (state.ready || phraseText(v.phrase, v.message) !== state.reason) messages.push({ key: `references-${i}`, tone: 'error', text: violationText(v) });
    }
  }
  // The provider infers the task from the prompt too and fails the job after it started when they
  // disagree (TaskTypeMismatch, seedance-2.5.md §2.8): said while the prompt reads so; it does not block.
  const wording = model && params?.references ? taskMismatchWarning(model, params) : null;
  if (wording) messages.push({ key: 'task-wording', tone: 'warning', text: wording });
  if (submit.status === 'sent') messages.push({ key: 'outcome', tone: 'done', text: submit.message, action: { label: t('generate.openQueue'), run: () => setView('queue') } });
  if (submit.status === 'error') messages.push({ key: 'outcome', tone: 'error', text: submit.message });

  return (
    <footer className="generate-bar">
      <dl className="generate-facts">
        <div>
          <dt>{t('generate.output')}</dt>
          <dd data-testid="output-size">{size ? t('generate.outputSize', { size: formatSize(size) }) : params ? t('generate.followsFirst') : NONE}</dd>
        </div>
        <div>
          <dt>{t('generate.duration')}</dt>
          <dd>{params ? formatDuration(params.duration) : NONE}</dd>
        </div>
        <div>
          <dt>{t('generate.cost')}</dt>
          {/* The title carries the whole estimate when a narrow footer cuts it. */}
          <dd data-testid="cost" title={model ? costText : undefined}>
            {model ? costText : NONE}
          </dd>
        </div>
      </dl>
      <div className="generate-action">
        <FooterMessages messages={messages} />
        {/* Announced, never shown: the visible line above may be collapsed or unchanged. */}
        <p className="visually-hidden" role="status">
          {submit.status === 'sent' ? submit.message : ''}
        </p>
        <p className="visually-hidden" role="alert">
          {submit.status === 'error' ? submit.message : !state.ready && nudged ? t('generate.blocked', { reason: state.reason }) : ''}
        </p>
        <button
          type="button"
          className="button primary generate-button"
          disabled={!state.ready}
          aria-describedby={state.ready ? undefined : reasonId}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={onGenerate}
        >
          {submit.status === 'sending' ? <LoaderCircle className="spin" aria-hidden="true" size={16} /> : <Sparkles aria-hidden="true" size={16} />}
          {count > 1 ? t('generate.buttonBatch', { n: count }) : t('generate.button')}
          <kbd className="kbd">{shortcut}</kbd>
        </button>
      </div>
      <BatchConfirm plan={batch} each={cost} demo={demo} onSend={onSendBatch} onCancel={onCancelBatch} />
    </footer>
  );
}
