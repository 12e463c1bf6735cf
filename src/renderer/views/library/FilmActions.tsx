import { Combine, Film, FilePlus2, FastForward, Scissors } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClipDetail } from '../../../shared/contract/library';
import { sourceChoices, type SourceTask } from '../../../shared/library/source-video';
import { useStudio } from '../../store/index';
import { joinWithSource } from '../../store/library/source-handoff';
import { ChainDialog, type ChainMode } from './ChainDialog';
import { SourceDialog } from './SourceDialog';
import { phraseText } from '../../i18n/phrase';

/** The Seedance 2.5 tasks on a clip, in button order. */
const SOURCE_TASKS: readonly SourceTask[] = ['edit', 'extend'];

/**
 * The open clip's Seedance 2.5 and film actions: **Edit…** and **Extend…** (issue 15 §2; disabled,
 * with the reason beside them, when no 2.5 row takes the task, the clip's length is outside the
 * task's range, or no row can take it now), **Join with the source** on an extended clip (the
 * provider may return only the new segment, seedance-2.5.md §2.3), and **Watch chain** / **Export
 * chain…** on a clip in a "Continue from last frame" chain (issue 14).
 */
export function FilmActions({ clip }: { clip: ClipDetail }) {
  const busy = useStudio((s) => s.library.busy);
  const { t } = useTranslation('library');
  const models = useStudio((s) => s.models.list?.models ?? null);
  const [task, setTask] = useState<SourceTask | null>(null);
  const [chain, setChain] = useState<ChainMode | null>(null);
  // When the verdicts were taken (a link's 24 h); taken again on each click, and main checks once more when Compose opens.
  const [now, setNow] = useState(Date.now);
  const verdicts = {
    edit: sourceChoices('edit', clip, models ?? [], now),
    extend: sourceChoices('extend', clip, models ?? [], now),
  };
  /** Why the task's button is disabled, or null when it is enabled. */
  const why = (kind: SourceTask): string | null => {
    if (!models) return t('film.loadingModels');
    const v = verdicts[kind];
    if (v.problem) return phraseText(v.problem.phrase, v.problem.message);
    const usable = v.choices.some((c) => !c.reason);
    const reason = v.choices[0]?.reason;
    return usable || !reason ? null : phraseText(reason.phrase, reason.message);
  };
  const extendSource = clip.lineage.extendedFrom;
  const inChain = Boolean(clip.lineage.continuedFrom?.present) || clip.lineage.continuedBy.length > 0;

  return (
    <div className="film-actions" role="toolbar" aria-label={t('film.label')}>
      {SOURCE_TASKS.map((kind) => {
        const reason = why(kind);
        return (
          <div key={kind} className="film-action">
            <button type="button" className="button" disabled={reason !== null || busy !== null} aria-describedby={reason ? `film-why-${kind}` : undefined} onClick={() => {
                setNow(Date.now());
                setTask(kind);
              }}>
              {kind === 'edit' ? <Scissors aria-hidden="true" size={16} /> : <FastForward aria-hidden="true" size={16} />}
              {kind === 'edit' ? t('film.edit') : t('film.extend')}
            </button>
            {reason ? (
              <span id={`film-why-${kind}`} className="film-why">
                {reason}
              </span>
            ) : null}
          </div>
        );
      })}
      {extendSource ? (
        <div className="film-action">
          <button
            type="button"
            className="button"
            disabled={!extendSource.present || busy !== null}
            aria-describedby={extendSource.present ? undefined : 'film-why-join'}
            onClick={() => void joinWithSource(useStudio, clip, extendSource.id)}
          >
            <Combine aria-hidden="true" size={16} />
            {busy === 'join' ? t('film.joining') : t('film.join')}
          </button>
          {extendSource.present ? null : (
            <span id="film-why-join" className="film-why">
              {t('film.sourceDeleted')}
            </span>
          )}
        </div>
      ) : null}
      {inChain ? (
        <>
          <button type="button" className="button" onClick={() => setChain('play')}>
            <Film aria-hidden="true" size={16} />
            {t('film.watchChain')}
          </button>
          <button type="button" className="button" onClick={() => setChain('export')}>
            <FilePlus2 aria-hidden="true" size={16} />
            {t('film.exportChain')}
          </button>
        </>
      ) : null}
      <SourceDialog key={task ?? 'closed'} clip={clip} task={task} choices={task ? verdicts[task].choices : []} onClose={() => setTask(null)} />
      <ChainDialog clipId={clip.id} mode={chain} onClose={() => setChain(null)} />
    </div>
  );
}
