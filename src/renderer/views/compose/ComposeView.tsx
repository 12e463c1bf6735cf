import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/drafts/draft';
import { inputsFor, takesFrames, takesReferences } from '../../../shared/drafts/params';
import { insertTag } from '../../../shared/drafts/reference-tags';
import { ViewHeader } from '../../components/ViewHeader';
import type { FrameRole } from '../../store/compose/edits';
import { imageFileFrom } from '../../store/compose/frame-files';
import { generate, generateBatch, planBatchNow, readinessNow } from '../../store/compose/generate';
import type { BatchPlan } from '../../../shared/jobs/batch-plan';
import type { ModelEntry } from '../../../shared/catalog/types';
import { addReferenceFiles } from '../../store/compose/reference-actions';
import { filesFrom } from '../../store/compose/reference-files';
import { useStudio } from '../../store/index';
import { selectModel } from '../../store/models/slice';
import { DraftMenu } from './DraftMenu';
import { FramesPanel } from './FramesPanel';
import { GenerateBar } from './GenerateBar';
import { ModelPicker } from './ModelPicker';
import { ParamsPanel } from './ParamsPanel';
import { VariationsField } from './VariationsField';
import { ChoiceField } from './ChoiceField';
import { PromptEditor } from './PromptEditor';
import { PromptTags } from './PromptTags';
import { ReferenceTray } from './ReferenceTray';
import { SaveStatus } from './SaveStatus';
import { TaskField } from './TaskField';
import './compose.css';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);
const MOD = IS_MAC ? '⌘' : 'Ctrl+';

/**
 * Compose (UX.md, "Compose"): the prompt, then first and last frame — or, on a reference-to-video
 * row, the reference tray and the prompt's tags — in the main column; model and parameters on the
 * right; output size, cost and Generate in the footer. A row taking both (ModelArk 2.0) offers
 * the choice, since the providers never take both in one job. Keys: Ctrl/Cmd+Enter generates,
 * Ctrl/Cmd+O opens the picker of the active frame or the tray, and a paste fills it.
 * The draft saves itself (see `connectCompose`).
 */
