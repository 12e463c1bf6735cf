import type { JobView } from '../../../shared/jobs/job';
import { currentLocale } from '../../i18n/index';
import { stateWord } from './job-text';
import { phraseText } from '../../i18n/phrase';

/**
 * Formatters per UI language: English keeps the computer's own locale (as the Queue always showed
 * times), Simplified Chinese uses zh-CN. Built once each.
 */
const FORMATS = new Map<string, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();
function formats(): { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat } {
  const locale = currentLocale();
  let found = FORMATS.get(locale);
  if (!found) {
    const tag = locale === 'en' ? undefined : locale;
    found = { time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit' }), day: new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric' }) };
    FORMATS.set(locale, found);
  }
  return found;
}

/** The job's state changes, oldest first, with the time (ms epoch → local time) and any note. */
export function JobTimeline({ history }: { history: JobView['history'] }) {
  const today = new Date().toDateString();
  const { time, day } = formats();
  return (
    <ol className="job-timeline">
      {history.map((entry, i) => {
        const at = new Date(entry.at);
        return (
          <li key={`${entry.at}-${i}`}>
            <time dateTime={at.toISOString()}>
              {at.toDateString() === today ? '' : `${day.format(at)} `}
              {time.format(at)}
            </time>
            <span className="job-timeline-state">{stateWord({ state: entry.state })}</span>
            {entry.note ? <span className="job-timeline-note">{phraseText(entry.notePhrase, entry.note)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
