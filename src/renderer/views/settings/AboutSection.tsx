import { Info } from 'lucide-react';
import { useStudio } from '../../store/index';

const HOST_LABEL = { electron: 'Desktop app (Electron)', harness: 'Browser harness' } as const;

/** About: the answer of `app:info` — version, host, platform, data folder, demo mode, runtimes. */
export function AboutSection() {
  const info = useStudio((s) => s.app.info);
  if (!info) return null;
  const versions = Object.entries(info.versions);
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title" className="card-title">
        <Info aria-hidden="true" size={16} />
        About
      </h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>
          {info.name} {info.version}
        </dd>
        <dt>Running as</dt>
        <dd>{HOST_LABEL[info.host]}</dd>
        <dt>Mode</dt>
        <dd>{info.demo ? 'Demo — no provider key is set, videos come from the offline simulator' : 'Live — sending jobs to providers'}</dd>
        <dt>Platform</dt>
        <dd>{info.platform}</dd>
        <dt>Data folder</dt>
        <dd>
          <code className="path">{info.dataDir}</code>
        </dd>
        {versions.length > 0 ? (
          <>
            <dt>Runtimes</dt>
            <dd>{versions.map(([name, v]) => `${name} ${v}`).join(' · ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
