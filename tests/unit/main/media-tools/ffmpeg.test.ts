import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaToolError, probeVideo, resolveMediaTool, runMediaTool } from '../../../../src/main/media-tools/ffmpeg';

describe('media tool resolver', () => {
  it('prefers FFMPEG_PATH / FFPROBE_PATH from the environment', () => {
    expect(resolveMediaTool('ffmpeg', { FFMPEG_PATH: '/opt/ff/ffmpeg' })).toBe('/opt/ff/ffmpeg');
    expect(resolveMediaTool('ffprobe', { FFPROBE_PATH: '/opt/ff/ffprobe' })).toBe('/opt/ff/ffprobe');
  });

  it('falls back to the installer package when its binary is executable, else to the PATH', () => {
    const require = createRequire(import.meta.url);
    for (const tool of ['ffmpeg', 'ffprobe'] as const) {
      const shipped = (require(`@${tool}-installer/${tool}`) as { path: string }).path;
      let executable = true;
      try {
        accessSync(shipped, constants.X_OK);
      } catch {
        executable = false; // e.g. @ffprobe-installer ships 0744: only its owner may run it
      }
      const bin = resolveMediaTool(tool, {});
      expect(bin).toBe(executable ? shipped : tool);
      expect(execFileSync(bin, ['-version']).toString()).toMatch(new RegExp(`^${tool} version`));
    }
  });
});

describe('runMediaTool / probeVideo', () => {
  it('probes a real MP4 made by ffmpeg', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-'));
    try {
      const out = join(dir, 'a.mp4');
      await runMediaTool(resolveMediaTool('ffmpeg', {}), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=24', '-t', '2', '-pix_fmt', 'yuv420p', out]);
      const probe = await probeVideo(resolveMediaTool('ffprobe', {}), out);
      expect(probe).toMatchObject({ width: 320, height: 240, codec: 'h264', fps: 24 });
      expect(probe.durationSec).toBeCloseTo(2, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects with MediaToolError and keeps the tool stderr when the tool fails', async () => {
    const err = await probeVideo(resolveMediaTool('ffprobe', {}), '/nonexistent/file.mp4').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaToolError);
    expect((err as MediaToolError).stderr).toMatch(/No such file/);
    await expect(runMediaTool('/nonexistent/ffmpeg', ['-version'])).rejects.toBeInstanceOf(MediaToolError);
  });
});
