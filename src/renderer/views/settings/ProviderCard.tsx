import { ExternalLink } from 'lucide-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '../../../shared/contract/keys';
import type { ProviderSettings } from '../../../shared/contract/settings';
import { ConnectionForm } from './ConnectionForm';
import { KeyActions } from './KeyActions';
import { KeyForm } from './KeyForm';
import { KeyStatusBadge } from './KeyStatusBadge';
import { PROVIDER_LABELS } from './providers';

interface ProviderCardProps {
  status: KeyStatus;
  /** Null until `settings:get` answers; the connection form waits for it. */
  settings: ProviderSettings | null;
}

/** One provider: its key (status, set, check, remove) and its connection (base URL, jobs at once). */
export function ProviderCard({ status, settings }: ProviderCardProps) {
  const { name, site } = PROVIDER_LABELS[status.provider];
  const titleId = useId();
  const statusId = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('settings');
  return (
    <section className="provider" aria-labelledby={titleId} data-provider={status.provider}>
      <header className="provider-head">
        <h3 id={titleId} className="provider-name">
          {name}
        </h3>
        <a href={site} className="link provider-site">
          {t('providers.getKey', { host: new URL(site).host })}
          <ExternalLink aria-hidden="true" size={13} />
        </a>
      </header>
      <KeyStatusBadge status={status} id={statusId} />
      <KeyForm status={status} statusId={statusId} inputRef={keyInput} />
      <KeyActions status={status} baseUrl={settings?.baseUrl ?? null} onRemoved={() => keyInput.current?.focus()} />
      {settings ? <ConnectionForm provider={status.provider} value={settings} /> : null}
    </section>
  );
}
