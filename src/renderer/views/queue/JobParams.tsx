import type { JobView } from '../../../shared/jobs/job';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { jobCost } from './job-cost';
import { durationWords, providerName } from './job-text';
import { modelName } from '../../i18n/model-name';

function yesNo(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? i18n.t('queue:params.yes') : i18n.t('queue:params.no');
}

/** The provider requests made for the job, in plain words. */
function callsText(n: number): string {
  if (n === 0) return i18n.t('queue:params.callsNone');
  return i18n.t('queue:params.calls', { count: n });
}

/** Every parameter the job was sent with, and what it cost in requests, as a definition list. */
export function JobParams({ job }: { job: JobView }) {
  const { t } = useTranslation('queue');
  const p = job.params;
  const demoNow = useStudio((s) => s.app.info?.demo ?? false);
  const cost = jobCost(job, demoNow);
  const rows: Array<[string, string | null]> = [
    [t('params.model'), t('params.modelValue', { name: modelName(p.modelId), id: p.modelId })],
    [t('params.provider'), providerName(job.provider)],
    [t('params.frames'), p.lastFrame ? t('params.firstAndLast') : p.firstFrame ? t('params.firstFrame') : t('params.textOnly')],
    [t('params.resolution'), p.resolution],
    [t('params.aspectRatio'), p.aspectRatio],
    [t('params.duration'), durationWords(p.duration)],
    [t('params.seed'), p.seed === undefined || p.seed < 0 ? t('params.random') : String(p.seed)],
    [t('params.cameraFixed'), yesNo(p.cameraFixed)],
    [t('params.audio'), yesNo(p.generateAudio)],
    [t('params.watermark'), yesNo(p.watermark)],
    [t('params.serviceTier'), p.serviceTier ?? null],
    [t('params.cost'), cost.kind === 'none' ? t('params.costNone') : t('params.costValue', { text: cost.text, title: cost.title })],
    [t('params.calls', { provider: providerName(job.provider) }), callsText(job.requests)],
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
