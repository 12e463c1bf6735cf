import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One message of the Compose footer: why Generate is off, or what the last Generate did. */
export interface FooterMessage {
  key: string;
  /** `nudge`: the blocking reason after a refused Ctrl/Cmd+Enter, shown louder; `warning`: a risk that does not block. */
  tone: 'info' | 'nudge' | 'warning' | 'done' | 'error';
  text: string;
  /** Set on the blocking reason, which Generate names as its description. */
  id?: string;
  action?: { label: string; run(): void };
}

const ICON = { info: Info, nudge: CircleAlert, warning: TriangleAlert, done: CircleCheck, error: CircleAlert } as const;

/**
 * The footer's messages on one line: the first, cut with an ellipsis (full text on hover), and
 * "+N" opening the rest above the footer. Every message stays in the DOM, so its text is there for
 * `aria-describedby`; the closed list is `hidden`.
 */
export function FooterMessages({ messages }: { messages: FooterMessage[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { t } = useTranslation('compose');
  const [first, ...rest] = messages;
  if (!first) return null;
  return (
    <div className="footer-messages">
      <Message message={first} />
      {rest.length > 0 ? (
        <>
          <button
            type="button"
            className="footer-more"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={open ? t('generate.hideMore', { count: rest.length }) : t('generate.showMore', { count: rest.length })}
            onClick={() => setOpen(!open)}
          >
            {t('generate.more', { n: rest.length })}
          </button>
          <div id={listId} className="footer-more-list" hidden={!open}>
            {rest.map((m) => (
              <Message key={m.key} message={m} wrap />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

function Message({ message, wrap = false }: { message: FooterMessage; wrap?: boolean }) {
  const Icon = ICON[message.tone];
  const className = message.key === 'reason' ? 'generate-reason' : 'generate-outcome';
  return (
    <p id={message.id} className={className} data-tone={message.tone} data-wrap={wrap || undefined}>
      <Icon aria-hidden="true" size={15} />
      <span className="footer-message-text" title={wrap ? undefined : message.text}>
        {message.text}
      </span>
      {message.action ? (
        <button type="button" className="text-button" onClick={message.action.run}>
          {message.action.label}
        </button>
      ) : null}
    </p>
  );
}
