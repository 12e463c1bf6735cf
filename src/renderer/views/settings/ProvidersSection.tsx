import { ExternalLink, KeyRound } from 'lucide-react';

/** The four providers that sell Seedance and where to get a key (providers.md, "At a glance"). */
const PROVIDERS = [
  { name: 'Novita', site: 'https://novita.ai' },
  { name: 'fal', site: 'https://fal.ai' },
  { name: 'EvoLink', site: 'https://evolink.ai' },
  { name: 'BytePlus ModelArk', site: 'https://www.byteplus.com' },
] as const;

/** Providers: where keys come from. Key management itself is not in this build yet. */
export function ProvidersSection() {
  return (
    <section className="card" aria-labelledby="providers-title">
      <h2 id="providers-title" className="card-title">
        <KeyRound aria-hidden="true" size={16} />
        Providers
      </h2>
      <p className="card-text">Managing provider keys from here is not available in this build yet.</p>
      <ul className="provider-list">
        {PROVIDERS.map((p) => (
          <li key={p.name}>
            <span>{p.name}</span>
            <a href={p.site} className="link">
              {new URL(p.site).host}
              <ExternalLink aria-hidden="true" size={13} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
