import { describe, expect, it } from 'vitest';
import { buildArkBody } from '../../../../src/main/providers/ark';
import { buildFalBody } from '../../../../src/main/providers/fal';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';

// The task is always sent explicitly (seedance-2.5.md §2.1 omni_reference_task_type, §3 fal task).
const ark = findModel('ark/dreamina-seedance-2-5-260628') as ModelEntry;
const fal = findModel('fal/bytedance/seedance-2.5/reference-to-video') as ModelEntry;
const SOURCE = 'https://example.com/source.mp4';

describe('Seedance 2.5 request bodies', () => {
  it('ModelArk: omni_reference_task_type with reference media, adaptive and -1 for an edit; none for text', () => {
    const edit = paramsSchema(ark).parse({ modelId: ark.id, prompt: 'make @video1 snowy', task: 'edit', references: [{ kind: 'video', url: SOURCE }] });
    const body = buildArkBody(ark, edit, {}, [{ type: 'video_url', url: SOURCE }]);
    expect(body).toMatchObject({ omni_reference_task_type: 'edit', ratio: 'adaptive', duration: -1 });
    const ref = paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p', references: [{ kind: 'video', url: SOURCE }] });
    expect(buildArkBody(ark, ref, {}, [{ type: 'video_url', url: SOURCE }]).omni_reference_task_type).toBe('reference');
    const text = paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p' });
    expect(buildArkBody(ark, text, {})).not.toHaveProperty('omni_reference_task_type');
  });

  it('fal: task editing / extension / reference, duration "auto" for an edit', () => {
    const refs = { images: [], videos: [SOURCE], audios: [] };
    const edit = paramsSchema(fal).parse({ modelId: fal.id, prompt: 'p', task: 'edit', references: [{ kind: 'video', url: SOURCE }] });
    expect(buildFalBody(edit, {}, refs, fal)).toMatchObject({ task: 'editing', aspect_ratio: 'auto', duration: 'auto' });
    const extend = paramsSchema(fal).parse({ modelId: fal.id, prompt: 'p', task: 'extend', duration: 6, references: [{ kind: 'video', url: SOURCE }] });
    expect(buildFalBody(extend, {}, refs, fal)).toMatchObject({ task: 'extension', duration: '6' });
    const ref = paramsSchema(fal).parse({ modelId: fal.id, prompt: 'p', references: [{ kind: 'video', url: SOURCE }] });
    expect(buildFalBody(ref, {}, refs, fal).task).toBe('reference');
  });
});
