import { describe, expect, it } from 'vitest';
import { appDataDir, PRODUCT_NAME, userDataDir } from '../../../../src/main/app/user-data';

// Electron's documented `appData` per platform (docs: app.getPath), and `userData` = appData + name.
describe('userDataDir', () => {
  it.each([
    ['linux', {}, '/home/ana', '/home/ana/.config/Seedance Studio'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana', '/xdg/Seedance Studio'],
    ['freebsd', {}, '/home/ana', '/home/ana/.config/Seedance Studio'],
    ['darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/ana', '/Users/ana/Library/Application Support/Seedance Studio'],
    ['win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Roaming\\Seedance Studio'],
    ['win32', {}, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Roaming\\Seedance Studio'],
  ] as const)('%s %j %s → %s', (platform, env, home, expected) => {
    expect(userDataDir(platform, env, home)).toBe(expected);
    expect(userDataDir(platform, env, home)).toBe(
      `${appDataDir(platform, env, home)}${platform === 'win32' ? '\\' : '/'}${PRODUCT_NAME}`,
    );
  });
});
