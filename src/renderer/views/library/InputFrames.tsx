import { ImageOff } from 'lucide-react';
import type { ClipDetail } from '../../../shared/contract/library';

/** The processed first and last frames the clip was made from, as they were sent, with their sizes. */
export function InputFrames({ inputs }: { inputs: ClipDetail['inputs'] }) {
  if (inputs.length === 0) return <p className="muted">No input frames: made from the prompt alone.</p>;
  const ordered = [...inputs].sort((a, b) => (a.role === b.role ? 0 : a.role === 'first' ? -1 : 1));
  return (
    <div className="input-frames">
      {ordered.map((input) => {
        const name = input.role === 'first' ? 'First frame' : 'Last frame';
        return (
          <figure key={input.role} className="input-frame">
            {input.url ? (
              <img src={input.url} alt={`${name} as sent, ${input.width} × ${input.height} px`} />
            ) : (
              <span className="input-frame-missing">
                <ImageOff aria-hidden="true" size={18} />
                File missing
              </span>
            )}
            <figcaption>
              {name} · {input.width} × {input.height}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
