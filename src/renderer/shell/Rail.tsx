import { Clapperboard } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { VIEW_IDS, type ViewId } from '../store/shell/slice';
import { shortcutLabel } from './shortcuts';
import { VIEW_ICONS } from './views';

interface RailProps {
  current: ViewId;
  onSelect(view: ViewId): void;
  /** Count shown on an item (Queue: running jobs); hidden when 0 or absent. */
  badges: Partial<Record<ViewId, number>>;
  mac: boolean;
}

/** The left rail: the app mark and the views, each a button with its shortcut. */
export function Rail({ current, onSelect, badges, mac }: RailProps) {
  const { t } = useTranslation('shell');
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      <div className="rail-brand">
        <Clapperboard aria-hidden="true" size={20} />
        <span>{t('rail.brand')}</span>
      </div>
      <ul className="rail-list">
        {VIEW_IDS.map((id) => {
          const Icon = VIEW_ICONS[id];
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
                <span className="rail-label">{t(`views.${id}`)}</span>
                {badge > 0 ? (
                  <span className="rail-badge" aria-label={t('rail.running', { n: badge })}>
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
