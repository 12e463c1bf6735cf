import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { NativeText } from '../i18n/native-text';

/** What the menu is built for: the OS, a development run, the app's name, and its text. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Development run: the View menu also offers Reload, Force Reload and the developer tools. */
  dev: boolean;
  /** `app.name`, as Electron's own labels name the app (macOS app menu). */
  appName: string;
  text: Pick<NativeText, 't'>;
}

/**
 * The application menu from Electron's standard roles, so copy/paste, undo and window shortcuts work
 * in the prompt fields on every platform. Reload and DevTools are offered only in development:
 * a reload in production would drop unsaved form state for no user benefit.
 *
 * Each item keeps its role (its action, accelerator and, on macOS, the native behaviour) but takes
 * its label from `text`, because Electron's role labels are English only. The items and English
 * words are those of Electron's `appMenu`, `fileMenu`, `editMenu` and `windowMenu` roles
 * (lib/browser/api/menu-item-roles.ts), per platform, so the English menu is what it was.
 */
export function buildAppMenu(options: AppMenuOptions): Menu {
  const { t } = options.text;
  const isMac = options.platform === 'darwin';
  const app = { app: options.appName };
  const quitLabel = isMac ? t('menu.quitMac', app) : options.platform === 'win32' ? t('menu.quitWindows') : t('menu.quit');
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: t('menu.about', app) },
      { type: 'separator' },
      { role: 'services', label: t('menu.services') },
      { type: 'separator' },
      { role: 'hide', label: t('menu.hide', app) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.unhide') },
      { type: 'separator' },
      { role: 'quit', label: quitLabel },
    ],
  };
  const macEdit: MenuItemConstructorOptions[] = [
    { role: 'pasteAndMatchStyle', label: t('menu.pasteAndMatchStyle') },
    { role: 'delete', label: t('menu.delete') },
    { role: 'selectAll', label: t('menu.selectAll') },
    { type: 'separator' },
    {
      label: t('menu.substitutions'),
      submenu: [
        { role: 'showSubstitutions', label: t('menu.showSubstitutions') },
        { type: 'separator' },
        { role: 'toggleSmartQuotes', label: t('menu.smartQuotes') },
        { role: 'toggleSmartDashes', label: t('menu.smartDashes') },
        { role: 'toggleTextReplacement', label: t('menu.textReplacement') },
      ],
    },
    {
      label: t('menu.speech'),
      submenu: [
        { role: 'startSpeaking', label: t('menu.startSpeaking') },
        { role: 'stopSpeaking', label: t('menu.stopSpeaking') },
      ],
    },
  ];
  const otherEdit: MenuItemConstructorOptions[] = [{ role: 'delete', label: t('menu.delete') }, { type: 'separator' }, { role: 'selectAll', label: t('menu.selectAll') }];
  const view: MenuItemConstructorOptions[] = [
    ...(options.dev
      ? ([
          { role: 'reload', label: t('menu.reload') },
          { role: 'forceReload', label: t('menu.forceReload') },
          { role: 'toggleDevTools', label: t('menu.toggleDevTools') },
          { type: 'separator' },
        ] as const)
      : []),
    { role: 'resetZoom', label: t('menu.resetZoom') },
    { role: 'zoomIn', label: t('menu.zoomIn') },
    { role: 'zoomOut', label: t('menu.zoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [appMenu] : []),
    {
      role: 'fileMenu',
      label: t('menu.file'),
      submenu: [isMac ? { role: 'close', label: t('menu.closeWindow') } : { role: 'quit', label: quitLabel }],
    },
    {
      role: 'editMenu',
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        ...(isMac ? macEdit : otherEdit),
      ],
    },
    { label: t('menu.view'), submenu: view },
    {
      role: 'windowMenu',
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'zoom', label: t('menu.zoom') },
        ...(isMac ? ([{ type: 'separator' }, { role: 'front', label: t('menu.front') }] as const) : ([{ role: 'close', label: t('menu.close') }] as const)),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
