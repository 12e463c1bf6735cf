import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A small "Copy" button for ids and prompts; says "Copied" (icon and word) for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { t } = useTranslation('library');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={state === 'copied' ? t('copy.copiedLabel', { label }) : state === 'failed' ? t('copy.notCopiedLabel', { label }) : t('copy.copyLabel', { label })}
      onClick={() => navigator.clipboard.writeText(text).then(() => setState('copied'), () => setState('failed'))}
    >
      {state === 'copied' ? <Check aria-hidden="true" size={14} /> : <Copy aria-hidden="true" size={14} />}
      {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.notCopied') : t('copy.copy')}
    </button>
  );
}
