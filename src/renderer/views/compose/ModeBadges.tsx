import { Image, Images, Layers, Type, type LucideIcon } from 'lucide-react';
import type { Mode } from '../../../shared/catalog/types';

const MODES: Record<Mode, { icon: LucideIcon; short: string; long: string }> = {
  'text-to-video': { icon: Type, short: 'T2V', long: 'text to video' },
  'image-to-video': { icon: Image, short: 'I2V', long: 'image to video' },
  'first-last-frame': { icon: Images, short: 'F+L', long: 'first + last frame' },
  'reference-to-video': { icon: Layers, short: 'REF', long: 'reference to video' },
};

/** What a model makes from what, as icon + short word (never an icon alone); the full words for screen readers. */
export function ModeBadges({ modes }: { modes: readonly Mode[] }) {
  return (
    <span className="mode-badges">
      {modes.map((mode) => {
        const { icon: Icon, short, long } = MODES[mode];
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
