import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../shared/drafts/draft';
import { ViewHeader } from '../../components/ViewHeader';
import type { FrameRole } from '../../store/compose/edits';
import { imageFileFrom } from '../../store/compose/frame-files';
import { generate, readinessNow } from '../../store/compose/generate';
import { useStudio } from '../../store/index';
import { selectModel } from '../../store/models/slice';
import { DraftMenu } from './DraftMenu';
import { FramesPanel } from './FramesPanel';
import { GenerateBar } from './GenerateBar';
import { ModelPicker } from './ModelPicker';
import { ParamsPanel } from './ParamsPanel';
import { PromptEditor } from './PromptEditor';
import { SaveStatus } from './SaveStatus';
import './compose.css';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);
const MOD = IS_MAC ? '⌘' : 'Ctrl+';

/**
 * Compose (UX.md, "Compose"): the prompt, then first and last frame, in the main column; model and
 * parameters on the right; output size, cost and Generate in the footer. Keys: Ctrl/Cmd+Enter
 * generates, Ctrl/Cmd+O opens the picker of the active frame, and pasting an image fills it.
 * The draft saves itself (see `connectCompose`).
 */
export function ComposeView() {
  const draft = useStudio((s) => s.compose.draft);
  const loadError = useStudio((s) => s.compose.loadError);
  const model = useStudio((s) => selectModel(s, s.compose.draft?.modelId));
  const firstInput = useRef<HTMLInputElement>(null);
  const lastInput = useRef<HTMLInputElement>(null);
  const active = useRef<FrameRole>('first');
  // The draft as it was when Ctrl/Cmd+Enter was refused: until it changes, the footer says why, louder.
  const [refused, setRefused] = useState<Draft | null>(null);

  useEffect(() => {
    /** The slot a paste or Ctrl+O fills: the one last used, unless the model takes no image there. */
    const target = (): FrameRole => {
      const m = selectModel(useStudio.getState(), useStudio.getState().compose.draft?.modelId);
      return active.current === 'last' && m?.modes.includes('first-last-frame') ? 'last' : 'first';
    };
    const onKey = (e: KeyboardEvent) => {
      const mod = IS_MAC ? e.metaKey : e.ctrlKey;
      if (!mod || e.altKey || e.shiftKey) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        if (readinessNow(useStudio.getState()).ready) void generate(useStudio); // generate records its own outcome.
        else setRefused(useStudio.getState().compose.draft);
      } else if (e.key.toLowerCase() === 'o') {
        e.preventDefault();
        (target() === 'last' ? lastInput : firstInput).current?.click();
      }
    };
    const onPaste = (e: ClipboardEvent) => {
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
        title="Compose"
        subtitle="Start a video from a prompt, a first frame, or a first and last frame."
        actions={
          <>
            {draft ? <SaveStatus /> : null}
            <DraftMenu />
          </>
        }
      />
      {loadError ? (
        <p className="compose-error" role="alert">
          The draft could not be opened: {loadError}
        </p>
      ) : !draft ? (
        <p className="compose-muted">Opening your draft…</p>
      ) : (
        <>
          <div className="compose-grid">
            <div className="compose-main">
              {/* The prompt first: it stays in sight however tall the frames grow (issue 14). */}
              <PromptEditor model={model} />
              <FramesPanel model={model} inputs={{ first: firstInput, last: lastInput }} shortcut={`${MOD}O`} onActivate={(role) => (active.current = role)} />
            </div>
            <aside className="compose-side" aria-label="Model and parameters">
              <ModelPicker selected={model} />
              {model ? <ParamsPanel model={model} /> : null}
            </aside>
          </div>
          <GenerateBar model={model} shortcut={`${MOD}${IS_MAC ? '↵' : 'Enter'}`} nudged={refused !== null && refused === draft} onGenerate={() => void generate(useStudio)} />
        </>
      )}
    </div>
  );
}
