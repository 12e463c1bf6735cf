import * as Dialog from '@radix-ui/react-dialog';
import { Film } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['library', 'common']);

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
    setStatus(t('chain.joining'));
    try {
      const answer = await libraryRequests(useStudio.getState()).library.exportChain({ id: clipId });
      if (answer.outcome === 'cancelled') setStatus('');
      else if (answer.outcome === 'saved') setStatus(t('chain.saved', { fileName: answer.fileName, clips: answer.clips, folder: answer.folder }));
      else {
        const link = document.createElement('a');
        link.href = answer.url;
        link.download = answer.fileName;
        link.click();
        setStatus(t('chain.downloading', { fileName: answer.fileName, clips: answer.clips }));
      }
    } catch (err) {
      setStatus(t('chain.notExported', { error: describeError(err) }));
    } finally {
      setWorking(false);
    }
  };

  const file = async () => {
    if (!clips) return;
    setWorking(true);
    setStatus(t('chain.joining'));
    try {
      const answer = await libraryRequests(useStudio.getState()).library.join({ ids: clips.map((c) => c.id) });
      setStatus(t('chain.filed', { joined: joinedText(answer) }));
    } catch (err) {
      setStatus(t('chain.notAdded', { error: describeError(err) }));
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
          <Dialog.Title className="library-dialog-title">
            <Film aria-hidden="true" size={18} />
            {clips ? t('chain.titleOf', { n: clips.length }) : t('chain.title')}
          </Dialog.Title>
          <Dialog.Description className="library-dialog-text">
            {t('chain.description')}
            {branched ? t('chain.branched') : ''}
          </Dialog.Description>
          {error ? <p role="alert">{error}</p> : null}
          {!clips && !error ? <p role="status">{t('chain.loading')}</p> : null}
          {current ? (
            <>
              <video
                ref={video}
                className="chain-video"
                src={current.playUrl ?? undefined}
                poster={current.posterUrl ?? undefined}
                controls
                aria-label={t('chain.videoLabel', { n: at + 1, of: clips?.length ?? 0, prompt: excerpt(current.prompt, 60) })}
                onEnded={() => clips && at + 1 < clips.length && setAt(at + 1)}
              />
              <div className="chain-transport">
                <button type="button" className="button" disabled={at === 0} onClick={() => setAt(at - 1)}>
                  {t('chain.previous')}
                </button>
                <span aria-live="polite">{t('chain.position', { n: at + 1, of: clips?.length ?? 0 })}</span>
                <button type="button" className="button" disabled={!clips || at + 1 >= clips.length} onClick={() => setAt(at + 1)}>
                  {t('chain.next')}
                </button>
              </div>
            </>
          ) : null}
          <div className="library-dialog-actions">
            <button type="button" className="button primary" disabled={!clips || clips.length < 2 || working} onClick={() => void save()} autoFocus={mode === 'export'}>
              {t('chain.saveMp4')}
            </button>
            <button type="button" className="button" disabled={!clips || clips.length < 2 || working} onClick={() => void file()}>
              {t('chain.addToLibrary')}
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('common:close')}
              </button>
            </Dialog.Close>
          </div>
          <p role="status" className="library-dialog-text">
            {status}
          </p>
    </>
  );
}
