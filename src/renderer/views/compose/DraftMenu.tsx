import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, FilePlus, History } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { openDraft, refreshOlderDrafts, startNewDraft } from '../../store/compose/draft-list';
import { useStudio } from '../../store/index';
import type { Draft } from '../../../shared/drafts/draft';

function title(draft: Draft): string {
  const text = draft.prompt.trim().replace(/\s+/g, ' ');
  if (text) return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return draft.firstFrame ? i18n.t('compose:drafts.untitledPhoto') : i18n.t('compose:drafts.untitled');
}

/**
 * "New draft" and the list of older drafts. Leaving a draft saves it first; it stays in the list
 * (a blank one is dropped — it holds nothing). Failures are announced in the status line.
 */
export function DraftMenu() {
  const older = useStudio((s) => s.compose.olderDrafts);
  const announce = useStudio((s) => s.shell.announce);
  const [loading, setLoading] = useState(false);
  const { t } = useTranslation('compose');
  const run = (task: () => Promise<void>) => {
    task().catch((err: unknown) => announce(describeError(err)));
  };

  return (
    <div className="draft-menu">
      <button type="button" className="button subtle" onClick={() => run(() => startNewDraft(useStudio))}>
        <FilePlus aria-hidden="true" size={15} />
        {t('drafts.new')}
      </button>
      <DropdownMenu.Root
        onOpenChange={(open) => {
          if (!open) return;
          setLoading(true);
          run(() => refreshOlderDrafts(useStudio).finally(() => setLoading(false)));
        }}
      >
        <DropdownMenu.Trigger className="button subtle">
          <History aria-hidden="true" size={15} />
          {t('drafts.menu')}
          <ChevronDown aria-hidden="true" size={14} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="draft-list" align="end" sideOffset={6}>
            <DropdownMenu.Label className="draft-list-label">{t('drafts.older')}</DropdownMenu.Label>
            {loading && !older ? <p className="draft-list-empty">{t('drafts.loading')}</p> : null}
            {older && older.length === 0 ? <p className="draft-list-empty">{t('drafts.none')}</p> : null}
            {older?.map((d) => (
              <DropdownMenu.Item key={d.id} className="draft-list-item" onSelect={() => run(() => openDraft(useStudio, d.id))}>
                <span className="draft-list-title">{title(d)}</span>
                <span className="draft-list-when">{formatDateTime(d.updatedAt)}</span>
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
