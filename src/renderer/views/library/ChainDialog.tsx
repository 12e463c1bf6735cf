import * as Dialog from '@radix-ui/react-dialog';
import { Film } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ClipSummary } from '../../../shared/contract/library';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { joinedText } from '../../store/library/source-handoff';
import { excerpt, libraryRequests } from '../../store/library/slice';

/** What the dialog was opened for: watching the chain (plays at once) or exporting it. */
export type ChainMode = 'play' | 'export';

/**
 * **A chain as one film** (issue 14): the "Continue from last frame" chain through the open clip
 * (`library:chain`), played in order as one sequence — each clip's end starts the next — with
 * "Clip k of N", Previous and Next; and exported as one MP4 (`library:exportChain`, joined in the
 * job engine: streams copied when the clips match, else re-encoded) where the user picks, or filed
 * into the library as one clip (`library:join`, lineage "joined from").
 */
export function ChainDialog({ clipId, mode, onClose }: { clipId: string; mode: ChainMode | null; onClose(): void }) {
  return (
    <Dialog.Root open={mode !== null} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="library-dialog-overlay" />
        <Dialog.Content className="library-dialog chain-dialog">{mode ? <ChainBody clipId={clipId} mode={mode} /> : null}</Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog's content, mounted afresh each time it opens (so nothing of the last chain lingers). */
function ChainBody({ clipId, mode }: { clipId: string; mode: ChainMode }) {
  const [clips, setClips] = useState<ClipSummary[] | null>(null);
  const [branched, setBranched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState(0);
  const [status, setStatus] = useState('');
  const [working, setWorking] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let live = true;
    libraryRequests(useStudio.getState())
      .library.chain({ id: clipId })
      .then((chain) => {
        if (!live) return;
        setClips(chain.clips);
        setBranched(chain.branched);
      })
      .catch((err) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, [clipId]);

  const current = clips?.[at];
  // A new clip in the sequence plays on its own once it is loaded (when the dialog is for watching, or the user pressed play).
  useEffect(() => {
    if (mode === 'play' || at > 0) void video.current?.play().catch(() => undefined);
  }, [at, current?.id, mode]);

  const save = async () => {
    setWorking(true);
    setStatus('Joining the clips…');
    try {
      const answer = await libraryRequests(useStudio.getState()).library.exportChain({ id: clipId });
      if (answer.outcome === 'cancelled') setStatus('');
      else if (answer.outcome === 'saved') setStatus(`Saved "${answer.fileName}" (${answer.clips} clips) in ${answer.folder}.`);
      else {
        const link = document.createElement('a');
        link.href = answer.url;
        link.download = answer.fileName;
        link.click();
        setStatus(`Downloading "${answer.fileName}" (${answer.clips} clips).`);
      }
    } catch (err) {
      setStatus(`Not exported: ${describeError(err)}`);
    } finally {
      setWorking(false);
    }
  };

  const file = async () => {
    if (!clips) return;
    setWorking(true);
    setStatus('Joining the clips…');
    try {
      const answer = await libraryRequests(useStudio.getState()).library.join({ ids: clips.map((c) => c.id) });
      setStatus(`${joinedText(answer)} It is in the library now.`);
    } catch (err) {
      setStatus(`Not added: ${describeError(err)}`);
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
          <Dialog.Title className="library-dialog-title">
            <Film aria-hidden="true" size={18} />
            {clips ? `Chain of ${clips.length} clips` : 'Chain'}
          </Dialog.Title>
          <Dialog.Description className="library-dialog-text">
            The clips continued from one another&apos;s last frame, played in order as one film.
            {branched ? ' Where a clip was continued more than once, the highest-rated take is used.' : ''}
          </Dialog.Description>
          {error ? <p role="alert">{error}</p> : null}
          {!clips && !error ? <p role="status">Loading the chain…</p> : null}
          {current ? (
            <>
              <video
                ref={video}
                className="chain-video"
                src={current.playUrl ?? undefined}
                poster={current.posterUrl ?? undefined}
                controls
                aria-label={`Chain, clip ${at + 1} of ${clips?.length ?? 0}: ${excerpt(current.prompt, 60)}`}
                onEnded={() => clips && at + 1 < clips.length && setAt(at + 1)}
              />
              <div className="chain-transport">
                <button type="button" className="button" disabled={at === 0} onClick={() => setAt(at - 1)}>
                  Previous clip
                </button>
                <span aria-live="polite">
                  Clip {at + 1} of {clips?.length}
                </span>
                <button type="button" className="button" disabled={!clips || at + 1 >= clips.length} onClick={() => setAt(at + 1)}>
                  Next clip
                </button>
              </div>
            </>
          ) : null}
          <div className="library-dialog-actions">
            <button type="button" className="button primary" disabled={!clips || clips.length < 2 || working} onClick={() => void save()} autoFocus={mode === 'export'}>
              Save as one MP4…
            </button>
            <button type="button" className="button" disabled={!clips || clips.length < 2 || working} onClick={() => void file()}>
              Add to the library as one clip
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button">
                Close
              </button>
            </Dialog.Close>
          </div>
          <p role="status" className="library-dialog-text">
            {status}
          </p>
    </>
  );
}
