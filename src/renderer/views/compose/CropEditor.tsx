import * as Dialog from '@radix-ui/react-dialog';
import { Crop, LoaderCircle, Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import Cropper from 'react-easy-crop';
import 'react-easy-crop/react-easy-crop.css';
import { cropNotices, fitsRatio, percentToRect, rectToPercent, sameRect } from '../../../shared/drafts/crop';
import type { DraftCrop } from '../../../shared/drafts/draft';
import { formatFixed } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { formatSize } from './format';
import type { PhotoRatio } from './photo-ratio';
import { phraseText } from '../../i18n/phrase';

interface Size {
  width: number;
  height: number;
}

interface CropEditorProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** "First frame" or "Last frame". */
  title: string;
  imageId: string;
  /** The slot's small thumbnail: shown until the large preview is in, or if it cannot be made. */
  previewUrl: string;
  /** The upright source's size, px: crops are stored in these pixels. */
  source: Size;
  /** The size the provider receives, px; its ratio is the crop rectangle's, locked. */
  target: Size;
  /** What the target's ratio is called (`16:9`, `adaptive`…), for the dialog's words. */
  ratioLabel: string;
  /** The centre crop the provider would make (the image service's `check.crop`). */
  centre: DraftCrop;
  crop: DraftCrop | undefined;
  /** Stores the framing: undefined when it equals the centre (the draft only holds a crop the user chose). */
  onApply(crop: DraftCrop | undefined): void;
  /** The one-click switch to the photo's own ratio, when the job's ratio differs from it. */
  photoRatio: (PhotoRatio & { apply(): void }) | null;
}

/** Side of the large preview asked from the image service, px (`images:preview` allows up to 2048). */
const LARGE_PREVIEW = 2048;
const MAX_ZOOM = 8;
const ZOOM_STEP = 1.25;
/** Arrow keys move the photo by this many screen px (Shift: a fifth of it, react-easy-crop's fine step). */
const KEY_STEP = 10;

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(1, z));
/** Share of the stage's length the rectangle takes along the side the photo overflows: the rest shows the photo around it. */
const RECT_SHARE = 0.84;

/**
 * The box the cropper draws in, px, and how the photo fills it, so that the rectangle is as large
 * as the stage allows and, at zoom 1, is exactly the largest crop of the photo (the provider's
 * centre crop): a photo taller than the output fills the box's width (`horizontal-cover`), the
 * box a little taller than the rectangle to show the photo above and below it; a wider photo fills
 * its height (`vertical-cover`), with the photo showing left and right. ("contain" would shrink a
 * portrait on 16:9 to a rectangle a few dozen px high.)
 */
export function stageLayout(stage: Size, photo: Size, ratio: number): { box: Size; fit: 'horizontal-cover' | 'vertical-cover' } {
  if (photo.width / photo.height < ratio) {
    return { box: { width: Math.min(stage.width, stage.height * ratio * RECT_SHARE), height: stage.height }, fit: 'horizontal-cover' };
  }
  return { box: { width: stage.width, height: Math.min(stage.height, (stage.width / ratio) * RECT_SHARE) }, fit: 'vertical-cover' };
}

