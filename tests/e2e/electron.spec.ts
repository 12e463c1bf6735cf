/**
 * The real Electron app, attacked from its own renderer: the bridge exposes only the contract,
 * Node is out of reach, navigation and pop-ups are refused, and the CSP blocks eval and inline
 * scripts. Runs only where the Electron binary is installed; on build machines that set
 * ELECTRON_SKIP_BINARY_DOWNLOAD it is reported as skipped, never as passed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { contract, onName } from '../../src/shared/contract/index';
import { FIXTURE_IMAGES } from '../fixtures/images';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainEntry = join(root, 'out', 'main', 'index.js');

/**
 * The Electron executable, found the way the `electron` package does it but without `require('electron')`,
 * which would try to download the binary. Returns a reason string when it is not there.
 */
function findElectron(): { path: string } | { missing: string } {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `${pathFile} does not exist (the binary was never downloaded)` };
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

const found = findElectron();

test.describe('Electron app security', () => {
  test.skip(
    'missing' in found,
    `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${'missing' in found ? found.missing : ''}. ` +
      'The same renderer runs in the browser-harness e2e suite.',
  );
  test.skip(!existsSync(mainEntry), `${mainEntry} is missing: run \`npx electron-vite build\` first.`);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!('path' in found)) return;
    dataDir = mkdtempSync(join(tmpdir(), 'seedance-e2e-'));
    app = await electron.launch({
      executablePath: found.path,
      // The project folder, as `npm start` does: package.json's "main" is out/main/index.js.
      args: [root],
      cwd: root,
      env: { ...process.env, SEEDANCE_USER_DATA: dataDir, ELECTRON_RENDERER_URL: '' },
    });
    page = await app.firstWindow();
    await page.waitForFunction(() => document.readyState === 'complete' && 'studio' in window);
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('loads the renderer from app://renderer', async () => {
    expect(page.url()).toBe('app://renderer/index.html');
  });

  test('exposes only the contract and the file grant on window.studio, and no Node', async () => {
    const shape = await page.evaluate(() => {
      const studio = (window as unknown as { studio: Record<string, Record<string, unknown>> }).studio;
      return {
        domains: Object.keys(studio).sort(),
        app: Object.keys(studio.app ?? {}).sort(),
        files: Object.keys(studio.files ?? {}),
        hasRequire: typeof (globalThis as Record<string, unknown>).require,
        hasProcess: typeof (globalThis as Record<string, unknown>).process,
        hasInvoke: 'invoke' in studio || 'ipcRenderer' in window,
      };
    });
    expect(shape.domains).toEqual([...Object.keys(contract), 'files'].sort());
    expect(shape.files).toEqual(['grant']);
    expect(shape.app).toEqual([...Object.keys(contract.app.requests), ...Object.keys(contract.app.events).map(onName)].sort());
    expect(shape.hasRequire).toBe('undefined');
    expect(shape.hasProcess).toBe('undefined');
    expect(shape.hasInvoke).toBe(false);
  });

  test('answers app:info through IPC and refuses bad input', async () => {
    const info = await page.evaluate(() => (window as unknown as { studio: { app: { info(): Promise<unknown> } } }).studio.app.info());
    expect(info).toMatchObject({ ok: true, data: { host: 'electron', name: 'Seedance Studio' } });
    const bad = await page.evaluate(() =>
      (window as unknown as { studio: { app: { openExternal(i: unknown): Promise<unknown> } } }).studio.app.openExternal({ url: 42 }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  test('imports only files the user gave: a picked file by a one-use token, never a path', async () => {
    const photo = join(FIXTURE_IMAGES, 'dragonfly-4224x3168.jpg');
    type Bridge = {
      files: { grant(file: File): Promise<{ token: string } | null> };
      images: { import(input: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
    };
    const refused = await page.evaluate(async (path) => {
      const studio = (window as unknown as { studio: Bridge }).studio;
      const code = async (input: unknown) => {
        const answer = await studio.images.import(input);
        return answer.ok ? 'imported' : answer.error?.code;
      };
      return {
        rawPath: await code({ path }),
        forgedToken: await code({ token: 'f'.repeat(32) }),
        scriptFile: await studio.files.grant(new File([new Uint8Array([0xff, 0xd8])], path, { type: 'image/jpeg' })),
      };
    }, photo);
    expect(refused).toEqual({ rawPath: 'BAD_INPUT', forgedToken: 'NOT_FOUND', scriptFile: null });

    // A file input the test owns: Playwright hands it the file from disk, as the user's choice in a picker does.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'grant-probe';
      document.body.append(input);
    });
    await page.setInputFiles('#grant-probe', photo);
    const picked = await page.evaluate(async () => {
      const studio = (window as unknown as { studio: Bridge }).studio;
      const file = document.querySelector<HTMLInputElement>('#grant-probe')?.files?.[0];
      const grant = file ? await studio.files.grant(file) : null;
      document.getElementById('grant-probe')?.remove();
      if (!grant) return { grant: null };
      const first = await studio.images.import({ token: grant.token });
      const again = await studio.images.import({ token: grant.token });
      return { grant: grant.token, first: first.ok, again: again.ok ? 'imported' : again.error?.code };
    });
    expect(picked).toEqual({ grant: expect.stringMatching(/^[0-9a-f]{32}$/), first: true, again: 'NOT_FOUND' });
  });

  test('refuses to navigate away from the app', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await expect.poll(() => page.url()).toBe('app://renderer/index.html');
  });

  test('denies window.open', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('blocks eval and inline scripts with the CSP', async () => {
    const result = await page.evaluate(() => {
      let evalBlocked = false;
      try {
        eval('1');
      } catch {
        evalBlocked = true;
      }
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      return { evalBlocked, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(result).toEqual({ evalBlocked: true, inlineRan: false });
  });

  test('lets in only <style> elements that carry the page nonce', async () => {
    const result = await page.evaluate(() => {
      const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
      const add = (withNonce: boolean) => {
        const s = document.createElement('style');
        if (withNonce) s.setAttribute('nonce', nonce);
        s.textContent = `#root { outline-offset: ${withNonce ? 7 : 9}px; }`;
        document.head.appendChild(s);
      };
      // Nonce first: 7px shows it applied and that the later rule without the nonce (9px) was refused.
      add(true);
      add(false);
      return { nonceLength: nonce.length, offset: getComputedStyle(document.getElementById('root')!).outlineOffset };
    });
    expect(result).toEqual({ nonceLength: 24, offset: '7px' });
  });

  test('serves no media for an unregistered id', async () => {
    const status = await page.evaluate(async () => {
      const video = document.createElement('video');
      video.src = `media://clip/${'0'.repeat(32)}`;
      return await new Promise<string>((resolve) => {
        video.onerror = () => resolve('error');
        video.onloadedmetadata = () => resolve('loaded');
      });
    });
    expect(status).toBe('error');
  });
});
