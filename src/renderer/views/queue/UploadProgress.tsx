import { Upload } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { formatFixed } from '../../i18n/format';
import './upload.css';

type UploadJob = Pick<JobView, 'state' | 'upload' | 'params'>;

const MB = 1024 * 1024;

/** Bytes as MB with one decimal, in the catalogue's binary units (`formatBytes`): 3355443 → "3.2". */
const mb = (bytes: number) => formatFixed(bytes / MB, 1);

/**
 * A queued job's uploads while it prepares (issue 13 "upload progress shown"): "Uploading
 * references · 3.2 of 10.4 MB" and a determinate bar, from `JobView.upload` (the engine's count,
 * at most 4 updates a second). In a row (`compact`) the bar is decorative beside the words; in the
 * job's detail it is a labelled `progressbar`. Nothing when nothing is uploading.
 */
export function UploadProgress({ job, compact = false }: { job: UploadJob; compact?: boolean }) {
  const { t } = useTranslation('media');
  const upload = job.upload;
  if (!upload || job.state !== 'queued' || upload.totalBytes <= 0) return null;
  const what = job.params.references?.length ? 'references' : 'images';
  const text = t(`upload.${what}`, { sent: mb(upload.sentBytes), total: mb(upload.totalBytes) });
  const percent = Math.min(100, Math.round((upload.sentBytes / upload.totalBytes) * 100));
  const fill = <span style={{ width: `${percent}%` }} />;
  if (compact) {
    return (
      <p className="job-upload">
        <Upload aria-hidden="true" size={14} />
        <span className="job-upload-text">{text}</span>
        <span className="job-progress job-upload-bar" aria-hidden="true">
          {fill}
        </span>
      </p>
    );
  }
  return (
    <div className="job-progress-wrap job-upload-detail">
      <div className="job-progress" role="progressbar" aria-label={t('upload.label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text}>
        {fill}
      </div>
      <p className="job-progress-note">{text}</p>
    </div>
  );
}
