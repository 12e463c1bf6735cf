import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu from Electron's standard roles, so copy/paste, undo and window shortcuts work
 * in the prompt fields on every platform. Reload and DevTools are offered only in development:
 * a reload in production would drop unsaved form state for no user benefit.
 */
export function buildAppMenu(options: { isMac: boolean; dev: boolean }): Menu {
  const view: MenuItemConstructorOptions[] = [
    ...(options.dev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
