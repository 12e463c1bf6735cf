import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNativeText } from '../../../../src/main/i18n/native-text';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { createSettingsHandlers } from '../../../../src/main/settings/handlers';
import { createSettingsStore } from '../../../../src/main/settings/store';
import type { HandlerContext } from '../../../../src/shared/contract/index';

const CTX: HandlerContext = { host: 'harness' };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'choose-folder-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** The settings handlers with a folder picker that answers `picked` (the host's dialog is not under test). */
function handlersPicking(picked: string | null | undefined, text = createNativeText(() => [])) {
  const settings = createSettingsStore({ dir, defaultLibraryDir: join(dir, 'Library'), log: createMemoryLogger() });
  const asked: Array<{ title: string; defaultPath: string }> = [];
  const chooseFolder = picked === undefined ? undefined : async (request: { title: string; defaultPath: string }) => (asked.push(request), picked);
  const handlers = createSettingsHandlers({ settings, text, ...(chooseFolder ? { chooseFolder } : {}) });
  return { handlers: { choose: async () => handlers.chooseLibraryDir({}, CTX) }, asked, settings };
}

describe('settings:chooseLibraryDir (issue 14: Browse… for the library folder)', () => {
  it('answers a picked folder that exists and is writable, starting the picker in the folder in use; nothing is saved', async () => {
    const target = join(dir, 'Videos');
    mkdirSync(target);
    const { handlers, asked, settings } = handlersPicking(`${target}/`);
    await expect(handlers.choose()).resolves.toEqual({ outcome: 'chosen', path: target });
    expect(asked).toEqual([{ title: 'Choose the library folder', defaultPath: join(dir, 'Library') }]);
    expect(settings.get().libraryDir).toBe(join(dir, 'Library'));
  });

  it("titles the picker in the app's language", async () => {
    const text = createNativeText(() => []);
    text.apply('zh-CN');
    const { handlers, asked } = handlersPicking(null, text);
    await expect(handlers.choose()).resolves.toEqual({ outcome: 'cancelled' });
    expect(asked).toEqual([{ title: '选择视频库文件夹', defaultPath: join(dir, 'Library') }]);
  });

  it('says plainly why a picked folder cannot be used', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const reasons: string[] = [];
    for (const picked of [join(dir, 'gone'), file, ...(process.getuid?.() === 0 ? [] : [locked])]) {
      const err = await handlersPicking(picked)
        .handlers.choose()
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'BAD_INPUT' });
      reasons.push((err as Error).message);
    }
    expect(reasons[0]).toBe(`That folder cannot hold the library: "${join(dir, 'gone')}" does not exist. Pick another one.`);
    expect(reasons[1]).toContain('is a file, not a folder.');
    // root may write anywhere, so the unwritable case only runs as a normal user.
    if (reasons[2]) expect(reasons[2]).toContain('is not writable.');
  });

  it('cancelled, and no picker at all (the browser harness types the path)', async () => {
    await expect(handlersPicking(null).handlers.choose()).resolves.toEqual({ outcome: 'cancelled' });
    await expect(handlersPicking(undefined).handlers.choose()).resolves.toEqual({ outcome: 'no_dialog' });
  });
});
