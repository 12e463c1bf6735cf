import { describe, expect, it } from 'vitest';
import { photoRatio } from '../../../../../src/renderer/views/compose/photo-ratio';

const FIXED = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];

describe("the photo's own ratio (issue 14 item 9)", () => {
  it('picks the nearest fixed ratio the row offers', () => {
    // 3024 × 4032 is 3:4; 1080 × 1920 (the Altai portrait) is 9:16; 4224 × 3168 is 4:3.
    expect(photoRatio({ width: 3024, height: 4032 }, FIXED)).toEqual({ value: '3:4', label: '3:4', exact: true });
    expect(photoRatio({ width: 1080, height: 1920 }, FIXED)).toEqual({ value: '9:16', label: '9:16', exact: true });
    expect(photoRatio({ width: 4224, height: 3168 }, FIXED)).toEqual({ value: '4:3', label: '4:3', exact: true });
  });

  it('prefers adaptive or auto, which follow the photo, and still names its ratio', () => {
    expect(photoRatio({ width: 3024, height: 4032 }, [...FIXED, 'adaptive'])).toEqual({ value: 'adaptive', label: '3:4', exact: true });
    expect(photoRatio({ width: 1080, height: 1920 }, ['auto', '16:9'])).toEqual({ value: 'auto', label: '9:16', exact: true });
  });

  it("says when the row's nearest ratio is not the photo's", () => {
    expect(photoRatio({ width: 1080, height: 1920 }, ['16:9', '4:3', '1:1'])).toEqual({ value: '1:1', label: '1:1', exact: false });
  });

  it('offers nothing without an aspect ratio choice', () => {
    expect(photoRatio({ width: 1080, height: 1920 }, [])).toBeNull();
  });
});
