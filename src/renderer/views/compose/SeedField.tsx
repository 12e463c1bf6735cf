import { Dices, Lock, LockOpen } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wholeNumberIn } from '../../components/whole-number';
import { randomSeed } from '../../../shared/jobs/batch-plan';

interface SeedFieldProps {
  seed: number;
  locked: boolean;
  max: number;
  onSeed(seed: number): void;
  onLock(locked: boolean): void;
}

/**
 * The seed: unlocked, Generate rolls a new one each time (the last one stays visible); locked,
 * the same seed is sent again, to vary one thing at a time. 🎲 rolls a new seed and locks it;
 * typing a seed locks it too.
 */
export function SeedField({ seed, locked, max, onSeed, onLock }: SeedFieldProps) {
  const id = useId();
  const helpId = useId();
  const { t } = useTranslation('compose');
  const [text, setText] = useState(seed >= 0 ? String(seed) : '');
  const [shown, setShown] = useState(seed);
  if (shown !== seed) {
    setShown(seed);
    setText(seed >= 0 ? String(seed) : '');
  }
  const valid = text.trim() === '' || wholeNumberIn(text, 0, max) !== null;
  return (
    <div className="param">
      <label htmlFor={id} className="param-label">
        {t('seed.label')}
      </label>
      <div className="seed-row">
        <input
          id={id}
          className="param-input seed-input"
          inputMode="numeric"
          placeholder={t('seed.random')}
          value={text}
          aria-invalid={valid ? undefined : true}
          aria-describedby={helpId}
          onChange={(e) => {
            setText(e.target.value);
            const next = wholeNumberIn(e.target.value, 0, max);
            if (next !== null) onSeed(next);
          }}
          onBlur={() => setText(seed >= 0 ? String(seed) : '')}
        />
        <button type="button" className="icon-button" aria-label={t('seed.roll')} title={t('seed.roll')} onClick={() => onSeed(randomSeed(max))}>
          <Dices aria-hidden="true" size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-pressed={locked}
          aria-label={t('seed.lock')}
          title={locked ? t('seed.lockedTitle') : t('seed.unlockedTitle')}
          disabled={!locked && seed < 0}
          onClick={() => onLock(!locked)}
        >
          {locked ? <Lock aria-hidden="true" size={16} /> : <LockOpen aria-hidden="true" size={16} />}
        </button>
      </div>
      <p id={helpId} className="param-help" data-tone={valid ? undefined : 'error'}>
        {!valid ? t('params.wholeNumber', { min: 0, max }) : locked ? t('seed.locked') : t('seed.unlocked')}
      </p>
    </div>
  );
}
