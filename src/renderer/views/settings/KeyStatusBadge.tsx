import { CircleDashed, Clock, ShieldCheck, Terminal, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { KeyStatus } from '../../../shared/contract/keys';
import { describeKeyStatus, type KeyStatusView } from './key-status';

const ICONS: Record<KeyStatusView['icon'], LucideIcon> = {
  stored: ShieldCheck,
  session: Clock,
  environment: Terminal,
  none: CircleDashed,
  problem: TriangleAlert,
};

/** A provider's key status as an icon and words, with where the key lives underneath. */
export function KeyStatusBadge({ status, id }: { status: KeyStatus; id: string }) {
  const view = describeKeyStatus(status);
  const Icon = ICONS[view.icon];
  return (
    <div className="key-status" id={id} data-tone={view.tone}>
      <p className="key-status-words">
        <Icon aria-hidden="true" size={16} />
        <span>{view.words}</span>
      </p>
      {view.detail ? <p className="key-status-detail">{view.detail}</p> : null}
    </div>
  );
}
