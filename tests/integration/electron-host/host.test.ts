import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webPreferencesViolations } from '../../../src/main/security/web-preferences';
import { channelName } from '../../../src/shared/contract/define';
import { FILE_GRANT_CHANNEL } from '../../../src/shared/contract/files';
import { contract } from '../../../src/shared/contract/index';
import { ensureBuiltApp, ROOT } from '../../fixtures/built-app';
import { startHost, type Answer, type Call, type Host } from './host-process';

const APP = 'app://renderer';
const PHOTO = join(ROOT, '..', 'shared', 'fixtures', 'images', 'dragonfly-4224x3168.jpg');
const REQUEST_CHANNELS = Object.entries(contract).flatMap(([domain, def]) => Object.keys(def.requests).map((verb) => channelName(domain, verb)));

const body = (a: Answer) => Buffer.from(a.body, 'base64');
const ofKind = (calls: Call[], kind: string) => calls.filter((c) => c.kind === kind);
const indexOf = (calls: Call[], test: (c: Call) => boolean) => calls.findIndex(test);
type Result = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** One item of a menu template as the double records it (functions become '[function]'). */
interface MenuItem {
  label?: string;
  role?: string;
  type?: string;
  submenu?: MenuItem[];
}
/** A menu's words: each label, '—' for a separator, `{ label: [...] }` for a submenu. */
type Words = Array<string | Record<string, Words>>;
const words = (items: MenuItem[]): Words => items.map((i) => (i.type === 'separator' ? '—' : i.submenu ? { [i.label ?? '']: words(i.submenu) } : (i.label ?? '')));
const roles = (items: MenuItem[]): unknown[] => items.map((i) => [i.role ?? null, i.submenu ? roles(i.submenu) : null]);

/** The menu of an unpackaged run on Linux/Windows-like platforms, as Electron's own roles word it (menu-item-roles.ts). */
const MENU_EN: Words = [
  { File: ['Quit'] },
  { Edit: ['Undo', 'Redo', '—', 'Cut', 'Copy', 'Paste', 'Delete', '—', 'Select All'] },
  { View: ['Reload', 'Force Reload', 'Toggle Developer Tools', '—', 'Actual Size', 'Zoom In', 'Zoom Out', '—', 'Toggle Full Screen'] },
  { Window: ['Minimize', 'Zoom', 'Close'] },
];
const MENU_ZH: Words = [
  { 文件: ['退出'] },
  { 编辑: ['撤销', '重做', '—', '剪切', '复制', '粘贴', '删除', '—', '全选'] },
  { 查看: ['重新加载', '强制重新加载', '切换开发者工具', '—', '实际大小', '放大', '缩小', '—', '切换全屏'] },
  { 窗口: ['最小化', '缩放', '关闭'] },
];
const T2V = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a paper boat drifts across a still pond at dawn', resolution: '480p', aspectRatio: '16:9', duration: 5 };

/**
 * The built Electron entry (out/main/index.js) under plain Node, with a test double for `electron`
 * (double/): the entry's own handlers are called with real `Request`s and IPC events, and its
 * lifecycle is played — ready, second-instance, window-all-closed, did-fail-load,
 * render-process-gone — with the real core and a real engine process behind it.
 */
