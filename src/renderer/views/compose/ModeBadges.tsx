import { Image, Images, Layers, Type, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../shared/catalog/types';

// The short words are the catalogue's abbreviations, the same in every language; the long ones are translated.
const MODES: Record<Mode, { icon: LucideIcon; short: string }> = {
  'text-to-video': { icon: Type, short: 'T2V' },
  'image-to-video': { icon: Image, short: 'I2V' },
  'first-last-frame': { icon: Images, short: 'F+L' },
  'reference-to-video': { icon: Layers, short: 'REF' },
};

/** What a model makes from what, as icon + short word (never an icon alone); the full words for screen readers. */
export function ModeBadges({ modes }: { modes: readonly Mode[] }) {
  const { t } = useTranslation('compose');
  return (
    <span className="mode-badges">
      {modes.map((mode) => {
        const { icon: Icon, short } = MODES[mode];
        const long = t(`modes.${mode}`);
        return (
          <span key={mode} className="mode-badge" title={long}>
            <Icon aria-hidden="true" size={12} strokeWidth={2} />
            <span aria-hidden="true">{short}</span>
            <span className="visually-hidden">{long}</span>
          </span>
        );
      })}
    </span>
  );
}
