import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeTags } from '../../../shared/library/sidecar';

/**
 * The clip's tags as removable chips and a field to add more (Enter or comma adds; Backspace in
 * the empty field removes the last). Tags are normalised as main stores them (`normalizeTags`).
 */
export function TagEditor({ tags, onChange }: { tags: readonly string[]; onChange(tags: string[]): void }) {
  const [draft, setDraft] = useState('');
  const { t } = useTranslation('library');
  const add = () => {
    const next = normalizeTags([...tags, ...draft.split(',')]);
    setDraft('');
    if (next.length !== tags.length) onChange(next);
  };
  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label={t('tags.label')}>
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button type="button" aria-label={t('tags.remove', { tag })} onClick={() => onChange(tags.filter((other) => other !== tag))}>
              <X aria-hidden="true" size={12} />
            </button>
          </li>
        ))}
      </ul>
      <form
        className="tag-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          value={draft}
          maxLength={40}
          placeholder={tags.length ? t('tags.placeholder') : t('tags.placeholderFirst')}
          aria-label={t('tags.newTag')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === ',') {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
              onChange(tags.slice(0, -1));
            }
          }}
        />
        <button type="submit" className="icon-button" aria-label={t('tags.add')} disabled={draft.trim() === ''}>
          <Plus aria-hidden="true" size={16} />
        </button>
      </form>
    </div>
  );
}
