import { MessageSquareQuote } from 'lucide-react';
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelEntry } from '../../../shared/catalog/types';
import { useStudio } from '../../store/index';
import { promptLimit } from './prompt-limit';
import { PromptHistory } from './PromptHistory';

interface PromptEditorProps {
  model: ModelEntry | undefined;
  /** The textarea, for inserting a reference tag at the cursor. */
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Shown under the prompt: the reference tags it may use (`PromptTags`). */
  tags?: ReactNode;
}

/**
 * The prompt, large, with a live counter against the model's limit (hard limits block Generate,
 * recommendations warn), for models that make sound the hint about dialogue in quotes, and, for a
 * reference job, the tags it can use.
 */
export function PromptEditor({ model, textareaRef, tags }: PromptEditorProps) {
  const prompt = useStudio((s) => s.compose.draft?.prompt ?? '');
  const setPrompt = useStudio((s) => s.compose.setPrompt);
  const id = useId();
  const counterId = useId();
  const { t } = useTranslation('compose');
  const limit = model ? promptLimit(prompt, model.prompt) : null;
  const speaks = model?.params.some((p) => p.key === 'generateAudio') ?? false;
  const optional = model ? !model.prompt.required : false;

  return (
    <div className="compose-prompt">
      <div className="compose-prompt-head">
        <label id={`${id}-label`} htmlFor={id} className="compose-label">
          {t('prompt.label')}
          {optional ? <span className="compose-optional">{t('prompt.optional')}</span> : null}
        </label>
        <PromptHistory />
        {limit ? (
          <span id={counterId} className="prompt-counter" data-tone={limit.tone} aria-live="polite">
            {`${limit.count} / ${limit.max}`}
            <span className="visually-hidden">{model?.prompt.hard ? t('prompt.counterLimit') : t('prompt.counterRecommended')}</span>
          </span>
        ) : null}
      </div>
      <textarea
        ref={textareaRef}
        id={id}
        className="prompt-input"
        value={prompt}
        placeholder={t('prompt.placeholder')}
        spellCheck
        aria-describedby={counterId}
        aria-invalid={limit?.tone === 'over' ? true : undefined}
        onChange={(e) => setPrompt(e.target.value)}
      />
      {tags}
      <div className="compose-prompt-foot">
        {limit?.message ? (
          <p className="prompt-limit-note" data-tone={limit.tone}>
            {limit.message}
          </p>
        ) : null}
        {speaks ? (
          <p className="compose-hint">
            <MessageSquareQuote aria-hidden="true" size={15} />
            {t('prompt.dialogueHint')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
