import { FlaskConical, Library, ListVideo, Pause, Radio, Wifi, WifiOff } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { i18n } from '../i18n/index';
import { useStudio } from '../store/index';
import { summarise } from '../store/jobs/summary';
import { bytes } from '../views/library/format';
import { EngineStatusSegment } from './EngineStatusSegment';

/**
 * The bottom status line (UX.md, "Frame"): connection, the job engine when it is not running (with
 * Retry when it is down), running jobs, the library's size, demo mode and the last notice. Each state is an icon and a word, never colour alone. It is a live region,
 * so changes are announced politely.
 */
export function StatusLine() {
  const online = useStudio((s) => s.app.status?.online);
  const demo = useStudio((s) => s.app.info?.demo);
  const notice = useStudio((s) => s.shell.notice);
  const jobs = useStudio((s) => s.jobs.byId);
  const paused = useStudio((s) => s.jobs.stats?.paused ?? false);
  const queue = useMemo(() => summarise(Object.values(jobs)), [jobs]);
  const library = useStudio((s) => s.library.stats);
  const engine = useStudio((s) => s.app.engine);
  const retryEngine = useStudio((s) => s.app.retryEngine);
  const { t } = useTranslation('shell');
  return (
    <footer className="status-line">
      <div className="status-segments" role="status" aria-live="polite">
        <span className="status-segment" data-state={online === undefined ? 'unknown' : online ? 'online' : 'offline'}>
          {online === false ? <WifiOff aria-hidden="true" size={14} /> : <Wifi aria-hidden="true" size={14} />}
          {online === undefined ? t('status.checking') : online ? t('status.online') : offlineText(queue.queued)}
        </span>
        <EngineStatusSegment engine={engine} onRetry={retryEngine && (() => void retryEngine().catch(() => undefined))} />
        {queue.running > 0 || paused ? (
          <span className="status-segment" data-state={paused ? 'paused' : 'running'}>
            {paused ? <Pause aria-hidden="true" size={14} /> : <ListVideo aria-hidden="true" size={14} />}
            {runningText(queue.running, paused)}
            {queue.progress !== null ? (
              // Not announced: a live region reading every percent would drown everything else.
              <span className="status-progress-wrap" aria-hidden="true">
                {t('status.progress', { percent: queue.progress })}
                <span className="status-progress">
                  <span style={{ width: `${queue.progress}%` }} />
                </span>
              </span>
            ) : null}
          </span>
        ) : null}
        {library ? (
          <span className="status-segment" data-state="library">
            <Library aria-hidden="true" size={14} />
            {libraryText(library.clips, library.bytes)}
          </span>
        ) : null}
        {demo === undefined ? null : (
          <span className="status-segment" data-state={demo ? 'demo' : 'live'}>
            {demo ? <FlaskConical aria-hidden="true" size={14} /> : <Radio aria-hidden="true" size={14} />}
            {demo ? t('status.demo') : t('status.live')}
          </span>
        )}
        {notice ? <span className="status-segment status-notice">{notice}</span> : null}
      </div>
    </footer>
  );
}

/** "Offline — 3 jobs will be sent when the network returns" (UX.md "Frame"), or plain "Offline". */
function offlineText(queued: number): string {
  if (queued === 0) return i18n.t('shell:status.offline');
  return i18n.t('shell:status.offlineQueued', { count: queued });
}

/** "2 jobs running", with "Queue paused" in front while it is. */
function runningText(running: number, paused: boolean): string {
  const jobs = running > 0 ? i18n.t('shell:status.running', { count: running }) : null;
  if (!paused) return jobs ?? '';
  const pausedText = i18n.t('shell:status.queuePaused');
  return jobs ? i18n.t('shell:status.join', { first: pausedText, second: jobs }) : pausedText;
}

/** "Library: 1,234 clips · 2.1 GB" (the size only when there are clips). */
function libraryText(clips: number, size: number): string {
  const count = i18n.t('shell:status.library', { count: clips, clips: formatNumber(clips) });
  return clips > 0 ? i18n.t('shell:status.join', { first: count, second: bytes(size) }) : count;
}
