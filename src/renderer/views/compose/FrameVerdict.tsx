import { CircleAlert, CircleCheck, LoaderCircle, TriangleAlert, Wrench } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ModelEntry } from '../../../shared/catalog/types';
import type { DraftCrop } from '../../../shared/drafts/draft';
import type { CheckState, FixState } from '../../store/compose/frame-state';
import { formatBytes, formatSize } from './format';
import { verdictFor } from './verdict';
import { modelName } from '../../i18n/model-name';

const ICON = { fits: CircleCheck, fix: Wrench, blocked: CircleAlert } as const;

/**
 * The verdict on a frame, as icon and words: checking, "Fits — will be sent as …", "Too large: …
 * — will be fixed", or why it cannot be used; then the warnings (crop, upscale…) and, once the fix
 * ran, the size and weight of what will actually be sent.
 */
export function FrameVerdict({ check, fix, model, crop }: { check: CheckState; fix: FixState; model: ModelEntry | undefined; crop: DraftCrop | undefined }) {
  const { t } = useTranslation('compose');
  if (check.status === 'idle' || check.status === 'busy' || !model) {
    return (
      <p className="verdict" data-tone="busy" role="status">
        <LoaderCircle className="spin" aria-hidden="true" size={15} />
        {t('verdict.checking', { model: (model ? modelName(model) : t('verdict.theModel')) })}
      </p>
    );
  }
  if (check.status === 'error') {
    return (
      <p className="verdict" data-tone="blocked" role="alert">
        <CircleAlert aria-hidden="true" size={15} />
        {check.message}
      </p>
    );
  }
  const verdict = verdictFor(check.value, model, crop);
  const Icon = ICON[verdict.tone];
  return (
    <div className="verdict-block">
      <p className="verdict" data-tone={verdict.tone} role="status">
        <Icon aria-hidden="true" size={15} />
        <span>{verdict.headline}</span>
      </p>
      {verdict.details.length ? (
        <ul className="verdict-details">
          {verdict.details.map((d) => (
            <li key={d.text} data-kind={d.kind}>
              {d.kind === 'fix' ? <Wrench aria-hidden="true" size={13} /> : <TriangleAlert aria-hidden="true" size={13} />}
              <span>{d.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <SentAs fix={fix} />
    </div>
  );
}

function SentAs({ fix }: { fix: FixState }) {
  const { t } = useTranslation('compose');
  if (fix.status === 'busy') return <p className="sent-as compose-muted">{t('verdict.preparing')}</p>;
  if (fix.status === 'error') return <p className="sent-as compose-error">{t('verdict.fixFailed', { message: fix.message })}</p>;
  if (fix.status !== 'done') return null;
  const { value } = fix;
  return (
    <div className="sent-as">
      <img src={value.previewUrl} alt={t('verdict.sentThumb')} className="sent-as-thumb" />
      <span>{t('verdict.sentAs', { size: formatSize(value.target), format: value.mime.replace('image/', '').toUpperCase(), bytes: formatBytes(value.bytes) })}</span>
    </div>
  );
}
