import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { StudioConfig } from '../composition/config';

/** File type filters per kind of file the core asks to save. */
const FILTERS: Record<'video' | 'sidecar' | 'csv', SaveDialogOptions['filters']> = {
  video: [{ name: 'MP4 video', extensions: ['mp4'] }],
  sidecar: [{ name: 'JSON', extensions: ['json'] }],
  csv: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
};

/**
 * The core's `chooseSavePath` on Electron: the system save dialog, attached to the window when one
 * is open, starting in the user's Videos (a video) or Documents folder with the suggested name. The dialog itself asks
 * before replacing a file (`showOverwriteConfirmation`, needed on Linux). Resolves to null on cancel.
 */
export function electronSaveDialog(window: () => BrowserWindow | undefined): NonNullable<StudioConfig['chooseSavePath']> {
  return async ({ defaultName, kind }) => {
    const options: SaveDialogOptions = {
      title: kind === 'csv' ? 'Export spend' : 'Save a copy',
      defaultPath: join(app.getPath(kind === 'video' ? 'videos' : 'documents'), defaultName),
      filters: FILTERS[kind],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = window();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
