import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { createNativeText } from '../../../../src/main/i18n/native-text';
import { createSettingsHandlers } from '../../../../src/main/settings/handlers';
import { createSettingsStore, type SettingsStore } from '../../../../src/main/settings/store';
import { StudioError } from '../../../../src/shared/contract/result';
import { Settings, settingsDomain, type SettingsPatch } from '../../../../src/shared/contract/settings';

let dir: string;
let libraryDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  libraryDir = join(dir, 'Library');
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const settingsFile = () => join(dir, 'settings.json');
const open = (log = createMemoryLogger()) => createSettingsStore({ dir, defaultLibraryDir: libraryDir, log });

function refusal(store: SettingsStore, patch: SettingsPatch): StudioError {
  const before = store.get();
  try {
    store.update(patch);
  } catch (err) {
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).code).toBe('BAD_INPUT');
    expect(store.get()).toEqual(before);
    return err as StudioError;
  }
  throw new Error(`expected the patch to be refused: ${JSON.stringify(patch)}`);
}

describe('settings store', () => {
  it('starts from defaults that pass the schema', () => {
    const settings = open().get();
    expect(Settings.parse(settings)).toEqual(settings);
    expect(settings).toMatchObject({
      libraryDir,
      notifications: { onFinish: true, onFail: true },
      providers: { fal: { baseUrl: null, concurrency: 2 } },
    });
    expect(settings.polling.minIntervalMs).toBeLessThanOrEqual(settings.polling.maxIntervalMs);
  });

  it('applies a patch field by field, persists it in an owner-only file, and reloads it', () => {
    const store = open();
    const next = store.update({
      providers: { novita: { baseUrl: 'http://127.0.0.1:4010/' } },
      notifications: { onFinish: false },
    });
    expect(next.providers.novita).toEqual({ baseUrl: 'http://127.0.0.1:4010', concurrency: 3 });
    expect(next.notifications).toEqual({ onFinish: false, onFail: true });
    expect(statSync(settingsFile()).mode & 0o777).toBe(0o600);

    store.update({ providers: { novita: { concurrency: 7 } } });
    const reloaded = open().get();
    expect(reloaded.providers.novita).toEqual({ baseUrl: 'http://127.0.0.1:4010', concurrency: 7 });
    expect(reloaded.notifications.onFinish).toBe(false);

    store.update({ providers: { novita: { baseUrl: null } } });
    expect(open().get().providers.novita.baseUrl).toBeNull();
  });

  it.each([
    ['ftp://files.example.com', /http:\/\/ or https:\/\//],
    ['not a url', /http:\/\/ or https:\/\//],
    ['https://user:secret@api.novita.ai', /user name or password/],
    ['javascript:alert(1)', /http:\/\/ or https:\/\//],
  ])('refuses the base URL %s, says why, and keeps the previous value', (url, why) => {
    const store = open();
    store.update({ providers: { fal: { baseUrl: 'https://queue.fal.run' } } });
    const err = refusal(store, { providers: { fal: { baseUrl: url } } });
    expect(err.message).toMatch(why);
    expect(err.message).toContain('providers.fal.baseUrl');
    expect(open().get().providers.fal.baseUrl).toBe('https://queue.fal.run');
  });

  it('refuses out-of-range concurrency and polling bounds, whole patch or nothing', () => {
    const store = open();
    expect(refusal(store, { providers: { ark: { concurrency: 0 } } }).message).toMatch(/at least 1/);
    expect(refusal(store, { providers: { ark: { concurrency: 21 } } }).message).toMatch(/at most 20/);
    expect(refusal(store, { providers: { ark: { concurrency: 2.5 } } }).message).toContain('concurrency');
    expect(refusal(store, { polling: { minIntervalMs: 10 } }).message).toMatch(/at least 1000 ms/);
    // Valid fields in a refused patch are not applied either.
    const err = refusal(store, { notifications: { onFail: false }, polling: { minIntervalMs: 50_000, maxIntervalMs: 20_000 } });
    expect(err.message).toMatch(/shortest poll interval cannot be longer/);
    expect(store.get().notifications.onFail).toBe(true);
  });

  it('refuses unknown fields and providers', () => {
    const store = open();
    refusal(store, { colour: 'red' } as unknown as SettingsPatch);
    // "Download finished videos automatically" was removed (nothing read it): its old patch is refused, not silently kept.
    refusal(store, { downloads: { autoDownload: false } } as unknown as SettingsPatch);
    refusal(store, { providers: { replicate: { concurrency: 2 } } } as unknown as SettingsPatch);
  });

  it('creates a new library folder, and refuses a relative path or a file', () => {
    const store = open();
    const wanted = join(dir, 'videos', 'seedance');
    expect(store.update({ libraryDir: wanted }).libraryDir).toBe(wanted);
    expect(statSync(wanted).isDirectory()).toBe(true);

    expect(refusal(store, { libraryDir: 'videos/seedance' }).message).toMatch(/not a full folder path.*previous folder is kept/);

    const aFile = join(dir, 'notes.txt');
    writeFileSync(aFile, 'hello');
    expect(refusal(store, { libraryDir: aFile }).message).toContain('notes.txt');

    expect(open().get().libraryDir).toBe(wanted);
  });

  it('refuses a library folder it cannot create: a file is in the way (for root as for anyone)', () => {
    const store = open();
    const aFile = join(dir, 'notes.txt');
    writeFileSync(aFile, 'hello');
    expect(refusal(store, { libraryDir: join(aFile, 'library') }).message).toMatch(/cannot be created \(a file is in the way\)/);
    expect(open().get().libraryDir).toBe(libraryDir);
  });

  // Root writes through permission bits, so a chmod'ed folder cannot show this where CI runs (as
  // root); Linux's /proc/<pid> folders refuse writes to everyone, root included.
  it.runIf(process.platform === 'linux')('refuses a library folder it cannot write to', () => {
    const store = open();
    expect(refusal(store, { libraryDir: '/proc/self' }).message).toMatch(/not writable/);
    expect(open().get().libraryDir).toBe(libraryDir);
  });

  it('emits changes to listeners with next and previous values, only when something changed', () => {
    const store = open();
    const seen: Array<[number, number]> = [];
    const off = store.onChange((next, previous) => seen.push([next.providers.evolink.concurrency, previous.providers.evolink.concurrency]));
    store.update({ providers: { evolink: { concurrency: 6 } } });
    store.update({ providers: { evolink: { concurrency: 6 } } });
    refusal(store, { providers: { evolink: { concurrency: 60 } } });
    expect(seen).toEqual([[6, 3]]);
    off();
    store.update({ providers: { evolink: { concurrency: 4 } } });
    expect(seen).toHaveLength(1);
  });

  it('a throwing listener does not stop the others or the update', () => {
    const log = createMemoryLogger();
    const store = open(log);
    const calls: string[] = [];
    store.onChange(() => {
      throw new Error('listener broke');
    });
    store.onChange(() => calls.push('second'));
    expect(store.update({ notifications: { onFinish: false } }).notifications.onFinish).toBe(false);
    expect(calls).toEqual(['second']);
    expect(log.lines.some((l) => l.event === 'settings.listener_failed')).toBe(true);
  });

  it('get() returns a copy that cannot change the store', () => {
    const store = open();
    const copy = store.get();
    copy.providers.novita.concurrency = 19;
    expect(store.get().providers.novita.concurrency).toBe(3);
  });
});

describe('settings file on disk', () => {
  it('keeps valid sections from a hand-edited file and resets only the invalid ones', () => {
    writeFileSync(
      settingsFile(),
      JSON.stringify({
        providers: { novita: { baseUrl: 'https://proxy.example.com', concurrency: 4 }, fal: { baseUrl: 'gopher://x', concurrency: 2 } },
        libraryDir: join(dir, 'mine'),
        notifications: { onFinish: 'yes', onFail: true },
        // Written by an earlier version (the removed auto-download switch): ignored, not reported.
        downloads: { autoDownload: false },
        polling: { minIntervalMs: 5000, maxIntervalMs: 60000 },
      }),
    );
    const log = createMemoryLogger();
    const settings = open(log).get();
    expect(settings.providers.novita).toEqual({ baseUrl: 'https://proxy.example.com', concurrency: 4 });
    expect(settings.providers.fal).toEqual({ baseUrl: null, concurrency: 2 });
    expect(settings.libraryDir).toBe(join(dir, 'mine'));
    expect(settings.notifications).toEqual({ onFinish: true, onFail: true });
    expect(settings).not.toHaveProperty('downloads');
    expect(settings.polling).toEqual({ minIntervalMs: 5000, maxIntervalMs: 60000 });
    expect(log.lines.find((l) => l.event === 'settings.invalid_sections_reset')?.sections).toEqual(['providers.fal', 'notifications']);
  });

  it('moves a file that is not JSON aside and starts from defaults', () => {
    writeFileSync(settingsFile(), '{"providers": ');
    const store = open();
    expect(store.get().libraryDir).toBe(libraryDir);
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
    store.update({ notifications: { onFail: false } });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8')).notifications.onFail).toBe(false);
  });

  it('keeps the previous settings when the file cannot be written', () => {
    const store = open();
    store.update({ notifications: { onFinish: false } });
    // A folder where the file should be: the atomic rename fails, even for root.
    rmSync(settingsFile());
    mkdirSync(settingsFile());
    try {
      store.update({ notifications: { onFinish: true } });
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as StudioError).code).toBe('UNAVAILABLE');
    }
    expect(store.get().notifications.onFinish).toBe(false);
  });
});

describe('preview', () => {
  it('answers what a patch would make, refusing a bad one the same way, and changes nothing', () => {
    const store = open();
    const seen: number[] = [];
    store.onChange((next) => seen.push(next.polling.maxIntervalMs));
    const before = store.get();
    expect(store.preview({ polling: { maxIntervalMs: 45_000 } }).polling.maxIntervalMs).toBe(45_000);
    expect(() => store.preview({ polling: { minIntervalMs: 50_000, maxIntervalMs: 10_000 } })).toThrow(/longer|shortest|longest/);
    expect(store.get()).toEqual(before);
    expect(open().get()).toEqual(before); // nothing was written
    expect(seen).toEqual([]);
  });
});

describe('settings handlers', () => {
  it('answer with data that passes the contract, and update through the same validation', async () => {
    const store = open();
    const handlers = createSettingsHandlers({ settings: store, text: createNativeText(() => []) });
    const ctx = { host: 'harness' } as const;
    const got = await handlers.get({}, ctx);
    expect(settingsDomain.requests.get.output.parse(got)).toEqual(store.get());

    const input = settingsDomain.requests.update.input.parse({ patch: { polling: { maxIntervalMs: 45_000 } } });
    const updated = await handlers.update(input, ctx);
    expect(settingsDomain.requests.update.output.parse(updated).polling.maxIntervalMs).toBe(45_000);

    expect(settingsDomain.requests.update.input.safeParse({ patch: { providers: { fal: { baseUrl: 'file:///etc/passwd' } } } }).success).toBe(false);
  });
});
