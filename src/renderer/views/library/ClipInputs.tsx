import { ImageOff, Link2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ClipInputView } from '../../../shared/contract/library';
import { i18n } from '../../i18n/index';
import { bytes as formatBytes, secondsText } from './format';

/** "First frame", "Last frame", or a reference's tag and kind ("@image1 · reference image"). */
function titleOf(input: ClipInputView): string {
  return input.role === 'reference' ? i18n.t(`library:inputs.reference.${input.kind}`, { tag: input.tag ?? '' }) : i18n.t(`library:inputs.${input.role}`);
}

/** Size and length in words: "4224 × 3168 · 5.1 MB", "8.0 s · 1.2 MB". */
function factsOf(input: ClipInputView): string {
  const parts: string[] = [];
  if (input.width && input.height) parts.push(i18n.t('library:inputs.size', { width: input.width, height: input.height }));
  if (input.durationSec !== undefined) parts.push(secondsText(input.durationSec.toFixed(1)));
  if (input.bytes !== undefined) parts.push(formatBytes(input.bytes));
  return parts.join(' · ');
}

/** The preview of one kept input: the image, a video (plays on demand), an audio player, or the URL a provider fetched. */
function Preview({ input, title }: { input: ClipInputView; title: string }) {
  const { t } = useTranslation('library');
  if (input.kept === 'link') {
    return (
      <span className="input-frame-missing">
        <Link2 aria-hidden="true" size={18} />
        {t('inputs.publicUrl')}
      </span>
    );
  }
  if (!input.url) {
    return (
      <span className="input-frame-missing">
        <ImageOff aria-hidden="true" size={18} />
        {t('inputs.fileMissing')}
      </span>
    );
  }
  const label = input.name ? t('inputs.named', { title, name: input.name }) : title;
  if (input.kind === 'video') return <video src={input.url} preload="metadata" controls muted aria-label={label} />;
  if (input.kind === 'audio') return <audio src={input.url} preload="metadata" controls aria-label={label} />;
  const how = input.kept === 'original' ? t('inputs.original') : t('inputs.asSent');
  const size = input.width && input.height ? t('inputs.altSize', { width: input.width, height: input.height }) : '';
  return <img src={input.url} alt={t('inputs.alt', { label, how, size })} />;
}

/**
 * The clip's inputs, frames first, then references in tag order: the original the user gave (or,
 * for clips filed by an older version, the processed copy that was sent), its name, size and — for
 * a frame — the size it was sent at.
 */
export function ClipInputs({ inputs }: { inputs: ClipInputView[] }) {
  const { t } = useTranslation('library');
  if (inputs.length === 0) return <p className="muted">{t('inputs.none')}</p>;
  return (
    <ul className="input-frames" aria-label={t('inputs.label')}>
      {inputs.map((input, index) => {
        const title = titleOf(input);
        const facts = factsOf(input);
        return (
          <li key={`${input.role}-${input.tag ?? index}`}>
            <figure className="input-frame">
              <Preview input={input} title={title} />
              <figcaption>
                <strong>{title}</strong>
                {input.name ? <span className="input-name"> · {input.name}</span> : null}
                {facts ? <span> · {facts}</span> : null}
                {input.kept === 'sent' ? <span>{t('inputs.notKept')}</span> : null}
                {input.sent ? <span>{t('inputs.sentAt', { width: input.sent.width, height: input.sent.height })}</span> : null}
                {input.link ? <span className="input-name"> · {input.link}</span> : null}
              </figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
