import { AtSign, CircleCheck, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReferenceItem, ReferenceKind } from '../../../shared/catalog/types';
import { promptTagReport, referenceTags } from '../../../shared/drafts/reference-tags';
import { i18n } from '../../i18n/index';

const KINDS: readonly ReferenceKind[] = ['image', 'video', 'audio'];

interface PromptTagsProps {
  prompt: string;
  references: readonly Pick<ReferenceItem, 'kind'>[];
  /** Inserts `tag` at the prompt's cursor. */
  onInsert(tag: string): void;
}

/**
 * Under the prompt of a reference job: one chip per tray item (`@image1`, `@video1`…) that inserts
 * its tag at the cursor, marked (icon and words) when the prompt already uses it; then a warning
 * for each tag the prompt uses with no file, and for mentions of removed files (`@image?`).
 */
export function PromptTags({ prompt, references, onInsert }: PromptTagsProps) {
  const { t } = useTranslation('compose');
  const tags = referenceTags(references);
  const report = promptTagReport(prompt, references);
  return (
    <div className="prompt-tags">
      <div className="prompt-tags-row" role="group" aria-label={t('tags.group')}>
        <span className="prompt-tags-label" aria-hidden="true">
          <AtSign size={14} />
          {t('tags.label')}
        </span>
        {tags.length ? (
          tags.map((tag) => {
            const used = report.used.includes(tag);
            return (
              <button key={tag} type="button" className="tag-chip" data-used={used || undefined} title={t('tags.insertTitle', { tag })} onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(tag)}>
                {used ? <CircleCheck aria-hidden="true" size={13} /> : null}
                <span className="visually-hidden">{t('tags.insert')}</span>
                {tag}
                {used ? <span className="visually-hidden">{t('tags.inPrompt')}</span> : null}
              </button>
            );
          })
        ) : (
          <span className="compose-muted">{t('tags.empty')}</span>
        )}
      </div>
      {report.used.length ? (
        <p className="prompt-tags-note compose-muted">{t('tags.uses', { tags: report.used.join(', ') })}</p>
      ) : tags.length ? (
        <p className="prompt-tags-note compose-muted">{t('tags.hint')}</p>
      ) : null}
      {report.missing.map((tag) => (
        <p key={tag} className="prompt-tags-note" data-tone="warn">
          <TriangleAlert aria-hidden="true" size={14} />
          {t('tags.missing', { tag })}
        </p>
      ))}
      {report.removed.map((mark) => (
        <p key={mark} className="prompt-tags-note" data-tone="warn">
          <TriangleAlert aria-hidden="true" size={14} />
          {t('tags.removed', { mark, kind: kindWord(mark) })}
        </p>
      ))}
    </div>
  );
}

/** The kind a removed mark (`@image?`) names, in words ("image"), for the warning's sentence. */
function kindWord(mark: string): string {
  const kind = mark.slice(1, -1);
  return KINDS.includes(kind as ReferenceKind) ? i18n.t(`compose:kind.${kind as ReferenceKind}`) : kind;
}
