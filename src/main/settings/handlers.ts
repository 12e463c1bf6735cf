import type { Handlers } from '../../shared/contract/index';
import type { SettingsStore } from './store';

/** What the `settings` handlers need. */
export interface SettingsHandlerDeps {
  settings: SettingsStore;
  /**
   * Moves the library, with its clips, to a new folder (absolute, checked) before the setting is
   * saved (`MovableLibrary.moveTo`); throws, leaving the library where it was, when it cannot.
   */
  moveLibrary?: (dir: string) => Promise<unknown>;
}

/**
 * Handlers for the `settings` domain. A new library folder is checked with the rest of the patch,
 * then the clips move, then the settings are saved: a refused patch moves nothing, a failed move
 * saves nothing, and should saving fail after the move, the clips move back.
 */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Handlers['settings'] {
  const { settings, moveLibrary } = deps;
  return {
    get: () => settings.get(),
    update: async ({ patch }) => {
      const before = settings.get().libraryDir;
      const next = settings.preview(patch);
      if (!moveLibrary || next.libraryDir === before) return settings.update(patch);
      await moveLibrary(next.libraryDir);
      try {
        return settings.update({ ...patch, libraryDir: next.libraryDir });
      } catch (err) {
        await moveLibrary(before);
        throw err;
      }
    },
  };
}
