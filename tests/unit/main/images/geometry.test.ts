import { describe, expect, it } from 'vitest';
import { centreCrop, frameTarget } from '../../../../src/main/images/geometry';
import { ratiosDiffer } from '../../../../src/shared/drafts/crop';
import { sniffFormat, endsCleanly } from '../../../../src/main/images/sniff';
import { findModel } from '../../../../src/shared/catalog/models';

const V1 = findModel('novita/seedance-v1-pro-i2v')!;
const EVO = findModel('evolink/seedance-2.0-image-to-video')!;

describe('frameTarget (providers.md, "Output sizes")', () => {
  it('takes the table size for the family', () => {
    const spec = { resolution: '720p', aspectRatio: '16:9', role: 'first' } as const;
    expect(frameTarget(V1, { width: 6028, height: 3391 }, spec, 6000)).toMatchObject({ size: { width: 1248, height: 704 }, basis: 'table' });
    expect(frameTarget(EVO, { width: 6028, height: 3391 }, spec, 6000)).toMatchObject({ size: { width: 1280, height: 720 }, basis: 'table' });
  });

  it('fits a last frame to the first frame', () => {
    const t = frameTarget(EVO, { width: 100, height: 900 }, { resolution: '480p', aspectRatio: '16:9', role: 'last', firstFrameSize: { width: 1280, height: 720 } }, 6000);
    expect(t).toMatchObject({ size: { width: 1280, height: 720 }, basis: 'first-frame' });
  });
});

describe('centreCrop', () => {
  it('keeps the whole height of a wide image and centres horizontally', () => {
    expect(centreCrop({ width: 6028, height: 3391 }, 1248 / 704)).toEqual({ left: 8, top: 0, width: 6011, height: 3391 });
  });
  it('keeps the whole width of a tall image and centres vertically', () => {
    expect(centreCrop({ width: 1080, height: 1920 }, 16 / 9)).toEqual({ left: 0, top: 656, width: 1080, height: 608 });
  });
  it('changes nothing when the ratio already matches', () => {
    expect(centreCrop({ width: 1280, height: 720 }, 16 / 9)).toEqual({ left: 0, top: 0, width: 1280, height: 720 });
    expect(ratiosDiffer(1280 / 720, 1248 / 704)).toBe(false);
    expect(ratiosDiffer(4 / 3, 16 / 9)).toBe(true);
  });
});

describe('sniffFormat / endsCleanly', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('knows formats by their signatures only', () => {
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFormat(new TextEncoder().encode('GIF89a...'))).toBe('gif');
    expect(sniffFormat(new TextEncoder().encode('<?xml version="1.0"?>\n<svg width="1"></svg>'))).toBe('svg');
    expect(sniffFormat(new TextEncoder().encode('hello, world'))).toBeNull();
  });
  it('spots a JPEG without its end marker', () => {
    expect(endsCleanly('jpeg', bytes(), bytes(1, 2, 0xff, 0xd9), 100)).toBe(true);
    expect(endsCleanly('jpeg', bytes(), bytes(1, 2, 3, 4), 100)).toBe(false);
  });
});
