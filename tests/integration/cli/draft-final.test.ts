import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resolveMediaTool } from '../../../src/main/media-tools/ffmpeg';
import { readSidecar } from '../../../src/shared/library/sidecar';
import { cliAgainstSimulator, seedance, tempDirs } from './cli-process';

// Draft then final, end to end: `seedance run --draft` then `seedance finalize <clip>` through the
// real engine, adapters and library, against the simulator (seedance-2.5.md §2.6 ModelArk, §3 fal).

const dirs = tempDirs('draft');
const { temp } = dirs;
/** A draft or final run renders, downloads and files a clip: it gets longer than the default 150 s. */
const DRAFT_RUN_LIMIT_MS = 380_000;

async function videoOf(file: string): Promise<{ width: number; height: number; codec: string }> {
  const { stdout } = await promisify(execFile)(resolveMediaTool('ffprobe'), ['-v', 'error', '-print_format', 'json', '-show_streams', file]);
  const v = (JSON.parse(stdout) as { streams: Array<{ codec_type: string; codec_name: string; width: number; height: number }> }).streams.find((s) => s.codec_type === 'video')!;
  return { width: v.width, height: v.height, codec: v.codec_name };
}

const sidecarOf = (video: string) => {
  const read = readSidecar(JSON.parse(readFileSync(join(dirname(video), 'clip.json'), 'utf8')));
  if (!read.ok) throw new Error(read.detail);
  return read.sidecar;
};

const rig = cliAgainstSimulator(dirs);

describe.each([
  ['ModelArk', 'ark/dreamina-seedance-2-5-260628', 'hevc'],
  ['fal', 'fal/bytedance/seedance-2.5/text-to-video', 'h264'],
] as const)('%s: run --draft, then finalize', (_name, model, finalCodec) => {
  let draftVideo = '';
  let finalId = '';

  it('files a 480p draft with its draft id and expiry', async () => {
    const out = temp('out');
    const ran = await seedance(['run', '--model', model, '--prompt', 'a paper boat drifts down a gutter', '--aspect-ratio', '16:9', '--duration', '4', '--draft', '--out', out, '--json'], rig.env, DRAFT_RUN_LIMIT_MS);
    expect(ran.code, ran.stderr).toBe(0);
    const record = JSON.parse(ran.stdout.trim()) as { path: string; taskId: string };
    draftVideo = record.path;
    expect(await videoOf(draftVideo)).toMatchObject({ width: 854, height: 480, codec: 'h264' });
    const sidecar = sidecarOf(draftVideo);
    expect(sidecar.parameters).toMatchObject({ draft: true, resolution: '480p' });
    expect(sidecar.draft?.id).toBeTruthy();
    // ModelArk's draft id is the draft task's own id; fal's is the result's draft_id, not the request id.
    if (model.startsWith('ark/')) expect(sidecar.draft?.id).toBe(record.taskId);
    else expect(sidecar.draft?.id).not.toBe(record.taskId);
    expect(sidecar.draft!.expiresAt - sidecar.timings.submittedAt).toBe(7 * 24 * 3600 * 1000);
  });

  // ModelArk's final is 1080p 10-bit HEVC: rendered by the simulator, then given an H.264 preview by the engine (minutes on a busy machine).
  it('makes the 1080p final, says both stages are billed, and files it linked to its draft', async () => {
    const out = temp('out');
    const draft = sidecarOf(draftVideo);
    const ran = await seedance(['finalize', dirname(draftVideo), '--out', out, '--json'], rig.env, DRAFT_RUN_LIMIT_MS);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/Both stages are billed: the draft/);
    expect(ran.stderr).toMatch(/can be made final until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    const record = JSON.parse(ran.stdout.trim()) as { path: string; clipId: string };
    expect(record.clipId).not.toBe(draft.id);
    finalId = record.clipId;
    expect(await videoOf(record.path)).toEqual({ width: 1920, height: 1080, codec: finalCodec });
    const final = sidecarOf(record.path);
    expect(final.parameters.finalOf).toEqual({ clipId: draft.id, draftId: draft.draft!.id });
    expect(final.parameters.resolution).toBe('1080p');
    expect(final.prompt).toBe(draft.prompt);
    expect(final.parameters.draft).toBeUndefined();
    expect(final.draft).toBeUndefined();
  }, 400_000);

  it('finalize by clip id refuses a clip that is not a draft (the final itself)', async () => {
    const ran = await seedance(['finalize', finalId, '--out', temp('out')], rig.env, DRAFT_RUN_LIMIT_MS);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/not a draft/);
  });
});
