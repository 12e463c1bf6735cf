import { CircleAlert, CircleCheck, Info, LoaderCircle, Sparkles } from 'lucide-react';
import { useId } from 'react';
import { estimateCost, outputSizeFor } from '../../../shared/catalog/params';
import type { ModelChoice } from '../../../shared/contract/models';
import { jobParamsFromDraft } from '../../../shared/drafts/params';
import { readiness } from '../../store/compose/readiness';
import type { SubmitState } from '../../store/compose/slice';
import { useStudio } from '../../store/index';
import { formatCost, formatSize } from './format';

/**
 * The footer: output size, estimated cost, and Generate (Ctrl/Cmd+Enter). While anything blocks
 * it, Generate is disabled and the reason is written next to it — never silently.
 */
export function GenerateBar({ model, shortcut, onGenerate }: { model: ModelChoice | undefined; shortcut: string; onGenerate(): void }) {
  const draft = useStudio((s) => s.compose.draft);
  const models = useStudio((s) => s.models.list?.models ?? null);
  const checks = useStudio((s) => s.compose.checks);
  const submit = useStudio((s) => s.compose.submit);
  const images = useStudio((s) => s.compose.images);
  const setView = useStudio((s) => s.shell.setView);
  const reasonId = useId();

  const state = readiness({ draft, models, checks, sending: submit.status === 'sending' });
  const params = draft && model ? jobParamsFromDraft(draft, model) : null;
  const firstInfo = draft?.firstFrame ? (images[draft.firstFrame.imageId]?.info ?? (checks.first.status === 'done' ? checks.first.value.info : undefined)) : undefined;
  const size = model && params ? outputSizeFor(model, params, firstInfo) : null;
  const cost = model && params ? estimateCost(model, params, size) : null;

  return (
    <footer className="generate-bar">
      <dl className="generate-facts">
        <div>
          <dt>Output</dt>
          <dd data-testid="output-size">{size ? `${formatSize(size)} px` : params ? 'follows the first frame' : '—'}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{params ? `${params.duration} s` : '—'}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd data-testid="cost">{model ? formatCost(cost) : '—'}</dd>
        </div>
      </dl>
      <div className="generate-action">
        <Outcome submit={submit} onOpenQueue={() => setView('queue')} />
        {!state.ready ? (
          <p id={reasonId} className="generate-reason">
            <Info aria-hidden="true" size={15} />
            {state.reason}
          </p>
        ) : null}
        <button
          type="button"
          className="button primary generate-button"
          disabled={!state.ready}
          aria-describedby={state.ready ? undefined : reasonId}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={onGenerate}
        >
          {submit.status === 'sending' ? <LoaderCircle className="spin" aria-hidden="true" size={16} /> : <Sparkles aria-hidden="true" size={16} />}
          Generate
          <kbd className="kbd">{shortcut}</kbd>
        </button>
      </div>
    </footer>
  );
}

function Outcome({ submit, onOpenQueue }: { submit: SubmitState; onOpenQueue(): void }) {
  if (submit.status === 'sent') {
    return (
      <p className="generate-outcome" data-tone="done" role="status">
        <CircleCheck aria-hidden="true" size={15} />
        {submit.message}
        <button type="button" className="text-button" onClick={onOpenQueue}>
          Open Queue
        </button>
      </p>
    );
  }
  if (submit.status === 'error') {
    return (
      <p className="generate-outcome" data-tone="error" role="alert">
        <CircleAlert aria-hidden="true" size={15} />
        {submit.message}
      </p>
    );
  }
  return null;
}
