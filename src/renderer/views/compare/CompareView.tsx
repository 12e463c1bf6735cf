import * as Dialog from '@radix-ui/react-dialog';
import { Columns2, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClipDetail } from '../../../shared/contract/library';
import { describeError } from '../../api/client';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { seedText, settingsDiff } from '../../store/compare/diff';
import { isTyping } from '../library/player-keys';
import { CompareDiff } from './CompareDiff';
import { ComparePane } from './ComparePane';
import { CompareSound } from './CompareSound';
import { CompareTransport } from './CompareTransport';
import { useSyncedPlayers } from './use-synced-players';
import './compare.css';

/** The clips being compared, as fetched from main. */
type Loaded = { status: 'loading' } | { status: 'ready'; clips: ClipDetail[] } | { status: 'error'; message: string };

/** A pane's name: "Take 2 of 3 · seed 42" for a batch's take, else "Clip 1 · seed 42". */
export function paneName(clip: ClipDetail, index: number): string {
  const seed = seedText(clip);
  return clip.batch
    ? i18n.t('compare:view.paneTake', { take: clip.batch.take, of: clip.batch.of, seed })
    : i18n.t('compare:view.paneClip', { n: index + 1, seed });
}

/** Takes of one batch in take order; any other set as picked. */
function inTakeOrder(clips: ClipDetail[]): ClipDetail[] {
  const batch = clips[0]?.batch?.id;
  if (!batch || clips.some((c) => c.batch?.id !== batch)) return clips;
  return [...clips].sort((a, b) => a.batch!.take - b.batch!.take);
}

/**
 * Compare (issue 14): 2–4 clips side by side, played in sync under one transport — play/pause,
 * scrub, frame step, loop — with the players kept together (drift corrected, `useSyncedPlayers`),
 * a diff of their settings and seeds (the fields that differ marked), and a favourite and rating
 * per clip. A Radix dialog over the app, opened from the Library's pick or a batch. Keys: Space
 * play/pause, ←/→ or `,`/`.` one frame, Home to the start, L loop, Escape closes.
 */
export function CompareView() {
  const showing = useStudio((s) => s.compare.showing);
  const close = useStudio((s) => s.compare.close);
  return (
    <Dialog.Root open={showing !== null} onOpenChange={(open) => (open ? undefined : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="compare-overlay" />
        <Dialog.Content className="compare" aria-describedby={undefined}>
          {showing ? <CompareBody ids={showing} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CompareBody({ ids }: { ids: string[] }) {
  const requests = useStudio((s) => s.library.requests);
  const rate = useStudio((s) => s.library.rate);
  const key = ids.join(',');
  const { t } = useTranslation('compare');
  // The answer for the ids asked last; another set of ids shows "loading" until its own arrives.
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded } | null>(null);
  const loaded: Loaded = !requests
    ? { status: 'error', message: t('view.notConnected') }
    : answer?.key === key
      ? answer.loaded
      : { status: 'loading' };

  useEffect(() => {
    if (!requests) return;
    let live = true;
    Promise.all(key.split(',').map((id) => requests.library.get({ id })))
      .then((clips) => live && setAnswer({ key, loaded: { status: 'ready', clips: inTakeOrder(clips) } }))
      .catch((err: unknown) => live && setAnswer({ key, loaded: { status: 'error', message: describeError(err) } }));
    return () => {
      live = false;
    };
  }, [key, requests]);

  const onRate = useCallback(
    (id: string, stars: number) => {
      // The pane follows at once; the library slice writes the sidecar and says so if main refuses.
      setAnswer((a) =>
        a?.loaded.status === 'ready' ? { ...a, loaded: { ...a.loaded, clips: a.loaded.clips.map((c) => (c.id === id ? { ...c, rating: stars } : c)) } } : a,
      );
      void rate(id, stars);
    },
    [rate],
  );

  const count = ids.length;
  return (
    <>
      <header className="compare-header">
        <Dialog.Title className="compare-title">
          <Columns2 aria-hidden="true" size={20} />
          {t('view.title', { n: count })}
        </Dialog.Title>
        <Dialog.Close asChild>
          <button type="button" className="icon-button" aria-label={t('view.close')} title={t('view.closeTitle')}>
            <X aria-hidden="true" size={18} />
          </button>
        </Dialog.Close>
      </header>
      {loaded.status === 'loading' ? (
        <p className="compare-state" role="status">
          {t('view.loading', { n: count })}
        </p>
      ) : loaded.status === 'error' ? (
        <p className="compare-state" role="alert">
          {t('view.error', { message: loaded.message })}
        </p>
      ) : (
        <Synced clips={loaded.clips} onRate={onRate} />
      )}
    </>
  );
}

function Synced({ clips, onRate }: { clips: ClipDetail[]; onRate(id: string, stars: number): void }) {
  // One array while the clips' lengths stay the same (a rating changes the clips, not their lengths).
  const lengths = clips.map((c) => c.durationSec).join(',');
  const durations = useMemo(() => lengths.split(',').map(Number), [lengths]);
  const players = useSyncedPlayers(durations);
  const root = useRef<HTMLDivElement>(null);
  const { toggle, step, seek, toggleLoop } = players;

  useEffect(() => {
    const el = root.current?.closest<HTMLElement>('.compare');
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // The sound picker keeps its own keys (Space opens it, letters pick a pane).
      if (e.target instanceof HTMLSelectElement) return;
      // The scrubber and the star ratings take their own arrows.
      const onOwnArrows = e.target instanceof HTMLElement && Boolean(e.target.closest('input[type="range"], [role="radiogroup"]'));
      const key = e.key;
      if (key === ' ' && !(e.target instanceof HTMLButtonElement)) toggle();
      else if ((key === 'ArrowLeft' && !onOwnArrows) || key === ',') step(-1);
      else if ((key === 'ArrowRight' && !onOwnArrows) || key === '.') step(1);
      else if (key === 'Home' && !onOwnArrows) seek(0);
      else if (key === 'l' || key === 'L') toggleLoop();
      else return;
      e.preventDefault();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [toggle, step, seek, toggleLoop]);

  const rows = settingsDiff(clips);
  const names = clips.map(paneName);
  const videos = useCallback(() => [...(root.current?.querySelectorAll<HTMLVideoElement>('.compare-pane video') ?? [])], []);
  return (
    <div className="compare-body" ref={root}>
      <div className="compare-panes" data-count={clips.length}>
        {clips.map((clip, i) => (
          <ComparePane key={clip.id} clip={clip} name={names[i]!} videoRef={players.videoRef(i)} onRate={(stars) => onRate(clip.id, stars)} />
        ))}
      </div>
      <CompareTransport players={players} />
      <CompareSound names={names} videos={videos} />
      <CompareDiff rows={rows} names={names} />
    </div>
  );
}
