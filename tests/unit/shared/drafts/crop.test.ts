import { describe, expect, it } from 'vitest';
import { cropNotices } from '../../../../src/shared/drafts/crop';

// The Altai portrait (1080 × 1920) sent at 720p 16:9 (1280 × 720; providers.md, "Output sizes").
const PORTRAIT = { width: 1080, height: 1920 };
const OUT = { width: 1280, height: 720 };
const CENTRE = { left: 0, top: 656, width: 1080, height: 608 };

describe('crop notices (issue 14 item 9: the verdict follows the rectangle)', () => {
  it("the provider's centre crop: how much it cuts, and the upscale", () => {
    expect(cropNotices(PORTRAIT, CENTRE, OUT, { by: 'provider', label: '16:9' })).toMatchObject([
      { rule: 'crop', message: 'the photo (1080 × 1920) does not match 16:9: the provider centre-crops 68 % of its height.' },
      {
        rule: 'upscale',
        message: 'after cropping, the photo has 1080 × 608 px, fewer than the 1280 × 720 output: it will be upscaled and look softer.',
      },
    ]);
  });

  it("the user's framing, zoomed in: what it keeps and leaves out on both sides", () => {
    const zoomed = { left: 270, top: 200, width: 540, height: 304 };
    const [crop, upscale] = cropNotices(PORTRAIT, zoomed, OUT, { by: 'user' });
    expect(crop).toMatchObject({ rule: 'crop', message: 'your framing keeps 540 × 304 px of the 1080 × 1920 photo and leaves out 50 % of its width and 84 % of its height.' });
    expect(upscale?.message).toContain('540 × 304 px, fewer than the 1280 × 720 output');
  });

  it('a photo that matches the output needs no crop notice, and one big enough no upscale', () => {
    const photo = { width: 3840, height: 2160 };
    expect(cropNotices(photo, photo, OUT, { by: 'provider', label: '16:9' })).toEqual([]);
    expect(cropNotices(photo, photo, OUT, { by: 'user' })).toMatchObject([{ rule: 'crop', message: 'your framing keeps the whole 3840 × 2160 photo.' }]);
  });
});