/** The content size of the element `ref` points at, px, kept current; null until measured. */
function useSize(ref: RefObject<HTMLElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The button label for the photo-ratio switch, in the UI's language: "Use the photo's own ratio (3:4)". */
export function photoRatioText(choice: PhotoRatio): string {
  return choice.exact ? i18n.t('compose:crop.ownRatio', { ratio: choice.label }) : i18n.t('compose:crop.nearestRatio', { ratio: choice.label });
}

/**
 * The large crop editor (issue 14 item 9): a dialog with the photo as big as the window allows, the
 * rectangle locked to the output's ratio, drag to move, zoom by wheel, buttons, a slider or `+`/`−`
 * (`0` goes back to the centre), arrow keys to nudge. While framing, it says what the rectangle keeps
 * (the same words the verdict will use) and what is sent. Apply stores the rectangle in px of the
 * upright photo; the image service trims exactly that (`images:fix` with `crop: rect`).
 */
export function CropEditor(props: CropEditorProps) {
  const { open, onOpenChange, title } = props;
  const { t } = useTranslation('compose');
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="crop-dialog-overlay" />
        <Dialog.Content className="crop-dialog" aria-describedby={undefined}>
          <Dialog.Title className="crop-dialog-title">
            <Crop aria-hidden="true" size={18} />
            {t('crop.title', { frame: title.toLowerCase() })}
          </Dialog.Title>
          {open ? <CropEditorBody {...props} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CropEditorBody({ onOpenChange, title, imageId, previewUrl, source, target, ratioLabel, centre, crop, onApply, photoRatio }: CropEditorProps) {
  const helpId = useId();
  const { t } = useTranslation('compose');
  const ratio = target.width / target.height;
  const start = crop && fitsRatio(crop, ratio) ? crop : centre;
  const [large, setLarge] = useState<string | null>(null);
  const [position, setPosition] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [rect, setRect] = useState<DraftCrop>(start);
  // A reset must place the rectangle again from the centre, which only a fresh Cropper does.
  const [generation, setGeneration] = useState(0);
  const requests = useStudio((s) => s.compose.requests);
  const stageRef = useRef<HTMLDivElement>(null);
  const stage = useSize(stageRef);
  const layout = stage ? stageLayout(stage, source, ratio) : null;

  useEffect(() => {
    let live = true;
    requests?.images
      .preview({ imageId, maxSide: LARGE_PREVIEW })
      .then((p) => live && setLarge(p.previewUrl))
      .catch(() => live && setLarge(previewUrl));
    return () => {
      live = false;
    };
  }, [requests, imageId, previewUrl]);
  // Without a connection to main (never in the app) the thumbnail is all there is.
  const url = requests ? large : previewUrl;

  const zoomBy = (factor: number) => setZoom((z) => clampZoom(z * factor));
  const reset = () => {
    setRect(centre);
    setZoom(1);
    setPosition({ x: 0, y: 0 });
    setGeneration((g) => g + 1);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') zoomBy(ZOOM_STEP);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / ZOOM_STEP);
    else if (e.key === '0') reset();
    else return;
    e.preventDefault();
  };
  const notices = cropNotices(source, rect, target, { by: 'user' }).map((n) => ({ rule: n.rule, text: phraseText(n.phrase, n.message) }));

  return (
    <>
      <p id={helpId} className="crop-dialog-help">
        {t('crop.help', { ratio: ratioLabel, size: formatSize(target) })}
      </p>
      <div className="crop-stage" ref={stageRef} onKeyDown={onKeyDown}>
        {url && layout ? (
          <div className="crop-stage-box" style={{ width: layout.box.width, height: layout.box.height }}>
            <Cropper
              // A new stage size or a reset places the rectangle again (react-easy-crop reads the initial area once).
              key={`${generation}:${layout.box.width}x${layout.box.height}`}
              image={url}
              crop={position}
              zoom={zoom}
              minZoom={1}
              maxZoom={MAX_ZOOM}
              aspect={ratio}
              onCropChange={setPosition}
              onZoomChange={(z) => setZoom(clampZoom(z))}
              onCropAreaChange={(area) => setRect(percentToRect(area, source))}
              onCropComplete={(area) => setRect(percentToRect(area, source))}
              // Read only when a Cropper loads the photo: the current rectangle survives a new stage size.
              initialCroppedAreaPercentages={rectToPercent(rect, source)}
              objectFit={layout.fit}
              showGrid
              keyboardStep={KEY_STEP}
              disableAutomaticStylesInjection
              mediaProps={{ alt: '' }}
              cropperProps={{
                role: 'application',
                'aria-roledescription': t('crop.roleDescription'),
                'aria-label': t('crop.stageLabel', { frame: title }),
                'aria-describedby': helpId,
              }}
            />
          </div>
        ) : (
          <p className="crop-stage-loading" role="status">
            <LoaderCircle className="spin" aria-hidden="true" size={18} /> {t('crop.loading')}
          </p>
        )}
      </div>
      <div className="crop-controls">
        <div className="crop-zoom" role="group" aria-label={t('crop.zoom')}>
          <button type="button" className="icon-button" aria-label={t('crop.zoomOut')} title={t('crop.zoomOutTitle')} disabled={zoom <= 1} onClick={() => zoomBy(1 / ZOOM_STEP)}>
            <ZoomOut aria-hidden="true" size={17} />
          </button>
          <input
            type="range"
            className="crop-zoom-slider"
            aria-label={t('crop.zoomLevel')}
            aria-valuetext={t('crop.zoomValue', { zoom: formatFixed(zoom, 1) })}
            min={1}
            max={MAX_ZOOM}
            step="any"
            value={zoom}
            onChange={(e) => setZoom(clampZoom(Number(e.target.value)))}
          />
          <button type="button" className="icon-button" aria-label={t('crop.zoomIn')} title={t('crop.zoomInTitle')} disabled={zoom >= MAX_ZOOM} onClick={() => zoomBy(ZOOM_STEP)}>
            <ZoomIn aria-hidden="true" size={17} />
          </button>
          <span className="crop-zoom-value" aria-hidden="true">
            {t('crop.zoomShown', { zoom: formatFixed(zoom, 1) })}
          </span>
        </div>
        <button type="button" className="button" onClick={reset}>
          <Maximize aria-hidden="true" size={15} />
          {t('crop.centre')}
        </button>
        {photoRatio ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              photoRatio.apply();
              onOpenChange(false);
            }}
          >
            {photoRatioText(photoRatio)}
          </button>
        ) : null}
      </div>
      <div className="crop-readout" role="status" aria-live="polite">
        <span>
          {t('crop.keeps', { size: formatSize(rect), left: rect.left, top: rect.top, target: formatSize(target) })}
        </span>
        {notices.map((n) => (
          <span key={n.rule} className="crop-notice" data-rule={n.rule}>
            {n.text.charAt(0).toUpperCase() + n.text.slice(1)}
          </span>
        ))}
      </div>
      <div className="crop-dialog-actions">
        <Dialog.Close asChild>
          <button type="button" className="button">
            {t('crop.cancel')}
          </button>
        </Dialog.Close>
        <button
          type="button"
          className="button primary"
          onClick={() => {
            onApply(sameRect(rect, centre) ? undefined : rect);
            onOpenChange(false);
          }}
        >
          {t('crop.apply')}
        </button>
      </div>
    </>
  );
}
