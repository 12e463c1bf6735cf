import { access } from 'node:fs/promises';
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { StudioConfig } from '../composition/config';
import type { NativeText } from '../i18n/native-text';

/**
 * The core's `chooseFolder` on Electron: the system folder picker (`dialog.showOpenDialog` with
 * `openDirectory`, and `createDirectory` on macOS), attached to the window when one is open,
 * starting in `defaultPath` when it exists; its button says "Choose" in `text`'s language (the core
 * gives the title). Resolves to the folder chosen, or null on cancel.
 */
export function electronFolderDialog(window: () => BrowserWindow | undefined, text: Pick<NativeText, 't'>): NonNullable<StudioConfig['chooseFolder']> {
  return async ({ title, defaultPath }) => {
    const exists = await access(defaultPath).then(
      () => true,
      () => false,
    );
    const options: OpenDialogOptions = {
      title,
      buttonLabel: text.t('dialog.choose'),
      ...(exists ? { defaultPath } : {}),
      properties: ['openDirectory', 'createDirectory'],
    };
    const win = window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
