import type { ReferenceItem } from '../../../shared/catalog/types';
import type { ImportedMedia } from '../../../shared/contract/media';
import type { FrameImage } from '../../store/compose/frame-state';
import { i18n } from '../../i18n/index';

/** What a tray tile shows of its file, whatever its kind. Sizes in px, `durationSec` in seconds. */
export interface TileFacts {
  name: string;
  previewUrl?: string;
  /** A video's own URL (registered by main), for the hover preview. */
  playUrl?: string;
  size?: { width: number; height: number };
  bytes?: number;
  durationSec?: number;
  fps?: number;
  codec?: string;
  byUrl?: boolean;
}

/** `example.com/clips/walk.mp4` for a reference URL: enough to recognise it, no query string. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * The facts a tile shows, from what main told the renderer: the image service's answer for images,
 * the media service's probe for videos and audio, the URL itself for a video given by URL. A
 * restored item not yet looked up shows its kind alone ("Photo", "Video", "Audio", in the UI's language).
 */
export function tileFacts(item: ReferenceItem, images: Record<string, FrameImage>, media: Record<string, ImportedMedia>): TileFacts {
  if (item.url) return { name: shortUrl(item.url), byUrl: true };
  const id = item.id ?? '';
  if (item.kind === 'image') {
    const image = images[id];
    const info = image?.info;
    return { name: info?.name ?? i18n.t('compose:tile.photo'), ...(image?.previewUrl ? { previewUrl: image.previewUrl } : {}), ...(info ? { size: { width: info.width, height: info.height }, bytes: info.bytes } : {}) };
  }
  const known = media[id];
  if (!known) return { name: item.kind === 'video' ? i18n.t('compose:tile.video') : i18n.t('compose:tile.audio') };
  const { info } = known;
  return {
    name: info.name,
    ...(known.previewUrl ? { previewUrl: known.previewUrl } : {}),
    ...(known.playUrl ? { playUrl: known.playUrl } : {}),
    ...(info.video ? { size: { width: info.video.width, height: info.video.height }, fps: info.video.fps } : {}),
    codec: info.video?.codec ?? info.audio?.codec ?? info.container,
    bytes: info.bytes,
    durationSec: info.durationSec,
  };
}