export function ComposeView() {
  const draft = useStudio((s) => s.compose.draft);
  const loadError = useStudio((s) => s.compose.loadError);
  const model = useStudio((s) => selectModel(s, s.compose.draft?.modelId));
  const { t } = useTranslation('compose');
  const firstInput = useRef<HTMLInputElement>(null);
  const lastInput = useRef<HTMLInputElement>(null);
  const trayInput = useRef<HTMLInputElement>(null);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const chosen = useStudio((s) => s.compose.inputs);
  const setInputs = useStudio((s) => s.compose.setInputs);
  const inputs = draft && model ? inputsFor(draft, model, chosen ?? undefined) : 'frames';
  const tray = inputs === 'references' && model?.references ? { ...model, references: model.references } : null;
  const active = useRef<FrameRole>('first');
  // The draft as it was when Ctrl/Cmd+Enter was refused: until it changes, the footer says why, louder.
  const [refused, setRefused] = useState<Draft | null>(null);
  // Generate ×N's plan (seeds rolled once) while its confirm is open.
  const [batch, setBatch] = useState<(Extract<BatchPlan, { ok: true }> & { model: ModelEntry }) | null>(null);

  useEffect(() => {
    /** The slot a paste or Ctrl+O fills: the one last used, unless the model takes no image there. */
    const target = (): FrameRole => {
      const m = selectModel(useStudio.getState(), useStudio.getState().compose.draft?.modelId);
      return active.current === 'last' && m?.modes.includes('first-last-frame') ? 'last' : 'first';
    };
    /** True when the current job takes the reference tray rather than frames. */
    const usesTray = () => {
      const { compose } = useStudio.getState();
      const m = selectModel(useStudio.getState(), compose.draft?.modelId);
      return Boolean(m && compose.draft && inputsFor(compose.draft, m, compose.inputs ?? undefined) === 'references');
    };
    const onKey = (e: KeyboardEvent) => {
      const mod = IS_MAC ? e.metaKey : e.ctrlKey;
      if (!mod || e.altKey || e.shiftKey) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        if (!startGenerate(setBatch)) setRefused(useStudio.getState().compose.draft);
      } else if (e.key.toLowerCase() === 'o') {
        e.preventDefault();
        (usesTray() ? trayInput : target() === 'last' ? lastInput : firstInput).current?.click();
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (usesTray()) {
        const files = filesFrom(e.clipboardData);
        if (!files.length) return; // Text pastes go where they were aimed.
        e.preventDefault();
        void addReferenceFiles(useStudio, files); // Records its own failures.
        return;
      }
      const file = imageFileFrom(e.clipboardData);
      if (!file) return; // Text pastes go where they were aimed.
      e.preventDefault();
      void useStudio.getState().compose.importFile(target(), file); // importFile records its own failure.
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  return (
    <div className="compose">
      <ViewHeader
        title={t('view.title')}
        subtitle={t('view.subtitle')}
        actions={
          <>
            {draft ? <SaveStatus /> : null}
            <DraftMenu />
          </>
        }
      />
      {loadError ? (
        <p className="compose-error" role="alert">
          {t('view.loadError', { message: loadError })}
        </p>
      ) : !draft ? (
        <p className="compose-muted">{t('view.opening')}</p>
      ) : (
        <>
          <div className="compose-grid">
            <div className="compose-main">
              {/* The prompt first: it stays in sight however tall the frames grow (issue 14). */}
              <PromptEditor
                model={model}
                textareaRef={promptRef}
                tags={tray ? <PromptTags prompt={draft.prompt} references={draft.references} onInsert={(tag) => insertIntoPrompt(promptRef.current, tag)} /> : null}
              />
              {model && takesFrames(model) && takesReferences(model) ? (
                <ChoiceField
                  label={t('view.startFrom')}
                  choices={[
                    { value: 'frames', label: t('view.startFromFrames') },
                    { value: 'references', label: t('view.startFromReferences') },
                  ]}
                  value={inputs}
                  onChange={(v) => setInputs(v === 'references' ? 'references' : 'frames')}
                  help={t('view.startFromHelp')}
                />
              ) : null}
              {/* The task (Seedance 2.5) is a reference-mode setting: shown with the tray. */}
              {tray ? <TaskField model={tray} /> : null}
              {tray ? (
                <ReferenceTray model={tray} inputRef={trayInput} shortcut={`${MOD}O`} />
              ) : (
                <FramesPanel model={model} inputs={{ first: firstInput, last: lastInput }} shortcut={`${MOD}O`} onActivate={(role) => (active.current = role)} />
              )}
            </div>
            <aside className="compose-side" aria-label={t('view.side')}>
              <ModelPicker selected={model} />
              {model ? <ParamsPanel model={model} /> : null}
              {model ? <VariationsField model={model} /> : null}
            </aside>
          </div>
          <GenerateBar
            model={model}
            shortcut={`${MOD}${IS_MAC ? '↵' : 'Enter'}`}
            nudged={refused !== null && refused === draft}
            onGenerate={() => startGenerate(setBatch)}
            batch={batch}
            onSendBatch={() => {
              const takes = batch?.takes ?? [];
              setBatch(null);
              void generateBatch(useStudio, takes); // records its own outcome.
            }}
            onCancelBatch={() => setBatch(null)}
          />
        </>
      )}
    </div>
  );
}

/**
 * Generate (button or Ctrl/Cmd+Enter): one take is sent at once; a batch (Takes per Generate 2–8)
 * is planned — seeds rolled — and handed to `openBatch` for its confirm. False when nothing can
 * be sent (the footer says why).
 */
function startGenerate(openBatch: (plan: Extract<BatchPlan, { ok: true }> & { model: ModelEntry }) => void): boolean {
  const state = useStudio.getState();
  if ((state.compose.draft?.variations.count ?? 1) < 2) {
    if (!readinessNow(state).ready) return false;
    void generate(useStudio); // generate records its own outcome.
    return true;
  }
  const plan = planBatchNow(state);
  if (!plan?.ok) return false;
  openBatch(plan);
  return true;
}

/**
 * Inserts a reference tag at the prompt's cursor (or over its selection), then puts the caret
 * after it and the focus back in the prompt, so typing goes on.
 */
function insertIntoPrompt(textarea: HTMLTextAreaElement | null, tag: string): void {
  const { compose } = useStudio.getState();
  const prompt = compose.draft?.prompt ?? '';
  const start = textarea?.selectionStart ?? prompt.length;
  const end = textarea?.selectionEnd ?? prompt.length;
  const next = insertTag(prompt, start, end, tag);
  compose.setPrompt(next.prompt);
  requestAnimationFrame(() => {
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(next.caret, next.caret);
  });
}
