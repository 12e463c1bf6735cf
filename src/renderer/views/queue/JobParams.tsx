import type { JobView } from '../../../shared/jobs/job';
import { durationText } from '../../../shared/format/duration';
import { useStudio } from '../../store/index';
import { jobCost } from './job-cost';
import { modelName, providerName } from './job-text';

function yesNo(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? 'Yes' : 'No';
}

/** The provider requests made for the job, in plain words. */
function callsText(n: number): string {
  if (n === 0) return 'None yet';
  return `${n} ${n === 1 ? 'call' : 'calls'} (uploads, sending and status checks)`;
}

/** Every parameter the job was sent with, and what it cost in requests, as a definition list. */
export function JobParams({ job }: { job: JobView }) {
  const p = job.params;
  const demoNow = useStudio((s) => s.app.info?.demo ?? false);
  const cost = jobCost(job, demoNow);
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
    ['Cost', cost.kind === 'none' ? 'No published price for this size' : `${cost.text} — ${cost.title}`],
    [`Calls to ${providerName(job.provider)}`, callsText(job.requests)],
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
