import { KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';
import { ProviderCard } from './ProviderCard';

/**
 * Providers: per provider, the key (never shown — only its status and last four characters), the
 * key check, the base URL override and how many jobs run at once (UX.md, "Settings").
 */
export function ProvidersSection() {
  const keys = useStudio((s) => s.keys.list);
  const keysError = useStudio((s) => s.keys.loadError);
  const providers = useStudio((s) => s.settings.current?.providers ?? null);
  const { t } = useTranslation('settings');
  return (
    <section className="card" aria-labelledby="providers-title" id="settings-providers">
      <h2 id="providers-title" className="card-title">
        <KeyRound aria-hidden="true" size={16} />
        {t('providers.title')}
      </h2>
      <p className="card-text">{t('providers.intro')}</p>
      {keysError ? (
        <p className="field-error" role="alert">
          {t('providers.keysError', { error: keysError })}
        </p>
      ) : null}
      {keys === null && !keysError ? <p className="card-text">{t('providers.readingKeys')}</p> : null}
      <div className="provider-stack">
        {keys?.map((status) => <ProviderCard key={status.provider} status={status} settings={providers?.[status.provider] ?? null} />)}
      </div>
    </section>
  );
}
