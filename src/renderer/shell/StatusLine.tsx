import { FlaskConical, Radio, Wifi, WifiOff } from 'lucide-react';
import { useStudio } from '../store/index';

/**
 * The bottom status line (UX.md, "Frame"): connection, demo mode and the last notice. Each state is
 * an icon and a word, never colour alone. It is a live region, so changes are announced politely.
 * Domains add their own segments here (running jobs, library size) as they land.
 */
export function StatusLine() {
  const online = useStudio((s) => s.app.status?.online);
  const demo = useStudio((s) => s.app.info?.demo);
  const notice = useStudio((s) => s.shell.notice);
  return (
    <footer className="status-line">
      <div className="status-segments" role="status" aria-live="polite">
        <span className="status-segment" data-state={online === undefined ? 'unknown' : online ? 'online' : 'offline'}>
          {online === false ? <WifiOff aria-hidden="true" size={14} /> : <Wifi aria-hidden="true" size={14} />}
          {online === undefined ? 'Checking connection…' : online ? 'Online' : 'Offline'}
        </span>
        {demo === undefined ? null : (
          <span className="status-segment" data-state={demo ? 'demo' : 'live'}>
            {demo ? <FlaskConical aria-hidden="true" size={14} /> : <Radio aria-hidden="true" size={14} />}
            {demo ? 'Demo mode — offline simulator' : 'Live providers'}
          </span>
        )}
        {notice ? <span className="status-segment status-notice">{notice}</span> : null}
      </div>
    </footer>
  );
}
