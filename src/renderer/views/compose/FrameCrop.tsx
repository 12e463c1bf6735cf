import { useState } from 'react';
import Cropper from 'react-easy-crop';
import 'react-easy-crop/react-easy-crop.css';
import type { DraftCrop } from '../../../shared/drafts/draft';
import { fitsRatio, percentToRect, rectToPercent, sameRect } from '../../../shared/drafts/crop';

interface FrameCropProps {
  previewUrl: string;
  /** The upright source's size, px: crops are stored in these pixels. */
  source: { width: number; height: number };
  /** The size the provider receives, px; its ratio is the crop box's. */
  target: { width: number; height: number };
  /** The centre crop the provider would make (the image service's `check.crop`). */
  centre: DraftCrop;
  crop: DraftCrop | undefined;
  label: string;
  onCrop(crop: DraftCrop | undefined): void;
}

/**
 * The crop box: the photo with the exact part the provider receives, at the chosen aspect ratio.
 * Drag (or arrow keys) to reframe. A crop equal to the centre is stored as none, so the draft only
 * holds a crop the user chose; a stored crop of another ratio (the aspect ratio changed) is ignored.
 */
export function FrameCrop({ previewUrl, source, target, centre, crop, label, onCrop }: FrameCropProps) {
  const ratio = target.width / target.height;
  const start = crop && fitsRatio(crop, ratio) ? crop : centre;
  const [position, setPosition] = useState({ x: 0, y: 0 });
  return (
    <div className="crop-box" aria-label={`${label}: drag to reframe`} role="group">
      <Cropper
        image={previewUrl}
        crop={position}
        zoom={1}
        aspect={ratio}
        onCropChange={setPosition}
        onCropComplete={(area) => {
          const rect = percentToRect(area, source);
          const next = sameRect(rect, centre) ? undefined : rect;
          const unchanged = next === undefined ? crop === undefined : crop !== undefined && sameRect(next, crop, 0);
          if (!unchanged) onCrop(next);
        }}
        initialCroppedAreaPercentages={rectToPercent(start, source)}
        objectFit="contain"
        showGrid
        zoomWithScroll={false}
        disableAutomaticStylesInjection
        mediaProps={{ alt: '' }}
        cropperProps={{ 'aria-label': `${label} crop area` }}
      />
    </div>
  );
}
