import { ImageOff, Link2 } from 'lucide-react';
import type { ClipInputView } from '../../../shared/contract/library';
import { bytes as formatBytes } from './format';

const FRAME_NAMES = { first: 'First frame', last: 'Last frame' } as const;

/** "First frame", "Last frame", or a reference's tag and kind ("@image1 · reference image"). */
function titleOf(input: ClipInputView): string {
  return input.role === 'reference' ? `${input.tag ?? ''} · reference ${input.kind}` : FRAME_NAMES[input.role];
}

/** Size and length in words: "4224 × 3168 · 5.1 MB", "8.0 s · 1.2 MB". */
function factsOf(input: ClipInputView): string {
  const parts: string[] = [];
  if (input.width && input.height) parts.push(`${input.width} × ${input.height}`);
  if (input.durationSec !== undefined) parts.push(`${input.durationSec.toFixed(1)} s`);
  if (input.bytes !== undefined) parts.push(formatBytes(input.bytes));
  return parts.join(' · ');
}

/** The preview of one kept input: the image, a video (plays on demand), an audio player, or the URL a provider fetched. */
function Preview({ input, title }: { input: ClipInputView; title: string }) {
  if (input.kept === 'link') {
    return (
      <span className="input-frame-missing">
        <Link2 aria-hidden="true" size={18} />
        Public URL
      </span>
    );
  }
  if (!input.url) {
    return (
      <span className="input-frame-missing">
        <ImageOff aria-hidden="true" size={18} />
        File missing
      </span>
    );
  }
  const label = `${title}${input.name ? `: ${input.name}` : ''}`;
  if (input.kind === 'video') return <video src={input.url} preload="metadata" controls muted aria-label={label} />;
  if (input.kind === 'audio') return <audio src={input.url} preload="metadata" controls aria-label={label} />;
  const how = input.kept === 'original' ? 'original' : 'as sent';
  return <img src={input.url} alt={`${label}, ${how}${input.width && input.height ? `, ${input.width} × ${input.height} px` : ''}`} />;
}

/**
 * The clip's inputs, frames first, then references in tag order: the original the user gave (or,
 * for clips filed by an older version, the processed copy that was sent), its name, size and — for
 * a frame — the size it was sent at.
 */
export function ClipInputs({ inputs }: { inputs: ClipInputView[] }) {
  if (inputs.length === 0) return <p className="muted">No inputs: made from the prompt alone.</p>;
  return (
    <ul className="input-frames" aria-label="Inputs">
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
                {input.kept === 'sent' ? <span> · as sent (original not kept)</span> : null}
                {input.sent ? <span> · sent at {input.sent.width} × {input.sent.height}</span> : null}
                {input.link ? <span className="input-name"> · {input.link}</span> : null}
              </figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
