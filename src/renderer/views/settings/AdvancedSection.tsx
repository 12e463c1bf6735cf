import { Gauge } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_INTERVAL_MS, type Settings } from '../../../shared/contract/settings';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote } from './Feedback';
import { Form } from './Form';
import { SecondsField } from './SecondsField';
import { useDraft } from './use-draft';
import { useSave } from './use-save';

const MIN_S = POLL_INTERVAL_MS.min / 1000;
const MAX_S = POLL_INTERVAL_MS.max / 1000;

/** Seconds as typed → whole ms, or null when not a number within the contract's bounds. */
function toMs(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const seconds = Number(trimmed);
  if (!Number.isFinite(seconds) || seconds < MIN_S || seconds > MAX_S) return null;
  return Math.round(seconds * 1000);
}

/** ms → the seconds shown in the field ("2.5", "30"). */
function toSeconds(ms: number): string {
  return String(ms / 1000);
}

/**
 * Advanced: how often a running task is polled, in seconds (the contract keeps ms). The engine
 * waits at least `min` and at most `max` between two polls of one task; EvoLink asks for at least
 * 1–2 s between requests (providers.md, EvoLink), hence the 1 s floor.
 */
export function AdvancedSection({ polling }: { polling: Settings['polling'] }) {
  const min = useDraft(toSeconds(polling.minIntervalMs));
  const max = useDraft(toSeconds(polling.maxIntervalMs));
  const [minError, setMinError] = useState<string | null>(null);
  const [maxError, setMaxError] = useState<string | null>(null);
  const { busy, note, formError, submit } = useSave();
  const { t } = useTranslation(['settings', 'common']);

  const onSubmit = () =>
    submit(min.dirty || max.dirty, () => {
      const range = t('advanced.range', { min: MIN_S, max: MAX_S });
      const minMs = toMs(min.draft);
      const maxMs = toMs(max.draft);
      const minProblem = minMs === null ? range : maxMs !== null && minMs > maxMs ? t('advanced.order') : null;
      setMinError(minProblem);
      setMaxError(maxMs === null ? range : null);
      if (minProblem || maxMs === null || minMs === null) return null;
      return async () => {
        const next = await useStudio.getState().settings.update({ polling: { minIntervalMs: minMs, maxIntervalMs: maxMs } });
        min.setDraft(toSeconds(next.polling.minIntervalMs));
        max.setDraft(toSeconds(next.polling.maxIntervalMs));
        return t('advanced.saved');
      };
    });

  return (
    <section className="card" aria-labelledby="advanced-title" id="settings-advanced">
      <h2 id="advanced-title" className="card-title">
        <Gauge aria-hidden="true" size={16} />
        {t('advanced.title')}
      </h2>
      <p className="card-text">{t('advanced.intro')}</p>
      <Form className="polling-form" onSubmit={() => void onSubmit()}>
        <SecondsField
          label={t('advanced.shortest')}
          value={min.draft}
          min={MIN_S}
          max={MAX_S}
          error={minError}
          onChange={(text) => {
            min.setDraft(text);
            setMinError(null);
          }}
        />
        <SecondsField
          label={t('advanced.longest')}
          value={max.draft}
          min={MIN_S}
          max={MAX_S}
          error={maxError}
          onChange={(text) => {
            max.setDraft(text);
            setMaxError(null);
          }}
        />
        <div className="field field-action">
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void onSubmit()}>
            {busy ? t('common:saving') : t('common:save')}
            <span className="visually-hidden">{t('advanced.saveWhat')}</span>
          </button>
        </div>
      </Form>
      <FieldError message={formError} />
      <StatusNote note={note} />
    </section>
  );
}
