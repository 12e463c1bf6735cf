import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { StudioConfig } from '../composition/config';
import type { NativeKey } from '../i18n/resources';
import type { NativeText } from '../i18n/native-text';

/** File type filter per kind of file the core asks to save: the name's text key and the extension. */
const FILTERS: Record<'video' | 'sidecar' | 'csv', { name: NativeKey; extension: string }> = {
  video: { name: 'dialog.mp4Video', extension: 'mp4' },
  sidecar: { name: 'dialog.json', extension: 'json' },
  csv: { name: 'dialog.csvSpreadsheet', extension: 'csv' },
};

/**
 * The core's `chooseSavePath` on Electron: the system save dialog, attached to the window when one
 * is open, starting in the user's Videos (a video) or Documents folder with the suggested name. The dialog itself asks
 * before replacing a file (`showOverwriteConfirmation`, needed on Linux). Title and file type are in
 * `text`'s language at the time of the call. Resolves to null on cancel.
 */
export function electronSaveDialog(window: () => BrowserWindow | undefined, text: Pick<NativeText, 't'>): NonNullable<StudioConfig['chooseSavePath']> {
  return async ({ defaultName, kind }) => {
    const filter = FILTERS[kind];
    const options: SaveDialogOptions = {
      title: text.t(kind === 'csv' ? 'dialog.exportSpend' : 'dialog.saveCopy'),
      defaultPath: join(app.getPath(kind === 'video' ? 'videos' : 'documents'), defaultName),
      filters: [{ name: text.t(filter.name), extensions: [filter.extension] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = window();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
