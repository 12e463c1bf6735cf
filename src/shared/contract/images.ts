import { z } from 'zod';
import { AspectRatio, Resolution } from '../catalog/types';
import { request } from './define';
import { GrantToken } from './files';
import { LenientPhrase } from '../messages/phrase';

/** Opaque image id handed out by main's image service (32 hex chars); never a path. */
export const ImageId = z.string().regex(/^[0-9a-f]{32}$/, 'not an image id');
export type ImageId = z.infer<typeof ImageId>;

/** What the renderer may know about an image (no path). Sizes in px, after EXIF orientation. */
export const ImageInfoView = z.object({
  /** File name shown to the user. */
  name: z.string(),
  /** Real format from the file's content: jpeg, png, webp, gif, tiff, bmp, avif, svg. */
  format: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  pages: z.number().int(),
  animated: z.boolean(),
  /** libvips colour space: srgb, cmyk, b-w, rgb16… */
  space: z.string(),
  /** Bits per channel. */
  bitDepth: z.number().int(),
  channels: z.number().int(),
  hasAlpha: z.boolean(),
  /** EXIF orientation 1–8. */
  orientation: z.number().int(),
  hasProfile: z.boolean(),
});
export type ImageInfoView = z.infer<typeof ImageInfoView>;

/** A rectangle in px of the upright source image. */
export const ImageRect = z.object({ left: z.number().int(), top: z.number().int(), width: z.number().int(), height: z.number().int() });
export type ImageRect = z.infer<typeof ImageRect>;

const Size = z.object({ width: z.number().int(), height: z.number().int() });

/** An image main has registered, with a thumbnail URL (`media://…`, `/media/…`, or a small `data:` URL). */
export const ImportedImage = z.object({ imageId: ImageId, info: ImageInfoView, previewUrl: z.string() });
export type ImportedImage = z.infer<typeof ImportedImage>;

/** An image judged for one model and job settings. */
const FrameInput = z.object({
  imageId: ImageId,
  modelId: z.string().min(1).max(200),
  resolution: Resolution,
  aspectRatio: AspectRatio,
  role: z.enum(['first', 'last']),
  /** For `role: 'last'`: the first frame, whose final size the last frame is fitted to. */
  firstImageId: ImageId.optional(),
});

/**
 * Which part of the image to keep: the centre (what providers do), sharp's `attention` (salient
 * region), or the user's rectangle in px of the upright image (fractions are rounded).
 */
export const CropInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('centre') }).strict(),
  z.object({ kind: z.literal('attention') }).strict(),
  z
    .object({
      kind: z.literal('rect'),
      rect: z.object({ left: z.number().min(0), top: z.number().min(0), width: z.number().positive(), height: z.number().positive() }).strict(),
    })
    .strict(),
]);
export type CropInput = z.infer<typeof CropInput>;

/** The verdict: failing rules (with the fix that would apply), non-blocking warnings, and the size sent. */
export const ImageCheck = z.object({
  ok: z.boolean(),
  violations: z.array(z.object({ rule: z.string(), message: z.string(), phrase: LenientPhrase, fix: z.string(), fixPhrase: LenientPhrase })),
  warnings: z.array(z.object({ rule: z.string(), message: z.string(), phrase: LenientPhrase })),
  /** px the image is sent at (the model's output size, or the first frame's for a last frame). */
  target: Size,
  /** The part of the image a centre crop keeps, for the crop box. */
  crop: ImageRect,
  info: ImageInfoView,
});
export type ImageCheck = z.infer<typeof ImageCheck>;

/** A fixed image, ready to send: its measurements, size on disk, hash and a thumbnail. */
export const FixedImage = z.object({
  info: ImageInfoView,
  mime: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  /** True when it came from the input cache. */
  cached: z.boolean(),
  target: Size,
  crop: z.union([ImageRect, z.literal('attention')]),
  previewUrl: z.string(),
});
export type FixedImage = z.infer<typeof FixedImage>;

/** Base64 of at most 48 MB of image bytes (a clipboard image; the providers' limit is 30 MB). */
const MAX_PASTE_BASE64 = 64 * 1024 * 1024;

export const imagesDomain = {
  requests: {
    /**
     * Registers a file the user picked or dropped, by the grant token the preload got for it
     * (`window.studio.files.grant`); main reads only files it granted. Nothing is copied. A token
     * is good for one import: an unknown, used or evicted one answers `NOT_FOUND`.
     */
    import: request(z.object({ token: GrantToken }).strict(), ImportedImage),
    /** Registers pasted image bytes (base64); `name` is shown to the user. */
    importBytes: request(z.object({ bytes: z.string().min(1).max(MAX_PASTE_BASE64), name: z.string().max(255) }).strict(), ImportedImage),
    /** Registers a file the library handed out a token for (a clip's last frame or kept input), under the name the library gave it. */
    importFrame: request(z.object({ token: z.string().regex(/^[0-9a-f]{32}$/) }).strict(), ImportedImage),
    /** Checks an image against a model's rules for a first or last frame. */
    check: request(FrameInput.strict(), ImageCheck),
    /** Makes the version of the image that will be sent (cached; the original is never changed). */
    fix: request(FrameInput.extend({ crop: CropInput.optional() }).strict(), FixedImage),
    /** A thumbnail URL for an image id (e.g. a draft restored after a restart). `maxSide` in px. */
    preview: request(
      z.object({ imageId: ImageId, maxSide: z.number().int().min(32).max(2048).default(512) }).strict(),
      z.object({ previewUrl: z.string(), width: z.number().int(), height: z.number().int() }),
    ),
  },
  events: {},
} as const;
