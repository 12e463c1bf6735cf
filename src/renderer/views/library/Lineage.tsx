import { ArrowDownRight, ArrowUpLeft } from 'lucide-react';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClipDetail, ClipSummary } from '../../../shared/contract/library';
import { useStudio } from '../../store/index';
import { excerpt } from '../../store/library/slice';

type Ref = { id: string; present: boolean };

/**
 * Where the clip came from and what came after it: "Final of" (the draft a final was made from:
 * sidecar `parameters.finalOf`, seedance-2.5.md §2.6), "Continued from" (the clip whose last frame
 * it started from), "Edited from" / "Extended from" (the source clip of a Seedance 2.5 edit or
 * extend), "Joined from" (the clips joined, in order, into this one) — each a button that opens
 * that clip, or a note when it was deleted — and "Continued by".
 */
export function Lineage({ lineage, finalOf }: { lineage: ClipDetail['lineage']; finalOf?: string }) {
  const { t } = useTranslation('library');
  const from: Array<{ key: string; label: string; refs: Ref[] }> = [
    // A final names its draft's clip id; the link still opens it, or says it is gone, when clicked.
    { key: 'final', label: t('lineage.finalOf'), refs: finalOf ? [{ id: finalOf, present: true }] : [] },
    { key: 'continued', label: t('lineage.continuedFrom'), refs: lineage.continuedFrom ? [lineage.continuedFrom] : [] },
    { key: 'edited', label: t('lineage.editedFrom'), refs: lineage.editedFrom ? [lineage.editedFrom] : [] },
    { key: 'extended', label: t('lineage.extendedFrom'), refs: lineage.extendedFrom ? [lineage.extendedFrom] : [] },
    { key: 'joined', label: t('lineage.joinedFrom'), refs: lineage.joinedFrom ?? [] },
  ].filter((row) => row.refs.length > 0);
  if (from.length === 0 && lineage.continuedBy.length === 0) return <p className="muted">{t('lineage.none')}</p>;
  return (
    <dl className="lineage">
      {from.map((row) => (
        <Fragment key={row.key}>
          <dt>
            <ArrowUpLeft aria-hidden="true" size={14} /> {row.label}
          </dt>
          {row.refs.map((ref, i) => (
            <dd key={`${ref.id}-${i}`}>{ref.present ? <LineageLink id={ref.id} /> : <span className="muted">{t('lineage.deleted', { id: ref.id })}</span>}</dd>
          ))}
        </Fragment>
      ))}
      {lineage.continuedBy.length > 0 ? (
        <>
          <dt>
            <ArrowDownRight aria-hidden="true" size={14} /> {t('lineage.continuedBy')}
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
  const { t } = useTranslation('library');
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
      <span>{clip ? excerpt(clip.prompt, 70) : t('lineage.link', { id })}</span>
    </button>
  );
}
