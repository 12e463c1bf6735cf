import { describe, expect, it } from 'vitest';
import { cliDataDir } from '../../../src/cli/data-dir';

describe('cliDataDir', () => {
  it('--data wins over SEEDANCE_DATA_DIR, which wins over the per-user default; both resolve to absolute paths', () => {
    expect(cliDataDir('/srv/a', { SEEDANCE_DATA_DIR: '/srv/b' }, 'linux', '/home/u')).toBe('/srv/a');
    expect(cliDataDir(undefined, { SEEDANCE_DATA_DIR: '/srv/b' }, 'linux', '/home/u')).toBe('/srv/b');
    expect(cliDataDir('rel/dir', {}, 'linux', '/home/u')).toBe(`${process.cwd()}/rel/dir`);
    expect(cliDataDir('  ', { SEEDANCE_DATA_DIR: '' }, 'linux', '/home/u')).toBe('/home/u/.local/share/seedance-studio-cli');
  });

  it('follows XDG_DATA_HOME on Linux, ignoring a relative one as the spec says', () => {
    expect(cliDataDir(undefined, { XDG_DATA_HOME: '/data/xdg' }, 'linux', '/home/u')).toBe('/data/xdg/seedance-studio-cli');
    expect(cliDataDir(undefined, { XDG_DATA_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.local/share/seedance-studio-cli');
  });

  it('uses the platform folders on macOS and Windows, never the desktop app folder', () => {
    expect(cliDataDir(undefined, {}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Seedance Studio CLI');
    expect(cliDataDir(undefined, { LOCALAPPDATA: '/c/Users/u/AppData/Local' }, 'win32', '/c/Users/u')).toMatch(/AppData\/Local\/Seedance Studio CLI$/);
  });
});
