import { ImagePlus, LoaderCircle, Ratio, RotateCcw, X } from 'lucide-react';
import { useState, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelEntry } from '../../../shared/catalog/types';
import { ratiosDiffer } from '../../../shared/drafts/crop';
import { useStudio } from '../../store/index';
import { frameOf, type FrameRole } from '../../store/compose/edits';
import type { CheckState } from '../../store/compose/frame-state';
import { imageFileFrom } from '../../store/compose/frame-files';
import { formatBytes, formatSize } from './format';
import { photoRatioText } from './CropEditor';
import { FrameCrop } from './FrameCrop';
import { FrameVerdict } from './FrameVerdict';
import { photoRatio } from './photo-ratio';

interface FrameSlotProps {
  role: FrameRole;
  model: ModelEntry | undefined;
  /** Why this model takes no image here; the slot is then greyed, its photo (if any) kept. */
  unusedReason: string | null;
  /** The slot's hidden file input, for Ctrl+O. */
  inputRef: RefObject<HTMLInputElement | null>;
  shortcut: string;
  onActivate(role: FrameRole): void;
}

/**
 * A first- or last-frame slot. Empty: a drop zone ("Drop a photo, paste, or press Ctrl+O") that
 * takes files from the file manager, the picker, or the clipboard. Filled: the crop box showing
 * what the provider receives, the photo's name and size, its verdict and warnings, and clear (×).
 * Dropping onto a filled slot replaces the photo.
 */