describe('Electron host, built entry under an electron double', () => {
  beforeAll(() => ensureBuiltApp(), 300_000);

  describe('a normal start', () => {
    let host: Host;
    let calls: Call[];
    beforeAll(async () => {
      // `ELECTRON_RENDERER_URL=''` must not be taken as a URL (it was: `??` where `||` was meant).
      host = await startHost({ ELECTRON_RENDERER_URL: '' });
      await host.send('ready');
      // First paint as soon as the window has loaded: the window must not wait for the core.
      await host.send('waitFor', { kind: 'BrowserWindow.loadURL' });
      await host.send('windowEvent', { index: 0, event: 'ready-to-show' });
      // Core up: `app:info` waits for it, then answers.
      const info = await host.send<Result>('invoke', { channel: 'app:info', input: {}, frameUrl: `${APP}/index.html` });
      expect(info.ok).toBe(true);
      calls = await host.calls();
    }, 120_000);
    afterAll(() => host?.stop());

    it('registers privileged schemes and the sandbox before ready, and touches nothing that needs ready before it', () => {
      const before = calls.filter((c) => !c.afterReady);
      expect(before.map((c) => c.kind)).toEqual(
        expect.arrayContaining(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']),
      );
      const schemes = ofKind(calls, 'protocol.registerSchemesAsPrivileged')[0]?.schemes as { scheme: string; privileges: Record<string, boolean> }[];
      expect(schemes.map((s) => s.scheme)).toEqual(['app', 'media']);
      for (const s of schemes) expect(s.privileges).toMatchObject({ standard: true, secure: true });
      expect(schemes[0]?.privileges).not.toHaveProperty('corsEnabled');
      for (const kind of ['safeStorage.isEncryptionAvailable', 'protocol.handle', 'BrowserWindow.new', 'session.beforeReady', 'ipcMain.handle']) {
        expect(before.filter((c) => c.kind === kind)).toEqual([]);
      }
    });

    it("keeps its data in <appData>/Seedance Studio, with settings and keys in electron-store's files", () => {
      const userData = join(host.appData, 'Seedance Studio');
      expect(ofKind(calls, 'app.setPath')).toEqual([expect.objectContaining({ name: 'userData', value: userData, afterReady: false })]);
      expect(existsSync(join(userData, 'logs', 'studio.log'))).toBe(true);
      // electron-store (and only it) opens its renderer channel; the host closes it again at once.
      const opened = indexOf(calls, (c) => c.kind === 'ipcMain.on' && c.channel === 'electron-store-get-data');
      const closed = indexOf(calls, (c) => c.kind === 'ipcMain.removeAllListeners' && c.channel === 'electron-store-get-data');
      expect(opened).toBeGreaterThanOrEqual(0);
      expect(closed).toBeGreaterThan(opened);
    });

    it('has an IPC handler for every request channel of the contract, and the preload grant channel, before the window loads', () => {
      const firstLoad = indexOf(calls, (c) => c.kind === 'BrowserWindow.loadURL');
      const handled = calls.slice(0, firstLoad).filter((c) => c.kind === 'ipcMain.handle').map((c) => c.channel);
      expect(new Set(handled)).toEqual(new Set([...REQUEST_CHANNELS, FILE_GRANT_CHANNEL]));
      expect(handled).toHaveLength(REQUEST_CHANNELS.length + 1);
    });

    it('opens a secure window on app://renderer/index.html with an existing CommonJS preload', () => {
      const [created] = ofKind(calls, 'BrowserWindow.new') as [Call & { options: { show: boolean; webPreferences: Record<string, unknown> } }];
      // The baseline's own checker (table-tested in tests/unit/main/security), plus the four that matter most.
      expect(webPreferencesViolations(created.options.webPreferences)).toEqual([]);
      expect(created.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
      const preload = created.options.webPreferences.preload as string;
      expect(preload).toBe(join(ROOT, 'out', 'preload', 'index.cjs'));
      // A sandboxed preload must be one classic script: it parses as one (an ES module would not).
      const source = readFileSync(preload, 'utf8');
      expect(() => new Script(source, { filename: preload })).not.toThrow();
      expect(source).toMatch(/require\(["']electron["']\)/);
      expect(ofKind(calls, 'BrowserWindow.loadURL')[0]?.url).toBe(`${APP}/index.html`);
    });

    it('forks the engine from an entry that exists in out/main', () => {
      const [forked] = ofKind(calls, 'utilityProcess.fork');
      expect(forked?.entry).toBe(join(ROOT, 'out', 'main', 'engine-process.js'));
      expect(existsSync(forked?.entry as string)).toBe(true);
    });

    it('serves the renderer on app:// with a nonce CSP, its assets, and 404 outside the renderer folder', async () => {
      const index = await host.send<Answer>('fetch', { url: `${APP}/index.html` });
      expect(index.status).toBe(200);
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      const csp = index.headers['content-security-policy'] ?? '';
      expect(csp).toMatch(/default-src 'none'/);
      const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(body(index).toString()).toContain(`nonce="${nonce}"`);
      // A second load gets a fresh nonce.
      const again = await host.send<Answer>('fetch', { url: `${APP}/index.html` });
      expect(again.headers['content-security-policy']).not.toContain(nonce);

      const asset = readdirSync(join(ROOT, 'out', 'renderer', 'assets')).find((f) => f.endsWith('.js')) as string;
      const js = await host.send<Answer>('fetch', { url: `${APP}/assets/${asset}` });
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(body(js).equals(readFileSync(join(ROOT, 'out', 'renderer', 'assets', asset)))).toBe(true);

      for (const url of [`${APP}/%2e%2e/main/index.js`, `${APP}/..%2fmain%2findex.js`, `${APP}/../preload/index.cjs`, 'app://other/index.html', `${APP}/missing.js`]) {
        expect((await host.send<Answer>('fetch', { url })).status, url).toBe(404);
      }
      expect((await host.send<Answer>('fetch', { url: `${APP}/index.html`, method: 'POST' })).status).toBe(405);
    });

    it('serves media:// with byte ranges: 206 and the right bytes', async () => {
      // The preload's path → token grant first: images:import takes only a token main issued.
      const granted = await host.send<Result>('invoke', { channel: FILE_GRANT_CHANNEL, input: { path: PHOTO }, frameUrl: `${APP}/index.html` });
      expect(granted.ok).toBe(true);
      const { token } = (granted as { data: { token: string } }).data;
      const imported = await host.send<Result>('invoke', { channel: 'images:import', input: { token }, frameUrl: `${APP}/index.html` });
      expect(imported.ok).toBe(true);
      const url = (imported as { data: { previewUrl: string } }).data.previewUrl;
      expect(url).toMatch(/^media:\/\/clip\//);
      const whole = await host.send<Answer>('fetch', { url });
      expect(whole.status).toBe(200);
      const bytes = body(whole);
      expect(bytes.length).toBeGreaterThan(200);
      const part = await host.send<Answer>('fetch', { url, headers: { Range: 'bytes=10-109' } });
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 10-109/${bytes.length}`);
      expect(body(part).equals(bytes.subarray(10, 110))).toBe(true);
      expect((await host.send<Answer>('fetch', { url: 'media://clip/not-registered' })).status).toBe(404);
    });

    it('refuses IPC from a foreign origin or a sub-frame, and answers our main frame', async () => {
      const foreign = await host.send<Result>('invoke', { channel: 'app:info', input: {}, frameUrl: 'https://evil.example/' });
      expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const sub = await host.send<Result>('invoke', { channel: 'app:info', input: {}, frameUrl: `${APP}/index.html`, isMainFrame: false });
      expect(sub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const foreignGrant = await host.send<Result>('invoke', { channel: FILE_GRANT_CHANNEL, input: { path: PHOTO }, frameUrl: 'https://evil.example/' });
      expect(foreignGrant).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const ours = await host.send<Result>('invoke', { channel: 'app:engine', input: {}, frameUrl: `${APP}/index.html` });
      expect(ours).toEqual({ ok: true, data: { state: 'running' } });
    });

    it('shows the window at first paint and logs the start-up times', () => {
      expect(ofKind(calls, 'BrowserWindow.show')).toEqual([expect.objectContaining({ index: 0 })]);
      const line = /Electron ready after (\d+) ms, window shown after (\d+) ms, app ready after (\d+) ms/.exec(host.stdout());
      expect(line).not.toBeNull();
      console.info(`Electron entry under the double, ms after process start: ready ${line?.[1]}, window shown ${line?.[2]}, app ready ${line?.[3]}`);
    });

    it('shows an error page with Reload when the page fails to load or the renderer crashes', async () => {
      await host.send('webContentsEvent', { index: 0, event: 'did-fail-load', args: [-3, 'ERR_ABORTED', `${APP}/index.html`, true] });
      await host.send('webContentsEvent', { index: 0, event: 'did-fail-load', args: [-105, 'ERR_NAME_NOT_RESOLVED', `${APP}/index.html`, false] });
      expect(ofKind(await host.calls(), 'BrowserWindow.loadURL').filter((c) => String(c.url).startsWith('data:'))).toEqual([]);

      await host.send('webContentsEvent', { index: 0, event: 'did-fail-load', args: [-6, 'ERR_FILE_NOT_FOUND', `${APP}/index.html`, true] });
      await host.send('webContentsEvent', { index: 0, event: 'render-process-gone', args: [{ reason: 'crashed', exitCode: 133 }] });
      const pages = ofKind(await host.calls(), 'BrowserWindow.loadURL')
        .map((c) => String(c.url))
        .filter((u) => u.startsWith('data:'))
        .map((u) => decodeURIComponent(u.slice(u.indexOf(',') + 1)));
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain('ERR_FILE_NOT_FOUND');
      expect(pages[1]).toContain('crashed');
      for (const page of pages) {
        expect(page).toContain(`<a href="${APP}/index.html">Reload</a>`);
        expect(page).toContain(join(host.appData, 'Seedance Studio', 'logs'));
      }
    });

    it('second-instance focuses the window, or opens a new one when it was closed; window-all-closed quits', async () => {
      await host.send('appEvent', { event: 'second-instance', args: [[], ROOT] });
      await host.send('waitFor', { kind: 'BrowserWindow.focus', where: { index: 0 } });
      await host.send('closeWindow', { index: 0 });
      await host.send('appEvent', { event: 'second-instance', args: [[], ROOT] });
      const created = await host.send<Call>('waitFor', { kind: 'BrowserWindow.new', where: { index: 1 } });
      expect((created as unknown as { options: { webPreferences: { sandbox: boolean } } }).options.webPreferences.sandbox).toBe(true);
      expect(ofKind(await host.calls(), 'BrowserWindow.loadURL').at(-1)?.url).toBe(`${APP}/index.html`);
      if (process.platform !== 'darwin') {
        await host.send('appEvent', { event: 'window-all-closed' });
        await host.send('waitFor', { kind: 'app.quit' });
      }
    });
  });

  it('an engine that cannot start: the window works, app:engine says down, and Retry brings it back', async () => {
    const host = await startHost({ DOUBLE_ENGINE: 'crash' });
    try {
      await host.send('ready');
      const frameUrl = `${APP}/index.html`;
      // The window is up while the core still waits on the engine.
      await host.send('waitFor', { kind: 'BrowserWindow.loadURL' });
      await host.send('windowEvent', { index: 0, event: 'ready-to-show' });
      await host.send('waitFor', { kind: 'BrowserWindow.show' });

      const engine = await host.send<Result>('invoke', { channel: 'app:engine', input: {}, frameUrl });
      expect(engine).toMatchObject({ ok: true, data: { state: 'down', message: expect.stringContaining('5 times in a row') } });
      expect(ofKind(await host.calls(), 'utilityProcess.fork')).toHaveLength(5);
      expect(await host.send<Result>('invoke', { channel: 'app:info', input: {}, frameUrl })).toMatchObject({ ok: true });
      // Engine commands are refused at once; the window still reads main's last copy of the table.
      expect(await host.send<Result>('invoke', { channel: 'jobs:stats', input: {}, frameUrl })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(await host.send<Result>('invoke', { channel: 'jobs:list', input: {}, frameUrl })).toMatchObject({ ok: true, data: { jobs: [] } });
      expect(ofKind(await host.calls(), 'dialog.showErrorBox')).toEqual([]);

      // The fault is gone; the user presses Retry.
      await host.send('engineMode', { mode: 'real' });
      expect(await host.send<Result>('invoke', { channel: 'app:retryEngine', input: {}, frameUrl })).toEqual({ ok: true, data: { state: 'starting' } });
      await host.send('waitFor', { kind: 'webContents.send', where: { channel: 'app:engine', payload: { state: 'running' } } });
      expect(await host.send<Result>('invoke', { channel: 'jobs:stats', input: {}, frameUrl })).toMatchObject({ ok: true, data: { paused: false } });
    } finally {
      await host.stop();
    }
  }, 120_000);

  it("native UI follows the theme setting: nativeTheme.themeSource is the saved theme once the core is up, and every later change", async () => {
    const host = await startHost();
    try {
      // A theme saved by an earlier run (electron-store's settings.json in the data folder).
      const userData = join(host.appData, 'Seedance Studio');
      mkdirSync(userData, { recursive: true });
      writeFileSync(join(userData, 'settings.json'), JSON.stringify({ appearance: { theme: 'dark', language: 'system' } }));
      await host.send('ready');
      const frameUrl = `${APP}/index.html`;
      expect(await host.send<Result>('invoke', { channel: 'app:info', input: {}, frameUrl })).toMatchObject({ ok: true });
      const sources = async () => ofKind(await host.calls(), 'nativeTheme.themeSource').map((c) => c.value);
      expect(await sources()).toEqual(['dark']);

      const update = (patch: Record<string, unknown>) => host.send<Result>('invoke', { channel: 'settings:update', input: { patch }, frameUrl });
      expect(await update({ appearance: { theme: 'light' } })).toMatchObject({ ok: true });
      expect(await update({ appearance: { theme: 'system' } })).toMatchObject({ ok: true });
      // Another setting changes nothing native; the same theme again is not re-applied.
      expect(await update({ polling: { minIntervalMs: 5000 } })).toMatchObject({ ok: true });
      expect(await update({ appearance: { theme: 'system', language: 'zh-CN' } })).toMatchObject({ ok: true });
      expect(await update({ appearance: { theme: 'dark' } })).toMatchObject({ ok: true });
      expect(await sources()).toEqual(['dark', 'light', 'system', 'dark']);
    } finally {
      await host.stop();
    }
  }, 120_000);

  it('native text follows the language setting: menu, dialogs, notifications and the error page in English, then Chinese; the menu is rebuilt on a language change only', async () => {
    const host = await startHost();
    try {
      await host.send('ready');
      const frameUrl = `${APP}/index.html`;
      const invoke = (channel: string, input: Record<string, unknown> = {}) => host.send<Result>('invoke', { channel, input, frameUrl });
      const update = (patch: Record<string, unknown>) => invoke('settings:update', { patch });
      expect(await invoke('app:info')).toMatchObject({ ok: true });
      const menus = async () => ofKind(await host.calls(), 'Menu.setApplicationMenu').map((c) => c.template as MenuItem[]);
      const [english] = await menus();
      expect((await menus()).map(words)).toEqual([MENU_EN]);

      /** Opens the folder picker and the spend export's save dialog (both cancelled), and answers what they showed last. */
      const dialogs = async () => {
        expect(await invoke('settings:chooseLibraryDir')).toEqual({ ok: true, data: { outcome: 'cancelled' } });
        expect(await invoke('spend:exportCsv')).toEqual({ ok: true, data: { outcome: 'cancelled' } });
        const calls = await host.calls();
        const open = ofKind(calls, 'dialog.showOpenDialog').at(-1)?.options as { title: string; buttonLabel: string };
        const save = ofKind(calls, 'dialog.showSaveDialog').at(-1)?.options as { title: string; filters: unknown };
        return { open: [open.title, open.buttonLabel], save: [save.title, save.filters] };
      };
      /** Runs one demo job while the window is not focused; answers the notification it brought. */
      const notify = async () => {
        const before = ofKind(await host.calls(), 'Notification.show').length;
        expect(await invoke('jobs:submit', { params: T2V })).toMatchObject({ ok: true });
        const shown = await host.send<Call>('waitFor', { kind: 'Notification.show', skip: before });
        return shown.options as { title: string; body: string; actions: Array<{ text: string }> };
      };
      /** Fails the page load; answers the error page's HTML. */
      const errorPage = async () => {
        await host.send('webContentsEvent', { index: 0, event: 'did-fail-load', args: [-6, 'ERR_FILE_NOT_FOUND', frameUrl, true] });
        const url = String(ofKind(await host.calls(), 'BrowserWindow.loadURL').at(-1)?.url);
        return decodeURIComponent(url.slice(url.indexOf(',') + 1));
      };

      expect(await dialogs()).toEqual({ open: ['Choose the library folder', 'Choose'], save: ['Export spend', [{ name: 'CSV spreadsheet', extensions: ['csv'] }]] });
      const ready = await notify();
      expect(ready).toMatchObject({ title: 'Video ready', body: `${T2V.prompt} · Seedance 1.0 Pro · text to video` });
      expect(ready.actions.map((a) => a.text)).toEqual(['Continue from last frame']);
      const page = await errorPage();
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('<h1>The Studio window could not be shown</h1>');
      expect(page).toContain(`<p>Your jobs and library are safe. The log is in <code>${join(host.appData, 'Seedance Studio', 'logs')}</code>.</p>`);

      expect(await update({ appearance: { language: 'zh-CN' } })).toMatchObject({ ok: true });
      // Another setting, or the same language again, leaves the menu alone.
      expect(await update({ polling: { minIntervalMs: 5000 } })).toMatchObject({ ok: true });
      expect(await update({ appearance: { theme: 'dark', language: 'zh-CN' } })).toMatchObject({ ok: true });
      const [, chinese] = await menus();
      expect((await menus()).map(words)).toEqual([MENU_EN, MENU_ZH]);
      // Only the words changed: every item keeps its role (actions, accelerators, macOS behaviour).
      expect(roles(chinese ?? [])).toEqual(roles(english ?? []));

      expect(await dialogs()).toEqual({ open: ['选择视频库文件夹', '选择'], save: ['导出花费', [{ name: 'CSV 表格', extensions: ['csv'] }]] });
      const readyZh = await notify();
      expect(readyZh).toMatchObject({ title: '视频已就绪', body: `${T2V.prompt} · Seedance 1.0 Pro · text to video` });
      expect(readyZh.actions.map((a) => a.text)).toEqual(['从尾帧续拍']);
      const pageZh = await errorPage();
      expect(pageZh).toContain('<html lang="zh-CN">');
      expect(pageZh).toContain('<h1>无法显示 Studio 窗口</h1>');
      expect(pageZh).toContain(`<p>你的任务和视频库都安全无恙。日志位于 <code>${join(host.appData, 'Seedance Studio', 'logs')}</code>。</p>`);
      expect(pageZh).toContain(`<a href="${frameUrl}">重新加载</a>`);

      // Back to the system's language (English here).
      expect(await update({ appearance: { language: 'system' } })).toMatchObject({ ok: true });
      expect((await menus()).map(words)).toEqual([MENU_EN, MENU_ZH, MENU_EN]);
    } finally {
      await host.stop();
    }
  }, 120_000);

  it('on a Chinese system the menu is in Chinese from the start, until a saved English setting is read', async () => {
    const host = await startHost({ DOUBLE_LANGUAGES: 'zh-Hans-CN,en-US' });
    try {
      const userData = join(host.appData, 'Seedance Studio');
      mkdirSync(userData, { recursive: true });
      writeFileSync(join(userData, 'settings.json'), JSON.stringify({ appearance: { theme: 'system', language: 'en' } }));
      await host.send('ready');
      expect(await host.send<Result>('invoke', { channel: 'app:info', input: {}, frameUrl: `${APP}/index.html` })).toMatchObject({ ok: true });
      const menus = ofKind(await host.calls(), 'Menu.setApplicationMenu').map((c) => words(c.template as MenuItem[]));
      expect(menus).toEqual([MENU_ZH, MENU_EN]);
    } finally {
      await host.stop();
    }
  }, 120_000);

  it.each([
    ['en-US', 'Seedance Studio could not start', 'The log is in'],
    ['zh-CN', 'Seedance Studio 无法启动', '日志位于'],
  ])('a fatal start shows an error box naming the log folder, then quits (system language %s)', async (language, title, logIsIn) => {
    const host = await startHost({ DOUBLE_LANGUAGES: language });
    try {
      // A data folder that cannot be created (a file stands where its parent should be).
      const blocked = join(host.appData, 'Seedance Studio');
      (await import('node:fs')).mkdirSync(host.appData, { recursive: true });
      (await import('node:fs')).writeFileSync(blocked, 'not a folder');
      await host.send('ready');
      const box = await host.send<Call>('waitFor', { kind: 'dialog.showErrorBox' });
      expect(box.title).toBe(title);
      expect(String(box.content).endsWith(`\n\n${logIsIn} ${join(blocked, 'logs')}`)).toBe(true);
      expect(await host.send<Call>('waitFor', { kind: 'app.exit' })).toMatchObject({ code: 1 });
    } finally {
      await host.stop();
    }
  }, 60_000);

  it('a second instance quits at once and opens nothing', async () => {
    const host = await startHost({ DOUBLE_SECOND_INSTANCE: '1' });
    try {
      await host.send('ready');
      const calls = await host.calls();
      expect(ofKind(calls, 'app.quit')).toHaveLength(1);
      expect(ofKind(calls, 'BrowserWindow.new')).toEqual([]);
      expect(ofKind(calls, 'ipcMain.handle')).toEqual([]);
    } finally {
      await host.stop();
    }
  }, 60_000);
});
