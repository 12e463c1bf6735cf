import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, FilePlus, History } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../api/client';
import { openDraft, refreshOlderDrafts, startNewDraft } from '../../store/compose/draft-list';
import { useStudio } from '../../store/index';
import type { Draft } from '../../../shared/drafts/draft';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function title(draft: Draft): string {
  const text = draft.prompt.trim().replace(/\s+/g, ' ');
  if (text) return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return draft.firstFrame ? 'Untitled (with a photo)' : 'Untitled';
}

/**
 * "New draft" and the list of older drafts. Leaving a draft saves it first; it stays in the list
 * (a blank one is dropped — it holds nothing). Failures are announced in the status line.
 */
export function DraftMenu() {
  const older = useStudio((s) => s.compose.olderDrafts);
  const announce = useStudio((s) => s.shell.announce);
  const [loading, setLoading] = useState(false);
  const run = (task: () => Promise<void>) => {
    task().catch((err: unknown) => announce(describeError(err)));
  };

  return (
    <div className="draft-menu">
      <button type="button" className="button subtle" onClick={() => run(() => startNewDraft(useStudio))}>
        <FilePlus aria-hidden="true" size={15} />
        New draft
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
          Drafts
          <ChevronDown aria-hidden="true" size={14} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="draft-list" align="end" sideOffset={6}>
            <DropdownMenu.Label className="draft-list-label">Older drafts</DropdownMenu.Label>
            {loading && !older ? <p className="draft-list-empty">Loading…</p> : null}
            {older && older.length === 0 ? <p className="draft-list-empty">No older drafts yet.</p> : null}
            {older?.map((d) => (
              <DropdownMenu.Item key={d.id} className="draft-list-item" onSelect={() => run(() => openDraft(useStudio, d.id))}>
                <span className="draft-list-title">{title(d)}</span>
                <span className="draft-list-when">{when.format(d.updatedAt)}</span>
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
