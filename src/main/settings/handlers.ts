import type { Handlers } from '../../shared/contract/index';
import { StudioError } from '../../shared/contract/result';
import type { StudioConfig } from '../composition/config';
import type { NativeText } from '../i18n/native-text';
import { pickedLibraryDir, refusalOf } from './library-dir';
import { said } from '../../shared/messages/phrase';
import type { SettingsStore } from './store';

/** What the `settings` handlers need. */
export interface SettingsHandlerDeps {
  settings: SettingsStore;
  /**
   * Moves the library, with its clips, to a new folder (absolute, checked) before the setting is
   * saved (`MovableLibrary.moveTo`); throws, leaving the library where it was, when it cannot.
   */
  moveLibrary?: (dir: string) => Promise<unknown>;
  /** The host's folder picker (`StudioConfig.chooseFolder`); absent where the host has none. */
  chooseFolder?: StudioConfig['chooseFolder'];
  /** The folder picker's title, in the app's language. */
  text: Pick<NativeText, 't'>;
}

/**
 * Handlers for the `settings` domain. `chooseLibraryDir` only picks and checks a folder; a new library folder is checked with the rest of the patch,
 * then the clips move, then the settings are saved: a refused patch moves nothing, a failed move
 * saves nothing, and should saving fail after the move, the clips move back.
 */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Handlers['settings'] {
  const { settings, moveLibrary, chooseFolder, text } = deps;
  return {
    get: () => settings.get(),
    chooseLibraryDir: async () => {
      if (!chooseFolder) return { outcome: 'no_dialog' };
      const picked = await chooseFolder({ title: text.t('dialog.libraryFolder'), defaultPath: settings.get().libraryDir });
      if (picked === null) return { outcome: 'cancelled' };
      try {
        return { outcome: 'chosen', path: await pickedLibraryDir(picked) };
      } catch (err) {
        throw new StudioError('BAD_INPUT', said('settings.folderRefused', { why: refusalOf(err) }));
      }
    },
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
