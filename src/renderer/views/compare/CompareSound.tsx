import { Volume2, VolumeX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';

interface CompareSoundProps {
  /** The panes' names, in pane order ("Take 2 of 3 · seed 42"). */
  names: string[];
  /** The panes' video elements, in pane order, as they are now. */
  videos(): (HTMLVideoElement | null)[];
}

/**
 * Which pane Compare plays aloud, one at a time (every pane starts muted: four soundtracks at once
 * help nobody), and its volume (0–100 %). A native select and range, so both are reached with Tab
 * and driven with the keyboard; their names ("Sound from", "Volume") do not change with the choice.
 */
export function CompareSound({ names, videos }: CompareSoundProps) {
  const { t } = useTranslation('compare');
  /** The pane heard, by index; null: all muted. */
  const [heard, setHeard] = useState<number | null>(null);
  const [volume, setVolume] = useState(1);

  useEffect(() => {
    videos().forEach((video, i) => {
      if (!video) return;
      video.muted = i !== heard;
      video.volume = volume;
    });
  }, [heard, volume, videos, names.length]);

  return (
    <div className="compare-sound" role="group" aria-label={t('sound.group')}>
      {heard === null ? <VolumeX aria-hidden="true" size={16} /> : <Volume2 aria-hidden="true" size={16} />}
      <label className="compare-sound-field">
        <span>{t('sound.from')}</span>
        <select value={heard ?? ''} onChange={(e) => setHeard(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('sound.muted')}</option>
          {names.map((name, i) => (
            <option key={name} value={i}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="compare-sound-field">
        <span>{t('sound.volume')}</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          aria-valuetext={formatPercent(volume)}
          onChange={(e) => setVolume(Number(e.target.value))}
        />
      </label>
    </div>
  );
}
