import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../../shared/catalog/types';
import { BaseUrl, type ProviderSettings } from '../../../shared/contract/settings';
import { wholeNumberIn } from '../../components/whole-number';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote } from './Feedback';
import { Form } from './Form';
import { PROVIDER_LABELS } from './providers';
import { useDraft } from './use-draft';
import { useSave } from './use-save';

/** Concurrency bounds, as the contract's `ProviderSettings.concurrency` sets them. */
const CONCURRENCY = { min: 1, max: 20 } as const;

/** Providers whose uploads have a host of their own, which follows this Base URL (main's `effectiveBaseUrls`). */
const UPLOADS_TOO: readonly ProviderId[] = ['fal', 'evolink'];

interface ConnectionFormProps {
  provider: ProviderId;
  value: ProviderSettings;
}

/**
 * A provider's base URL override (for proxies and test servers; empty = the provider's own
 * address) and how many jobs run there at once. Checked here with the contract's own rules
 * before sending, and again by main; a refused value leaves the setting as it was, and says why.
 */
export function ConnectionForm({ provider, value }: ConnectionFormProps) {
  const name = PROVIDER_LABELS[provider].name;
  const urlId = useId();
  const concurrencyId = useId();
  const urlHelpId = useId();
  const urlErrorId = useId();
  const concurrencyErrorId = useId();
  const concurrencyHelpId = useId();
  const baseUrl = useDraft(value.baseUrl ?? '');
  const concurrency = useDraft(String(value.concurrency));
  const [urlError, setUrlError] = useState<string | null>(null);
  const [concurrencyError, setConcurrencyError] = useState<string | null>(null);
  const { busy, note, formError, submit } = useSave();
  const { t } = useTranslation(['settings', 'common']);

  const onSubmit = () =>
    submit(baseUrl.dirty || concurrency.dirty, () => {
      const change: Partial<ProviderSettings> = {};
      let urlProblem: string | null = null;
      let concurrencyProblem: string | null = null;
      if (baseUrl.dirty) {
        const text = baseUrl.draft.trim();
        if (text === '') change.baseUrl = null;
        else {
          const parsed = BaseUrl.safeParse(text);
          if (parsed.success) change.baseUrl = parsed.data;
          else urlProblem = parsed.error.issues[0]?.message ?? t('connection.badUrl');
        }
      }
      if (concurrency.dirty) {
        const n = wholeNumberIn(concurrency.draft, CONCURRENCY.min, CONCURRENCY.max);
        if (n !== null) change.concurrency = n;
        else concurrencyProblem = t('connection.concurrencyError', CONCURRENCY);
      }
      setUrlError(urlProblem);
      setConcurrencyError(concurrencyProblem);
      if (urlProblem || concurrencyProblem) return null;
      return async () => {
        const next = await useStudio.getState().settings.update({ providers: { [provider]: change } });
        // Show the values as main stored them (e.g. without a trailing slash).
        baseUrl.setDraft(next.providers[provider].baseUrl ?? '');
        concurrency.setDraft(String(next.providers[provider].concurrency));
        return t('connection.saved');
      };
    });

  return (
    <Form className="connection-form" onSubmit={() => void onSubmit()}>
      <div className="connection-fields">
        <div className="field field-grow">
          <label htmlFor={urlId} className="field-label">
            {t('connection.baseUrl')}
            <span className="visually-hidden">{t('connection.forName', { name })}</span>
          </label>
          <input
            id={urlId}
            className="input input-mono"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder={t('connection.placeholder')}
            value={baseUrl.draft}
            onChange={(e) => {
              baseUrl.setDraft(e.target.value);
              setUrlError(null);
            }}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? `${urlErrorId} ${urlHelpId}` : urlHelpId}
          />
          <p id={urlHelpId} className="field-help">
            {t('connection.help')}
            {UPLOADS_TOO.includes(provider) ? t('connection.helpUploads') : t('connection.helpCheck')}
            {t('connection.inUse')}
            <span className="in-use">{value.baseUrl ?? t('connection.defaultAddress')}</span>
          </p>
          <FieldError id={urlErrorId} message={urlError} />
        </div>
        <div className="field field-narrow">
          <label htmlFor={concurrencyId} className="field-label">
            {t('connection.concurrency')}
            <span className="visually-hidden">{t('connection.atName', { name })}</span>
          </label>
          <input
            id={concurrencyId}
            className="input"
            type="number"
            inputMode="numeric"
            min={CONCURRENCY.min}
            max={CONCURRENCY.max}
            step={1}
            value={concurrency.draft}
            onChange={(e) => {
              concurrency.setDraft(e.target.value);
              setConcurrencyError(null);
            }}
            aria-invalid={concurrencyError ? true : undefined}
            aria-describedby={concurrencyError ? `${concurrencyErrorId} ${concurrencyHelpId}` : concurrencyHelpId}
          />
          <p id={concurrencyHelpId} className="field-help">
            {t('connection.concurrencyHelp', CONCURRENCY)}
          </p>
          <FieldError id={concurrencyErrorId} message={concurrencyError} />
        </div>
        <div className="field field-action">
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void onSubmit()}>
            {busy ? t('common:saving') : t('common:save')}
            <span className="visually-hidden">{t('connection.saveWhat', { name })}</span>
          </button>
        </div>
      </div>
      <FieldError message={formError} />
      <StatusNote note={note} />
    </Form>
  );
}
