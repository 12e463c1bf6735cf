import { Clapperboard } from 'lucide-react';
import { VIEW_IDS, type ViewId } from '../store/shell/slice';
import { shortcutLabel } from './shortcuts';
import { VIEW_META } from './views';

interface RailProps {
  current: ViewId;
  onSelect(view: ViewId): void;
  /** Count shown on an item (Queue: running jobs); hidden when 0 or absent. */
  badges: Partial<Record<ViewId, number>>;
  mac: boolean;
}

/** The left rail: the app mark and the views, each a button with its shortcut. */
export function Rail({ current, onSelect, badges, mac }: RailProps) {
  return (
    <nav className="rail" aria-label="Views">
      <div className="rail-brand">
        <Clapperboard aria-hidden="true" size={20} />
        <span>Seedance Studio</span>
      </div>
      <ul className="rail-list">
        {VIEW_IDS.map((id) => {
          const { label, icon: Icon } = VIEW_META[id];
          const badge = badges[id] ?? 0;
          const shortcut = shortcutLabel(id, mac);
          return (
            <li key={id}>
              <button
                type="button"
                className="rail-item"
                aria-current={current === id ? 'page' : undefined}
                aria-keyshortcuts={`${mac ? 'Meta' : 'Control'}+${VIEW_IDS.indexOf(id) + 1}`}
                onClick={() => onSelect(id)}
              >
                <Icon aria-hidden="true" size={18} />
                <span className="rail-label">{label}</span>
                {badge > 0 ? (
                  <span className="rail-badge" aria-label={`${badge} running`}>
                    {badge}
                  </span>
                ) : (
                  <kbd className="rail-shortcut" aria-hidden="true">
                    {shortcut}
                  </kbd>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
