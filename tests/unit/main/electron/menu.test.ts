import { describe, expect, it, vi } from 'vitest';
import { buildAppMenu } from '../../../../src/main/electron/menu';
import { createNativeText } from '../../../../src/main/i18n/native-text';

// No Electron binary under plain Node: `Menu.buildFromTemplate` hands back the template it was given
// (as the host tests' double does), which is what is under test here.
vi.mock('electron', () => ({ Menu: { buildFromTemplate: (template: unknown) => ({ template }) } }));

/** A menu template item, as far as this test reads it (the lint keeps `electron`'s types out of tests). */
interface Item {
  label?: string;
  role?: string;
  type?: string;
  submenu?: unknown;
}
type Words = Array<string | Record<string, Words>>;
/** A menu's words: each label, '—' for a separator, `{ label: [...] }` for a submenu ('' for the macOS app menu, which Electron names after the app). */
const words = (items: Item[]): Words =>
  items.map((i) => (i.type === 'separator' ? '—' : Array.isArray(i.submenu) ? { [i.label ?? '']: words(i.submenu as Item[]) } : (i.label ?? '')));

function menu(platform: NodeJS.Platform, language: 'en' | 'zh-CN', dev = false): Words {
  const text = createNativeText(() => []);
  text.apply(language);
  const built = buildAppMenu({ platform, dev, appName: 'Seedance Studio', text }) as unknown as { template: Item[] };
  return words(built.template);
}

/**
 * The English menu is word for word what Electron's own roles gave before the menu was translated
 * (electron/electron lib/browser/api/menu-item-roles.ts: `appMenu`, `fileMenu`, `editMenu`,
 * `windowMenu` and the item roles' labels, per platform); Linux is covered by the host tests.
 */
describe('buildAppMenu', () => {
  it("macOS, English: Electron's app, File, Edit and Window menus, and the View menu without developer items", () => {
    expect(menu('darwin', 'en')).toEqual([
      { '': ['About Seedance Studio', '—', 'Services', '—', 'Hide Seedance Studio', 'Hide Others', 'Show All', '—', 'Quit Seedance Studio'] },
      { File: ['Close Window'] },
      {
        Edit: [
          'Undo', 'Redo', '—', 'Cut', 'Copy', 'Paste', 'Paste and Match Style', 'Delete', 'Select All', '—',
          { Substitutions: ['Show Substitutions', '—', 'Smart Quotes', 'Smart Dashes', 'Text Replacement'] },
          { Speech: ['Start Speaking', 'Stop Speaking'] },
        ],
      },
      { View: ['Actual Size', 'Zoom In', 'Zoom Out', '—', 'Toggle Full Screen'] },
      { Window: ['Minimize', 'Zoom', '—', 'Bring All to Front'] },
    ]);
  });

  it('Windows, English: File says Exit', () => {
    expect(menu('win32', 'en', true)).toEqual([
      { File: ['Exit'] },
      { Edit: ['Undo', 'Redo', '—', 'Cut', 'Copy', 'Paste', 'Delete', '—', 'Select All'] },
      { View: ['Reload', 'Force Reload', 'Toggle Developer Tools', '—', 'Actual Size', 'Zoom In', 'Zoom Out', '—', 'Toggle Full Screen'] },
      { Window: ['Minimize', 'Zoom', 'Close'] },
    ]);
  });

  it('macOS, Simplified Chinese: every label translated, the app name kept', () => {
    expect(menu('darwin', 'zh-CN')).toEqual([
      { '': ['关于 Seedance Studio', '—', '服务', '—', '隐藏 Seedance Studio', '隐藏其他', '全部显示', '—', '退出 Seedance Studio'] },
      { 文件: ['关闭窗口'] },
      {
        编辑: [
          '撤销', '重做', '—', '剪切', '复制', '粘贴', '粘贴并匹配样式', '删除', '全选', '—',
          { 替换: ['显示替换', '—', '智能引号', '智能破折号', '文本替换'] },
          { 语音: ['开始朗读', '停止朗读'] },
        ],
      },
      { 查看: ['实际大小', '放大', '缩小', '—', '切换全屏'] },
      { 窗口: ['最小化', '缩放', '—', '前置全部窗口'] },
    ]);
  });

  it('keeps every role, so actions and shortcuts are the same in every language', () => {
    const roles = (platform: NodeJS.Platform, language: 'en' | 'zh-CN') => {
      const text = createNativeText(() => []);
      text.apply(language);
      const built = buildAppMenu({ platform, dev: true, appName: 'Seedance Studio', text }) as unknown as { template: Item[] };
      const walk = (items: Item[]): unknown[] => items.map((i) => [i.role ?? i.type ?? null, Array.isArray(i.submenu) ? walk(i.submenu as Item[]) : null]);
      return walk(built.template);
    };
    for (const platform of ['darwin', 'win32', 'linux'] as const) expect(roles(platform, 'zh-CN')).toEqual(roles(platform, 'en'));
    expect(JSON.stringify(roles('darwin', 'en'))).toContain('"appMenu"');
  });
});
