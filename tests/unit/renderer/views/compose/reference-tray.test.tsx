import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReferenceItemCheck } from '../../../../../src/shared/contract/media';
import { PromptTags } from '../../../../../src/renderer/views/compose/PromptTags';
import { ReferenceTile } from '../../../../../src/renderer/views/compose/ReferenceTile';
import { referenceVerdict } from '../../../../../src/renderer/views/compose/reference-verdict';
import { shortUrl, tileFacts } from '../../../../../src/renderer/views/compose/reference-facts';

const id = (c: string) => c.repeat(32);

function tile(props: Partial<Parameters<typeof ReferenceTile>[0]> = {}) {
  return renderToStaticMarkup(
    <ReferenceTile
      item={{ kind: 'video', id: id('v') }}
      n={2}
      tag="@video2"
      facts={{ name: 'walk.mp4', size: { width: 1280, height: 720 }, fps: 24, codec: 'h264', bytes: 2_100_000, durationSec: 7.4 }}
      check={null}
      canMoveEarlier
      canMoveLater={false}
      fixLabels={{ reencode: 'Re-encode', trim: 'Trim to 15 s' }}
      itemRef={() => undefined}
      onMove={() => undefined}
      onRemove={() => undefined}
      onFix={async () => null}
      {...props}
    />,
  );
}

const tooLong: ReferenceItemCheck = {
  index: 1,
  kind: 'video',
  tag: '@video2',
  ok: false,
  violations: [{ rule: 'seconds', message: 'too long: 21.0 s, at most 15 s per clip.', fix: 'trim' }],
  warnings: [{ rule: 'fps', message: 'plays at 23.976 fps; it is treated as 24' }],
};

describe('ReferenceTile', () => {
  it('is a labelled list item with its tag, duration, measurements and named buttons', () => {
    const html = tile();
    expect(html).toContain('<li');
    expect(html).toContain('aria-label="Reference video 2, walk.mp4, @video2"');
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('0:07');
    expect(html).toContain('1280 × 720 px · 24 fps · H264');
    expect(html).toMatch(/aria-label="Move @video2 earlier" title="[^"]*">/); // Enabled: no disabled attribute.
    expect(html).toMatch(/aria-label="Move @video2 later" title="[^"]*" disabled=""/);
    expect(html).toContain('aria-label="Remove @video2"');
  });

  it('shows its verdict like a frame: the broken rule, the warning, and the fix the app offers', () => {
    const html = tile({ check: tooLong });
    expect(html).toContain('data-tone="blocked"');
    expect(html).toContain('Too long: 21.0 s, at most 15 s per clip.');
    expect(html).toContain('Plays at 23.976 fps; it is treated as 24');
    expect(html).toContain('Trim to 15 s<span class="visually-hidden"> @video2</span>');
    expect(tile({ check: 'busy' })).toContain('Checking…');
    expect(tile({ check: { ...tooLong, ok: true, violations: [], warnings: [] } })).toContain('Fits');
  });
});

describe('referenceVerdict', () => {
  it('puts a user instruction in the details and a machine fix on the button', () => {
    const v = referenceVerdict({ ...tooLong, violations: [...tooLong.violations, { rule: 'codec', message: 'VP9 is not accepted', fix: 'Export it as H.264 MP4.' }] });
    expect(v.headline).toBe('Too long: 21.0 s, at most 15 s per clip. (and 1 more)');
    expect(v.details.map((d) => d.text)).toEqual(['Too long: 21.0 s, at most 15 s per clip.', 'VP9 is not accepted Export it as H.264 MP4.', 'Plays at 23.976 fps; it is treated as 24']);
    expect(v.action).toBe('trim');
  });
});

describe('PromptTags', () => {
  const refs = [{ kind: 'image' as const }, { kind: 'image' as const }, { kind: 'audio' as const }];

  it('offers one insert button per tray tag, marks the used ones in words, warns on missing and removed tags', () => {
    const html = renderToStaticMarkup(<PromptTags prompt="@image2 sings @audio1 over @video1 and @image?" references={refs} onInsert={() => undefined} />);
    expect(html).toContain('role="group" aria-label="Reference tags"');
    for (const tag of ['@image1', '@image2', '@audio1']) expect(html).toContain(`<span class="visually-hidden">Insert </span>${tag}`);
    expect(html).toContain('@image2<span class="visually-hidden"> (in the prompt)</span>');
    expect(html).not.toContain('@image1<span class="visually-hidden"> (in the prompt)');
    expect(html).toContain('The prompt uses @image2, @audio1.');
    expect(html).toContain('@video1 has no file in the tray.');
    expect(html).toContain('@image? marks a mention of a removed image');
  });

  it('says how tags work while the prompt uses none', () => {
    expect(renderToStaticMarkup(<PromptTags prompt="" references={refs} onInsert={() => undefined} />)).toContain('Click a tag to cite its file in the prompt');
  });
});

describe('tileFacts', () => {
  it('names a URL video by host and path, a restored file by its kind until main answers', () => {
    expect(tileFacts({ kind: 'video', url: 'https://cdn.example.com/clips/walk.mp4?sig=abc' }, {}, {})).toEqual({ name: 'cdn.example.com/clips/walk.mp4', byUrl: true });
    expect(tileFacts({ kind: 'audio', id: id('a') }, {}, {})).toEqual({ name: 'Audio' });
    expect(shortUrl('https://example.com/')).toBe('example.com');
  });
});
