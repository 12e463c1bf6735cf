import type { JobView } from '../../../shared/jobs/job';
import { durationText } from '../../../shared/format/duration';
import { costOf, modelName, providerName } from './job-text';

function yesNo(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? 'Yes' : 'No';
}

/** Every parameter the job was sent with, and what it cost in requests, as a definition list. */
export function JobParams({ job }: { job: JobView }) {
  const p = job.params;
  const cost = costOf(p);
  const rows: Array<[string, string | null]> = [
    ['Model', `${modelName(p.modelId)} (${p.modelId})`],
    ['Provider', providerName(job.provider)],
    ['Frames', p.lastFrame ? 'First and last frame' : p.firstFrame ? 'First frame' : 'Text only'],
    ['Resolution', p.resolution],
    ['Aspect ratio', p.aspectRatio],
    ['Duration', durationText(p.duration)],
    ['Seed', p.seed === undefined || p.seed < 0 ? 'Random' : String(p.seed)],
    ['Camera fixed', yesNo(p.cameraFixed)],
    ['Audio', yesNo(p.generateAudio)],
    ['Watermark', yesNo(p.watermark)],
    ['Service tier', p.serviceTier ?? null],
    ['Estimated cost', cost ? `${cost.text} (prices as of ${cost.asOf})` : 'No published price for this size'],
    ['Requests to provider', String(job.requests)],
  ];
  return (
    <dl className="job-params">
      {rows
        .filter((r): r is [string, string] => r[1] !== null)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
