import { Download, FileJson, FolderOpen, Layers, LoaderCircle, Recycle, StepForward, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ClipDetail } from '../../../shared/contract/library';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { continueClip, reuseClip } from '../../store/library/handoff';
import { libraryRequests } from '../../store/library/slice';
import { MakeFinal } from './MakeFinal';

/**
 * The open clip's actions: Reuse and Continue from last frame (both open Compose with a new
 * draft), Reveal in folder, Save a copy (the MP4, where the user chooses), Export sidecar (saves
 * the JSON), and Delete (to the trash, with Undo). A take of a batch also offers its batch (the
 * grid shows only that batch's takes, to compare).
 */
export function ClipActions({ clip }: { clip: ClipDetail }) {
  const busy = useStudio((s) => s.library.busy);
  const trash = useStudio((s) => s.library.trash);
  const toast = useStudio((s) => s.library.showToast);
  const { t } = useTranslation('library');

  const reveal = async () => {
    try {
      const { revealed } = await libraryRequests(useStudio.getState()).library.reveal({ id: clip.id });
      if (!revealed) toast({ tone: 'info', text: t('actions.noFileManager', { folder: clip.folder }) });
    } catch (err) {
      toast({ tone: 'error', text: t('actions.notShown', { error: describeError(err) }) });
    }
  };

  /** Save a copy (the MP4) or Export sidecar (the JSON): main's save dialog, or a browser download where there is none. */
  const save = async (what: 'video' | 'sidecar') => {
    try {
      const requests = libraryRequests(useStudio.getState()).library;
      const answer = what === 'video' ? await requests.saveCopy({ id: clip.id }) : await requests.exportSidecar({ id: clip.id });
      if (answer.outcome === 'saved') toast({ tone: 'info', text: t('actions.saved', { fileName: answer.fileName, folder: answer.folder }) });
      if (answer.outcome !== 'no_dialog') return;
      if ('json' in answer && typeof answer.json === 'string') saveText(answer.fileName, answer.json);
      else if (clip.videoUrl) download(clip.videoUrl, answer.fileName);
      else throw new Error(t('detail.fileMissing'));
    } catch (err) {
      toast({ tone: 'error', text: t('actions.notSaved', { error: describeError(err) }) });
    }
  };

  return (
    <div className="clip-actions" role="toolbar" aria-label={t('actions.label')}>
      <button type="button" className="button primary" disabled={busy !== null} onClick={() => void reuseClip(useStudio, clip)}>
        {busy === 'reuse' ? <LoaderCircle aria-hidden="true" size={16} className="spin" /> : <Recycle aria-hidden="true" size={16} />}
        {busy === 'reuse' ? t('actions.openingCompose') : t('actions.reuse')}
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void continueClip(useStudio, clip)}>
        {busy === 'continue' ? <LoaderCircle aria-hidden="true" size={16} className="spin" /> : <StepForward aria-hidden="true" size={16} />}
        {busy === 'continue' ? t('actions.extracting') : t('actions.continue')}
      </button>
      <MakeFinal clip={clip} />
      {clip.batch ? (
        <button type="button" className="button" onClick={() => showBatch(clip.batch!.id)}>
          <Layers aria-hidden="true" size={16} />
          {t('actions.showBatch', { of: clip.batch.of })}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => void reveal()}>
        <FolderOpen aria-hidden="true" size={16} />
        {t('actions.reveal')}
      </button>
      <button type="button" className="button" onClick={() => void save('video')}>
        <Download aria-hidden="true" size={16} />
        {t('actions.saveCopy')}
      </button>
      <button type="button" className="button" onClick={() => void save('sidecar')}>
        <FileJson aria-hidden="true" size={16} />
        {t('actions.exportSidecar')}
      </button>
      <button type="button" className="button danger" disabled={busy !== null} onClick={() => void trash(clip.id)}>
        <Trash2 aria-hidden="true" size={16} />
        {t('actions.delete')}
      </button>
    </div>
  );
}

/** Closes the detail and shows only the takes of batch `id` in the grid. */
function showBatch(id: string): void {
  const { library } = useStudio.getState();
  library.setFilters({ batchId: id });
  library.close();
}

/** Saves `text` as a download named `fileName`, through a Blob URL revoked once the download has it. */
function saveText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  download(url, fileName);
  // The download has taken the bytes once the click returns; a short delay covers slow hosts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the same-origin `url` as `fileName` through a link that is never attached to the
 * document, so the app's link guard (which stops in-window navigation) does not see it.
 */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}
