import { ArrowDownRight, ArrowUpLeft } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ClipDetail, ClipSummary } from '../../../shared/contract/library';
import { useStudio } from '../../store/index';
import { excerpt } from '../../store/library/slice';

/**
 * Where the clip came from and what came after it: "Final of" (the draft a final was made from:
 * sidecar `parameters.finalOf`, seedance-2.5.md §2.6), "Continued from" (the clip whose last frame
 * it started from, or a note when that clip was deleted) and "Continued by". Each is a button that
 * opens that clip.
 */
export function Lineage({ lineage, finalOf }: { lineage: ClipDetail['lineage']; finalOf?: string }) {
  const from = lineage.continuedFrom;
  if (!from && lineage.continuedBy.length === 0 && !finalOf) return <p className="muted">Not continued from or into another clip.</p>;
  return (
    <dl className="lineage">
      {finalOf ? (
        <>
          <dt>
            <ArrowUpLeft aria-hidden="true" size={14} /> Final of
          </dt>
          <dd>
            <LineageLink id={finalOf} />
          </dd>
        </>
      ) : null}
      {from ? (
        <>
          <dt>
            <ArrowUpLeft aria-hidden="true" size={14} /> Continued from
          </dt>
          <dd>{from.present ? <LineageLink id={from.id} /> : <span className="muted">A clip that was deleted ({from.id})</span>}</dd>
        </>
      ) : null}
      {lineage.continuedBy.length > 0 ? (
        <>
          <dt>
            <ArrowDownRight aria-hidden="true" size={14} /> Continued by
          </dt>
          {lineage.continuedBy.map((id) => (
            <dd key={id}>
              <LineageLink id={id} />
            </dd>
          ))}
        </>
      ) : null}
    </dl>
  );
}

/** A button that opens clip `id`, showing its poster and prompt once `library:get` answers. */
function LineageLink({ id }: { id: string }) {
  const open = useStudio((s) => s.library.open);
  const requests = useStudio((s) => s.library.requests);
  const [clip, setClip] = useState<ClipSummary | null>(null);
  useEffect(() => {
    let live = true;
    // Without it the button still opens the clip; only the label is plainer.
    requests?.library
      .get({ id })
      .then((c) => live && setClip(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, requests]);
  return (
    <button type="button" className="lineage-link" onClick={() => void open(id)}>
      {clip?.posterUrl ? <img src={clip.posterUrl} alt="" /> : <span className="lineage-thumb" />}
      <span>{clip ? excerpt(clip.prompt, 70) : `Clip ${id}`}</span>
    </button>
  );
}