export function FrameSlot({ role, model, unusedReason, inputRef, shortcut, onActivate }: FrameSlotProps) {
  const frame = useStudio((s) => (s.compose.draft ? frameOf(s.compose.draft, role) : undefined));
  const image = useStudio((s) => (frame ? s.compose.images[frame.imageId] : undefined));
  const check = useStudio((s) => s.compose.checks[role]);
  const fix = useStudio((s) => s.compose.fixes[role]);
  const importing = useStudio((s) => s.compose.importing[role]);
  const error = useStudio((s) => s.compose.frameErrors[role]);
  const importFile = useStudio((s) => s.compose.importFile);
  const clearFrame = useStudio((s) => s.compose.clearFrame);
  const setCrop = useStudio((s) => s.compose.setCrop);
  const setParam = useStudio((s) => s.compose.setParam);
  const aspectRatio = useStudio((s) => s.compose.draft?.params.aspectRatio);
  const hasFirst = useStudio((s) => Boolean(s.compose.draft?.firstFrame));
  const [dragging, setDragging] = useState(false);
  const { t } = useTranslation('compose');
  const title = t(`frames.title.${role}`);
  const info = image?.info ?? (check.status === 'done' ? check.value.info : undefined);
  // The last frame is fitted to the first frame's size, so only the first frame's ratio is the job's.
  const followsFirst = role === 'last' && hasFirst;
  const ratioLabel = followsFirst ? t('frames.firstFrameRatio') : (aspectRatio ?? t('frames.outputRatio'));
  const ownRatio = ownRatioChoice(model, info, check, aspectRatio, followsFirst);
  const usePhotoRatio = ownRatio ? { ...ownRatio, apply: () => setParam('aspectRatio', ownRatio.value) } : null;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = imageFileFrom(e.dataTransfer);
    if (file) void importFile(role, file); // importFile records its own failure.
  };
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop,
  };

  return (
    <section
      className="frame-slot"
      aria-label={title}
      data-role={role}
      data-dragging={dragging || undefined}
      data-unused={unusedReason ? true : undefined}
      onFocus={() => onActivate(role)}
      onPointerDown={() => onActivate(role)}
      {...dropProps}
    >
      <header className="frame-slot-head">
        <h2 className="compose-label">{title}</h2>
        {frame ? (
          <button type="button" className="icon-button small" aria-label={t('frames.clear', { frame: title.toLowerCase() })} title={t('frames.clearTitle')} onClick={() => clearFrame(role)}>
            <X aria-hidden="true" size={15} />
          </button>
        ) : null}
      </header>
      <input
        ref={inputRef}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/bmp,image/tiff,image/gif,image/heic,image/avif,.jpg,.jpeg,.png,.webp,.bmp,.tif,.tiff,.gif,.heic,.avif"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('frames.choose', { frame: title.toLowerCase() })}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // Picking the same file again must fire `change` again.
          if (file) void importFile(role, file); // importFile records its own failure.
        }}
      />
      {unusedReason ? <p className="frame-unused">{unusedReason}</p> : null}
      {frame ? (
        <div className="frame-filled">
          {image?.previewUrl && info && check.status === 'done' ? (
            <FrameCrop
              key={`${frame.imageId}:${check.value.target.width}x${check.value.target.height}`}
              imageId={frame.imageId}
              previewUrl={image.previewUrl}
              source={info}
              target={check.value.target}
              ratioLabel={ratioLabel}
              centre={check.value.crop}
              crop={frame.crop}
              label={title}
              onCrop={(crop) => setCrop(role, crop)}
              photoRatio={usePhotoRatio}
            />
          ) : image?.previewUrl ? (
            <img className="frame-thumb" src={image.previewUrl} alt="" />
          ) : (
            <div className="frame-thumb placeholder" aria-hidden="true" />
          )}
          <div className="frame-meta">
            <span className="frame-name" title={info?.name}>
              {info?.name ?? t('frames.photo')}
            </span>
            {info ? (
              <span className="frame-size">{t('frames.size', { size: formatSize(info), bytes: formatBytes(info.bytes) })}</span>
            ) : null}
            {frame.crop ? (
              <button type="button" className="text-button" onClick={() => setCrop(role, undefined)}>
                <RotateCcw aria-hidden="true" size={13} />
                {t('frames.centre')}
              </button>
            ) : null}
          </div>
          {/* A photo the job leaves out needs no verdict: the slot says why it is greyed. */}
          {unusedReason ? null : <FrameVerdict check={check} fix={fix} model={model} crop={frame.crop} />}
          {usePhotoRatio && !unusedReason ? (
            <button type="button" className="text-button photo-ratio" onClick={usePhotoRatio.apply}>
              <Ratio aria-hidden="true" size={13} />
              {photoRatioText(usePhotoRatio)}
            </button>
          ) : null}
        </div>
      ) : (
        <button type="button" className="drop-zone" aria-describedby={error ? `${role}-frame-error` : undefined} onClick={() => inputRef.current?.click()}>
          {importing ? <LoaderCircle className="spin" aria-hidden="true" size={26} /> : <ImagePlus aria-hidden="true" size={26} strokeWidth={1.5} />}
          <span className="drop-zone-title">{importing ? t('frames.reading') : t('frames.drop', { shortcut })}</span>
          <span className="drop-zone-sub">{t('frames.formats')}</span>
        </button>
      )}
      {importing && frame ? (
        <p className="compose-muted" role="status">
          <LoaderCircle className="spin" aria-hidden="true" size={14} /> {t('frames.reading')}
        </p>
      ) : null}
      {error ? (
        <p id={`${role}-frame-error`} className="compose-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/**
 * The "Use the photo's own ratio" choice for this frame, or null when it would change nothing: no
 * verdict yet, a last frame (fitted to the first frame), a row without an aspect ratio choice, the
 * job already at that ratio, or the photo already matching what is sent.
 */
function ownRatioChoice(
  model: ModelEntry | undefined,
  info: { width: number; height: number } | undefined,
  check: CheckState,
  aspectRatio: string | undefined,
  followsFirst: boolean,
) {
  if (!model || !info || followsFirst || check.status !== 'done') return null;
  const spec = model.params.find((p) => p.key === 'aspectRatio');
  if (spec?.kind !== 'enum') return null;
  const choice = photoRatio(info, spec.options);
  const { target } = check.value;
  if (!choice || choice.value === aspectRatio || !ratiosDiffer(info.width / info.height, target.width / target.height)) return null;
  return choice;
}
