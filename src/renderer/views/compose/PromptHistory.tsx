import * as Dialog from '@radix-ui/react-dialog';
import { History, Star } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PromptEntry } from '../../../shared/contract/prompts';
import { describeError } from '../../api/client';
import { currentLocale, i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { spendRequests } from '../../store/spend/slice';
import '../spend/dialog.css';
import './prompt-history.css';
import { modelName } from '../../i18n/model-name';

/** How long typing in the search waits before asking main: one request per pause, not per key. */
const SEARCH_MS = 150;

/** When a prompt was last used, short, in the UI's language: "Dec 02, 04:05 PM" / "12月02日 16:05". */
const ago = (at: number) => new Date(at).toLocaleString(currentLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Prompt history (issue 14): the "History" button by the prompt opens every prompt sent — once each,
 * with how often, when last and with which model — searchable, starred ones first. Clicking a prompt
 * (or Enter on it) puts it into Compose's prompt; the star keeps it for good. Keyboard: ↓ from the
 * search goes to the list, ↑/↓/Home/End move in it, Escape closes (focus returns to the button).
 */
export function PromptHistory() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [starredOnly, setStarredOnly] = useState(false);
  const [items, setItems] = useState<PromptEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const searchId = useId();
  const setPrompt = useStudio((s) => s.compose.setPrompt);
  const { t } = useTranslation('compose');

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      spendRequests(useStudio.getState())
        .prompts.list({ query, starred: starredOnly })
        .then((answer) => {
          if (!live) return;
          setItems(answer.items);
          setTotal(answer.total);
          setError(null);
        })
        .catch((err: unknown) => live && setError(describeError(err)));
    }, SEARCH_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query, starredOnly]);

  const star = async (entry: PromptEntry) => {
    try {
      const { entry: next } = await spendRequests(useStudio.getState()).prompts.star({ text: entry.text, starred: !entry.starred, modelId: entry.modelId });
      setItems((all) => (all ?? []).map((e) => (e.text === next.text ? next : e)).filter((e) => !starredOnly || e.starred));
    } catch (err) {
      setError(describeError(err));
    }
  };

  const use = (entry: PromptEntry) => {
    setPrompt(entry.text);
    setOpen(false);
    useStudio.getState().shell.announce(i18n.t('compose:history.announced'));
  };

  /** Arrow keys move between the prompts' buttons (the use buttons; Tab reaches each star). */
  const moveFocus = (e: KeyboardEvent, from: 'search' | 'list') => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('.prompt-use') ?? [])];
    if (buttons.length === 0) return;
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = from === 'search' ? 0 : Math.min(buttons.length - 1, at + 1);
    else if (e.key === 'ArrowUp' && from === 'list') next = Math.max(0, at - 1);
    else if (e.key === 'Home' && from === 'list') next = 0;
    else if (e.key === 'End' && from === 'list') next = buttons.length - 1;
    if (next === null) return;
    e.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        // Each opening starts from the whole history; "Starred only" stays as the user left it.
        if (next) setQuery('');
        setOpen(next);
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="button prompt-history-button" aria-label={t('history.buttonLabel')} title={t('history.buttonTitle')}>
          <History aria-hidden="true" size={15} />
          {t('history.button')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="spend-dialog-overlay" />
        <Dialog.Content className="spend-dialog prompt-history" aria-describedby={undefined}>
          <Dialog.Title className="spend-dialog-title">
            <History aria-hidden="true" size={20} />
            {t('history.title')}
          </Dialog.Title>
          <div className="prompt-history-search">
            <label htmlFor={searchId} className="visually-hidden">
              {t('history.search')}
            </label>
            <input
              id={searchId}
              type="search"
              className="prompt-history-input"
              placeholder={t('history.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => moveFocus(e, 'search')}
            />
            <label className="prompt-history-toggle">
              <input type="checkbox" checked={starredOnly} onChange={(e) => setStarredOnly(e.target.checked)} />
              {t('history.starredOnly')}
            </label>
          </div>
          {error ? (
            <p className="spend-error" role="alert">
              {error}
            </p>
          ) : null}
          <p className="prompt-history-count" role="status">
            {items === null ? t('history.reading') : total === 0 ? (query || starredOnly ? t('history.noMatch') : t('history.empty')) : t('history.count', { count: total })}
          </p>
          <ul ref={list} className="prompt-history-list" aria-label={t('history.list')} onKeyDown={(e) => moveFocus(e, 'list')}>
            {(items ?? []).map((entry) => (
              <li key={entry.text} className="prompt-history-item">
                <button type="button" className="prompt-use" title={t('history.useTitle')} onClick={() => use(entry)}>
                  <span className="prompt-use-text">{entry.text}</span>
                  <span className="prompt-use-meta">
                    {t('history.meta', { usage: entry.count === 0 ? t('history.starred') : t('history.used', { n: entry.count, when: ago(entry.lastUsedAt) }), model: modelName(entry.modelId) })}
                  </span>
                </button>
                <button type="button" className="prompt-star" aria-label={t('history.star')} aria-pressed={entry.starred} title={entry.starred ? t('history.starredTitle') : t('history.starTitle')} onClick={() => void star(entry)}>
                  <Star aria-hidden="true" size={16} fill={entry.starred ? 'currentColor' : 'none'} />
                </button>
              </li>
            ))}
          </ul>
          <div className="spend-dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('history.close')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
