import type { z } from 'zod';
import { ProviderId } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import { Settings, SettingsPatch } from '../../shared/contract/settings';
import type { Logger } from '../logging/logger';
import { defaultSettings } from './defaults';
import { refusalOf, usableLibraryDir } from './library-dir';
import { said } from '../../shared/messages/phrase';
import { openJsonStore, type OpenConf } from './store-file';

/** File name (without `.json`) of the settings inside the data folder; separate from the key vault. */
export const SETTINGS_FILE = 'settings';

export interface SettingsStoreDeps {
  /** Folder for `settings.json` (the app's data folder). */
  dir: string;
  /** Where the library goes until the user picks a folder. */
  defaultLibraryDir: string;
  log: Logger;
  /** Makes the file's store; default `conf` (the Electron host passes electron-store). */
  openConf?: OpenConf;
}

/** Listener for applied changes; services read what they need from `next` (no restart needed). */
export type SettingsListener = (next: Settings, previous: Settings) => void;

/** The user's settings, persisted in `<dir>/settings.json` and validated with the contract's schema. */
export interface SettingsStore {
  /** The current settings (a copy: mutating it changes nothing). */
  get(): Settings;
  /**
   * Applies `patch` whole or not at all and returns the new settings. Throws
   * `StudioError('BAD_INPUT')` with a message naming the field (a bad URL, a folder that cannot be
   * used, min > max polling…) and keeps the previous settings; `StudioError('UNAVAILABLE')` when
   * the file cannot be written (nothing applied). A new `libraryDir` is created if missing.
   * Listeners run after the file is written, and only when something changed.
   */
  update(patch: SettingsPatch): Settings;
  /**
   * What `update(patch)` would make the settings, without writing or telling anyone. Throws as
   * `update` does for a bad patch (a new `libraryDir` is created if missing, as `update` would).
   */
  preview(patch: SettingsPatch): Settings;
  /** Adds a listener; returns the function that removes it. A throwing listener is logged and skipped. */
  onChange(listener: SettingsListener): () => void;
}

/**
 * Opens the settings file. Sections that fail validation on disk (hand edits, older versions) fall
 * back to their defaults one by one, with a warning in the log; the rest is kept.
 */
export function createSettingsStore(deps: SettingsStoreDeps): SettingsStore {
  const { log } = deps;
  const file = openJsonStore(deps.dir, SETTINGS_FILE, log, deps.openConf);
  const defaults = defaultSettings(deps.defaultLibraryDir);
  let current = loadLeniently(file.read(), defaults, log);
  const listeners = new Set<SettingsListener>();

  /** The settings `patch` makes from the current ones, and the sections it names; throws BAD_INPUT. */
  function apply(patch: SettingsPatch): { next: Settings; sections: string[] } {
    const parsedPatch = SettingsPatch.safeParse(patch);
    if (!parsedPatch.success) throw refused(parsedPatch.error);
    const candidate = Settings.safeParse(merge(current, parsedPatch.data));
    if (!candidate.success) throw refused(candidate.error);
    const next = candidate.data;
    if (parsedPatch.data.libraryDir !== undefined) {
      try {
        next.libraryDir = usableLibraryDir(next.libraryDir);
      } catch (err) {
        throw new StudioError('BAD_INPUT', said('settings.folderUnusable', { why: refusalOf(err) }));
      }
    }
    return { next, sections: Object.keys(parsedPatch.data) };
  }

  return {
    get: () => structuredClone(current),

    preview: (patch) => structuredClone(apply(patch).next),

    update(patch) {
      const { next, sections } = apply(patch);
      if (JSON.stringify(next) === JSON.stringify(current)) return structuredClone(current);
      try {
        file.write(next);
      } catch (err) {
        log.error('settings.write_failed', { error: err });
        throw new StudioError('UNAVAILABLE', said('settings.notWritten'));
      }
      const previous = current;
      current = next;
      log.info('settings.updated', { sections });
      for (const listener of listeners) {
        try {
          listener(structuredClone(next), structuredClone(previous));
        } catch (err) {
          log.error('settings.listener_failed', { error: err });
        }
      }
      return structuredClone(next);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type ParsedPatch = z.output<typeof SettingsPatch>;

/** `patch` laid over `base`: per provider and per field for providers, per field within other sections. */
function merge(base: Settings, patch: ParsedPatch): Settings {
  const providers = structuredClone(base.providers);
  for (const id of ProviderId.options) {
    const change = patch.providers?.[id];
    if (change) providers[id] = { ...providers[id], ...change };
  }
  return {
    providers,
    libraryDir: patch.libraryDir ?? base.libraryDir,
    notifications: { ...base.notifications, ...patch.notifications },
    polling: { ...base.polling, ...patch.polling },
    appearance: { ...base.appearance, ...patch.appearance },
  };
}

function refused(error: z.ZodError): StudioError {
  const what = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'settings'}: ${i.message}`)
    .join('; ');
  return new StudioError('BAD_INPUT', said('settings.refused', { what }));
}

/** Keeps every valid section (and every valid provider) from disk; the rest falls back to defaults. */
function loadLeniently(raw: Record<string, unknown>, defaults: Settings, log: Logger): Settings {
  const replaced: string[] = [];
  const section = <T>(name: string, schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    replaced.push(name);
    return fallback;
  };
  const rawProviders = (raw.providers && typeof raw.providers === 'object' ? raw.providers : {}) as Record<string, unknown>;
  const providers = structuredClone(defaults.providers);
  for (const id of ProviderId.options) {
    providers[id] = section(`providers.${id}`, Settings.shape.providers.valueType, rawProviders[id], defaults.providers[id]);
  }
  const settings: Settings = {
    providers,
    libraryDir: section('libraryDir', Settings.shape.libraryDir, raw.libraryDir, defaults.libraryDir),
    notifications: section('notifications', Settings.shape.notifications, raw.notifications, defaults.notifications),
    polling: section('polling', Settings.shape.polling, raw.polling, defaults.polling),
    appearance: section('appearance', Settings.shape.appearance, raw.appearance, defaults.appearance),
  };
  if (replaced.length > 0) log.warn('settings.invalid_sections_reset', { sections: replaced });
  return settings;
}
