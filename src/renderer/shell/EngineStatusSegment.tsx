import { CircleAlert, LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../shared/contract/app';
import { phraseText } from '../i18n/phrase';

/**
 * The status line's job-engine segment (contract `app:engine`): nothing while the engine runs or
 * its state is unknown; a word while it starts or restarts; "down", the reason as a tooltip (in the
 * UI's language when main gave its phrase), and a
 * Retry button (`onRetry`, i.e. `app:retryEngine`) once main has given up restarting it.
 */
export function EngineStatusSegment({ engine, onRetry }: { engine: EngineStatus | null; onRetry: (() => void) | null }) {
  const { t } = useTranslation('shell');
  if (!engine || engine.state === 'running') return null;
  return (
    <span className="status-segment" data-state={`engine-${engine.state}`} title={engine.message === undefined ? undefined : phraseText(engine.phrase, engine.message)}>
      {engine.state === 'down' ? <CircleAlert aria-hidden="true" size={14} /> : <LoaderCircle aria-hidden="true" size={14} />}
      {t(`engine.${engine.state}`)}
      {engine.state === 'down' && onRetry ? (
        <button type="button" className="status-action" onClick={onRetry}>
          {t('engine.retry')}
        </button>
      ) : null}
    </span>
  );
}
