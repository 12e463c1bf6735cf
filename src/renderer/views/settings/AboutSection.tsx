import { FlaskConical, FolderOpen, Info, Radio } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';

/**
 * About: the answer of `app:info` — version, host, mode, platform, data folder (settings, key
 * vault, logs) with a button that opens the logs folder, runtimes. The data folder is the section's
 * only `<code>`: tests find it that way.
 */
export function AboutSection() {
  const info = useStudio((s) => s.app.info);
  const openLogsFolder = useStudio((s) => s.app.openLogsFolder);
  const [logsNote, setLogsNote] = useState<string | null>(null);
  const { t } = useTranslation('settings');
  if (!info) return null;
  const openLogs = async () => {
    setLogsNote(null);
    try {
      const answer = await openLogsFolder?.();
      if (!answer?.opened) setLogsNote(t('about.noFileManager'));
    } catch (err) {
      setLogsNote(t('about.logsFailed', { error: describeError(err) }));
    }
  };
  const versions = Object.entries(info.versions);
  return (
    <section className="card" aria-labelledby="about-title" id="settings-about">
      <h2 id="about-title" className="card-title">
        <Info aria-hidden="true" size={16} />
        {t('about.title')}
      </h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd>{t('about.versionValue', { name: info.name, version: info.version })}</dd>
        <dt>{t('about.runningAs')}</dt>
        <dd>{t(`about.host.${info.host}`)}</dd>
        <dt>{t('about.mode')}</dt>
        <dd className="about-mode" data-mode={info.demo ? 'demo' : 'live'}>
          {info.demo ? <FlaskConical aria-hidden="true" size={15} /> : <Radio aria-hidden="true" size={15} />}
          <span>{info.demo ? t('about.demo') : t('about.live')}</span>
        </dd>
        <dt>{t('about.platform')}</dt>
        <dd>{info.platform}</dd>
        <dt>{t('about.dataFolder')}</dt>
        <dd>
          <code className="path">{info.dataDir}</code>
          <span className="about-note">{t('about.dataNote')}</span>
          <button type="button" className="button about-logs" onClick={() => void openLogs()}>
            <FolderOpen aria-hidden="true" size={16} />
            {t('about.openLogs')}
          </button>
          {logsNote ? (
            <span className="about-note" role="status">
              {logsNote}
            </span>
          ) : null}
        </dd>
        {versions.length > 0 ? (
          <>
            <dt>{t('about.runtimes')}</dt>
            <dd>{versions.map(([name, v]) => `${name} ${v}`).join(' · ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
