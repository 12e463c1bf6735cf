import type { JobView } from '../../../shared/jobs/job';
import { stateWord } from './job-text';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** The job's state changes, oldest first, with the time (ms epoch → local time) and any note. */
export function JobTimeline({ history }: { history: JobView['history'] }) {
  const today = new Date().toDateString();
  return (
    <ol className="job-timeline">
      {history.map((entry, i) => {
        const at = new Date(entry.at);
        return (
          <li key={`${entry.at}-${i}`}>
            <time dateTime={at.toISOString()}>
              {at.toDateString() === today ? '' : `${DAY.format(at)} `}
              {TIME.format(at)}
            </time>
            <span className="job-timeline-state">{stateWord({ state: entry.state })}</span>
            {entry.note ? <span className="job-timeline-note">{entry.note}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
