import { AtSign, CircleCheck, TriangleAlert } from 'lucide-react';
import type { ReferenceItem } from '../../../shared/catalog/types';
import { promptTagReport, referenceTags } from '../../../shared/drafts/reference-tags';

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
  const tags = referenceTags(references);
  const report = promptTagReport(prompt, references);
  return (
    <div className="prompt-tags">
      <div className="prompt-tags-row" role="group" aria-label="Reference tags">
        <span className="prompt-tags-label" aria-hidden="true">
          <AtSign size={14} />
          Tags
        </span>
        {tags.length ? (
          tags.map((tag) => {
            const used = report.used.includes(tag);
            return (
              <button key={tag} type="button" className="tag-chip" data-used={used || undefined} title={`Insert ${tag} at the cursor`} onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(tag)}>
                {used ? <CircleCheck aria-hidden="true" size={13} /> : null}
                <span className="visually-hidden">Insert </span>
                {tag}
                {used ? <span className="visually-hidden"> (in the prompt)</span> : null}
              </button>
            );
          })
        ) : (
          <span className="compose-muted">Add files to the tray below; each gets a tag to cite it in the prompt.</span>
        )}
      </div>
      {report.used.length ? (
        <p className="prompt-tags-note compose-muted">
          The prompt uses {report.used.join(', ')}.
        </p>
      ) : tags.length ? (
        <p className="prompt-tags-note compose-muted">Click a tag to cite its file in the prompt, e.g. “@image1 walks into the room”.</p>
      ) : null}
      {report.missing.map((tag) => (
        <p key={tag} className="prompt-tags-note" data-tone="warn">
          <TriangleAlert aria-hidden="true" size={14} />
          {tag} has no file in the tray.
        </p>
      ))}
      {report.removed.map((mark) => (
        <p key={mark} className="prompt-tags-note" data-tone="warn">
          <TriangleAlert aria-hidden="true" size={14} />
          {mark} marks a mention of a removed {mark.slice(1, -1)}: cite another file or rewrite it.
        </p>
      ))}
    </div>
  );
}
