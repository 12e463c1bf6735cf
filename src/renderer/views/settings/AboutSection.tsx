import { FlaskConical, FolderOpen, Info, Radio } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';

const HOST_LABEL = { electron: 'Desktop app (Electron)', harness: 'Browser harness', cli: 'Command line (seedance)' } as const;

/**
 * About: the answer of `app:info` — version, host, mode, platform, data folder (settings, key
 * vault, logs) with a button that opens the logs folder, runtimes. The data folder is the section's
 * only `<code>`: tests find it that way.
 */
export function AboutSection() {
  const info = useStudio((s) => s.app.info);
  const openLogsFolder = useStudio((s) => s.app.openLogsFolder);
  const [logsNote, setLogsNote] = useState<string | null>(null);
  if (!info) return null;
  const openLogs = async () => {
    setLogsNote(null);
    try {
      const answer = await openLogsFolder?.();
      if (!answer?.opened) setLogsNote('This window cannot open the file manager. The logs are in the logs folder inside the data folder.');
    } catch (err) {
      setLogsNote(`The logs folder did not open: ${describeError(err)}`);
    }
  };
  const versions = Object.entries(info.versions);
  return (
    <section className="card" aria-labelledby="about-title" id="settings-about">
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
        <dd className="about-mode" data-mode={info.demo ? 'demo' : 'live'}>
          {info.demo ? <FlaskConical aria-hidden="true" size={15} /> : <Radio aria-hidden="true" size={15} />}
          <span>{info.demo ? 'Demo — no provider key is set, videos come from the offline simulator' : 'Live — sending jobs to providers'}</span>
        </dd>
        <dt>Platform</dt>
        <dd>{info.platform}</dd>
        <dt>Data folder</dt>
        <dd>
          <code className="path">{info.dataDir}</code>
          <span className="about-note">Settings, stored keys (encrypted) and the logs (in logs/) are kept here.</span>
          <button type="button" className="button about-logs" onClick={() => void openLogs()}>
            <FolderOpen aria-hidden="true" size={16} />
            Open logs folder
          </button>
          {logsNote ? (
            <span className="about-note" role="status">
              {logsNote}
            </span>
          ) : null}
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
