import { CircleAlert, CircleCheck, LoaderCircle, TriangleAlert, Wrench } from 'lucide-react';
import type { ModelEntry } from '../../../shared/catalog/types';
import type { DraftCrop } from '../../../shared/drafts/draft';
import type { CheckState, FixState } from '../../store/compose/frame-state';
import { formatBytes, formatSize } from './format';
import { verdictFor } from './verdict';

const ICON = { fits: CircleCheck, fix: Wrench, blocked: CircleAlert } as const;

/**
 * The verdict on a frame, as icon and words: checking, "Fits — will be sent as …", "Too large: …
 * — will be fixed", or why it cannot be used; then the warnings (crop, upscale…) and, once the fix
 * ran, the size and weight of what will actually be sent.
 */
export function FrameVerdict({ check, fix, model, crop }: { check: CheckState; fix: FixState; model: ModelEntry | undefined; crop: DraftCrop | undefined }) {
  if (check.status === 'idle' || check.status === 'busy' || !model) {
    return (
      <p className="verdict" data-tone="busy" role="status">
        <LoaderCircle className="spin" aria-hidden="true" size={15} />
        Checking against {model?.name ?? 'the model'}…
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
  if (fix.status === 'busy') return <p className="sent-as compose-muted">Preparing what will be sent…</p>;
  if (fix.status === 'error') return <p className="sent-as compose-error">The fix failed: {fix.message}</p>;
  if (fix.status !== 'done') return null;
  const { value } = fix;
  return (
    <div className="sent-as">
      <img src={value.previewUrl} alt="What the provider receives" className="sent-as-thumb" />
      <span>
        Sent as {formatSize(value.target)} · {value.mime.replace('image/', '').toUpperCase()} · {formatBytes(value.bytes)}
      </span>
    </div>
  );
}
