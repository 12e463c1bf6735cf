import { Crop } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftCrop } from '../../../shared/drafts/draft';
import { fitsRatio, rectToPercent } from '../../../shared/drafts/crop';
import { CropEditor } from './CropEditor';
import type { PhotoRatio } from './photo-ratio';

interface FrameCropProps {
  imageId: string;
  previewUrl: string;
  /** The upright source's size, px: crops are stored in these pixels. */
  source: { width: number; height: number };
  /** The size the provider receives, px; its ratio is the crop rectangle's. */
  target: { width: number; height: number };
  /** What the target's ratio is called (`16:9`, `adaptive`…). */
  ratioLabel: string;
  /** The centre crop the provider would make (the image service's `check.crop`). */
  centre: DraftCrop;
  crop: DraftCrop | undefined;
  label: string;
  onCrop(crop: DraftCrop | undefined): void;
  photoRatio: (PhotoRatio & { apply(): void }) | null;
}

/**
 * The crop box: the whole photo with the exact part the provider receives outlined (the rest
 * dimmed), at the chosen aspect ratio. It is a button: it opens the large crop editor
 * (`CropEditor`), where the rectangle is moved and zoomed. A stored crop of another ratio (the
 * aspect ratio changed since) is ignored: the centre is shown, as the provider would crop.
 */
export function FrameCrop({ imageId, previewUrl, source, target, ratioLabel, centre, crop, label, onCrop, photoRatio }: FrameCropProps) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('compose');
  const shown = crop && fitsRatio(crop, target.width / target.height) ? crop : centre;
  const area = rectToPercent(shown, source);
  return (
    <>
      <button
        type="button"
        className="crop-box"
        aria-label={t('crop.boxLabel', { frame: label.toLowerCase() })}
        title={t('crop.boxTitle')}
        onClick={() => setOpen(true)}
      >
        <span className="crop-photo" style={{ aspectRatio: `${source.width} / ${source.height}` }}>
          <img src={previewUrl} alt="" draggable={false} />
          <span
            className="crop-rect"
            data-testid="crop-rect"
            style={{ left: `${area.x}%`, top: `${area.y}%`, width: `${area.width}%`, height: `${area.height}%` }}
          />
        </span>
        <span className="crop-box-hint">
          <Crop aria-hidden="true" size={13} />
          {t('crop.boxHint')}
        </span>
      </button>
      <CropEditor
        open={open}
        onOpenChange={setOpen}
        title={label}
        imageId={imageId}
        previewUrl={previewUrl}
        source={source}
        target={target}
        ratioLabel={ratioLabel}
        centre={centre}
        crop={crop}
        onApply={onCrop}
        photoRatio={photoRatio}
      />
    </>
  );
}
