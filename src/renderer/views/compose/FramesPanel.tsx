import { ArrowLeftRight, Copy } from 'lucide-react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelEntry } from '../../../shared/catalog/types';
import type { FrameRole } from '../../store/compose/edits';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { FrameSlot } from './FrameSlot';

interface FramesPanelProps {
  model: ModelEntry | undefined;
  inputs: Record<FrameRole, RefObject<HTMLInputElement | null>>;
  shortcut: string;
  onActivate(role: FrameRole): void;
}

/** Why the model takes no image in `role`, or null when it does. */
function unusedReason(model: ModelEntry | undefined, role: FrameRole): string | null {
  if (!model) return null;
  const takesImages = model.modes.includes('image-to-video') || model.modes.includes('first-last-frame');
  // The job leaves such a photo out (`jobParamsFromDraft`); the draft keeps it for another model.
  if (!takesImages) return i18n.t('compose:frames.unusedTextOnly');
  if (role === 'last' && !model.modes.includes('first-last-frame')) return i18n.t('compose:frames.unusedNoLast');
  return null;
}

/** First and last frame side by side, with Swap (⇄) and "Use for both" between them — one action each. */
export function FramesPanel({ model, inputs, shortcut, onActivate }: FramesPanelProps) {
  const hasFirst = useStudio((s) => Boolean(s.compose.draft?.firstFrame));
  const hasLast = useStudio((s) => Boolean(s.compose.draft?.lastFrame));
  const swap = useStudio((s) => s.compose.swapFrames);
  const copyToBoth = useStudio((s) => s.compose.copyToBoth);
  const { t } = useTranslation('compose');
  const source: FrameRole | null = hasFirst ? 'first' : hasLast ? 'last' : null;

  return (
    <div className="frames">
      <div className="frames-row">
        <FrameSlot role="first" model={model} unusedReason={unusedReason(model, 'first')} inputRef={inputs.first} shortcut={shortcut} onActivate={onActivate} />
        <FrameSlot role="last" model={model} unusedReason={unusedReason(model, 'last')} inputRef={inputs.last} shortcut={shortcut} onActivate={onActivate} />
      </div>
      <div className="frames-actions">
        <button type="button" className="button subtle" disabled={!hasFirst && !hasLast} onClick={swap}>
          <ArrowLeftRight aria-hidden="true" size={15} />
          {t('frames.swap')}
        </button>
        <button type="button" className="button subtle" disabled={!source} onClick={() => source && copyToBoth(source)}>
          <Copy aria-hidden="true" size={15} />
          {source === 'last' ? t('frames.useLastForBoth') : t('frames.useFirstForBoth')}
        </button>
      </div>
    </div>
  );
}
