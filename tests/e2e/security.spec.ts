import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';
import { expect, test } from './fixtures';
import { dropFile } from './drop-file';
import { makeTestMp4 } from './media-file';
import type { RunningHarness } from './harness-process';
import { FIXTURE_IMAGES } from '../fixtures/images';

/** A real photo on this disk (4224 × 3168): a refusal below is the rule, not a missing or broken file. */
const DRAGONFLY = `${FIXTURE_IMAGES}/dragonfly-4224x3168.jpg`;

/** GET with the path sent exactly as written (no `..` normalisation, unlike browsers and fetch). */
function rawGet(harness: RunningHarness, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: harness.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function registerMedia(harness: RunningHarness, path: string, mime: string): Promise<{ id: string; url: string }> {
  const res = await fetch(`${harness.origin}/__test/media?t=${harness.token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, mime }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; url: string };
}

async function openedLinks(harness: RunningHarness): Promise<string[]> {
  const res = await fetch(`${harness.origin}/__test/opened-links?t=${harness.token}`);
  return ((await res.json()) as { urls: string[] }).urls;
}

test.describe('navigation', () => {
  test('window.open is refused by the browser and opens nothing', async ({ app, context }) => {
    const result = await app.evaluate(() => window.open('https://example.com/', '_blank') === null);
    expect(result).toBe(true);
    expect(context.pages()).toHaveLength(1);
  });

  test('a script navigation to an external URL is cancelled and the app stays', async ({ app, harness, context }) => {
    const external: string[] = [];
    // Observe only: any request to example.com would mean the navigation got out.
    await context.route('https://example.com/**', async (route) => {
      external.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>escaped</h1>' });
    });
    await app.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same document';
    });
    const refused = app.waitForEvent('console', (msg) => msg.text().includes('refused navigation to https://example.com/'));
    await app.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await refused;
    // A round trip through the bridge proves the document (and its socket) survived.
    const info = await app.evaluate(async () => window.studio.app.info());
    expect(info.ok).toBe(true);
    expect(await app.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
    expect(new URL(app.url()).origin).toBe(harness.origin);
    expect(external).toEqual([]);
  });

  test('a download link to another origin is still a navigation, and is cancelled', async ({ app, harness, context }) => {
    // Downloads pass the guard (Save a copy); Chromium ignores `download` on cross-origin links, so this one must not.
    const external: string[] = [];
    await context.route('https://example.com/**', async (route) => {
      external.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'escaped' });
    });
    const refused = app.waitForEvent('console', (msg) => msg.text().includes('refused navigation to https://example.com/clip.mp4'));
    await app.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.com/clip.mp4';
      a.download = 'clip.mp4';
      a.click();
    });
    await refused;
    expect(new URL(app.url()).origin).toBe(harness.origin);
    expect(external).toEqual([]);
  });

  test('an external link goes to app:openExternal and the window stays', async ({ app, harness }) => {
    // A link of our own rather than one from a view, so the test follows the document-wide handler, not a view's content.
    await app.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://novita.ai/';
      a.textContent = 'Novita website';
      document.querySelector('main')?.append(a);
    });
    await app.getByRole('link', { name: 'Novita website' }).click();
    await expect(app.getByRole('contentinfo').getByRole('status')).toContainText('The link to novita.ai was not opened.');
    expect(await openedLinks(harness)).toEqual(['https://novita.ai/']);
    expect(new URL(app.url()).origin).toBe(harness.origin);
  });
});

test.describe('media', () => {
  test('an unregistered id, a ../ path or a missing token get no file', async ({ app, harness }) => {
    const statuses = await app.evaluate(async (token) => {
      const get = async (path: string) => (await fetch(path)).status;
      return {
        unknownId: await get(`/media/${'0'.repeat(32)}?t=${token}`),
        malformedId: await get(`/media/not-an-id?t=${token}`),
      };
    }, harness.token);
    expect(statuses).toEqual({ unknownId: 404, malformedId: 404 });

    const { id } = await registerMedia(harness, makeTestMp4(), 'video/mp4');
    expect(await rawGet(harness, `/media/../../package.json?t=${harness.token}`)).toBe(404);
    expect(await rawGet(harness, `/media/..%2F..%2Fpackage.json?t=${harness.token}`)).toBe(404);
    expect(await rawGet(harness, `/media/${id}/../../../package.json?t=${harness.token}`)).toBe(404);
    expect(await rawGet(harness, `/media/%2e%2e/%2e%2e/package.json?t=${harness.token}`)).toBe(404);
    expect(await rawGet(harness, `/media/${id}`)).toBe(403);
    expect(await rawGet(harness, `/media/${id}?t=${harness.token}`)).toBe(200);
  });

  test('a Range request gets 206 with the right bytes, and a <video> plays the file', async ({ app, harness }) => {
    const file = makeTestMp4();
    const bytes = readFileSync(file);
    const { url } = await registerMedia(harness, file, 'video/mp4');

    const answer = await app.evaluate(async (src) => {
      const res = await fetch(src, { headers: { Range: 'bytes=100-1123' } });
      return { status: res.status, range: res.headers.get('Content-Range'), type: res.headers.get('Content-Type'), body: [...new Uint8Array(await res.arrayBuffer())] };
    }, url);
    expect(answer.status).toBe(206);
    expect(answer.range).toBe(`bytes 100-1123/${bytes.length}`);
    expect(answer.type).toBe('video/mp4');
    expect(Buffer.from(answer.body).equals(bytes.subarray(100, 1124))).toBe(true);

    const past = await app.evaluate(async ([src, size]) => (await fetch(src as string, { headers: { Range: `bytes=${size}-` } })).status, [url, bytes.length] as const);
    expect(past).toBe(416);

    const duration = await app.evaluate(
      (src) =>
        new Promise<number>((resolve, reject) => {
          const video = document.createElement('video');
          video.muted = true;
          video.addEventListener('loadedmetadata', () => resolve(video.duration));
          video.addEventListener('error', () => reject(new Error(`video error ${video.error?.code}`)));
          video.src = src;
        }),
      url,
    );
    expect(duration).toBeCloseTo(1, 1);
  });
});

test.describe('messages', () => {
  test('a malformed payload gets BAD_INPUT and never reaches the handler', async ({ app, harness }) => {
    const answer = await app.evaluate(async () =>
      // Deliberately the wrong type: the point is what main does with it.
      window.studio.app.openExternal({ url: 42 as unknown as string }),
    );
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('BAD_INPUT');
      expect(answer.error.message).toContain('url');
    }
    expect(await openedLinks(harness)).toEqual([]);
  });

  test('a socket from another origin or without the token is closed with 1008', async ({ harness }) => {
    const closeCode = (url: string, origin: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url, { origin });
        ws.on('close', (code) => resolve(code));
        ws.on('error', reject);
      });
    const wsUrl = `ws://127.0.0.1:${harness.port}/ws`;
    expect(await closeCode(`${wsUrl}?t=${harness.token}`, 'https://evil.example')).toBe(1008);
    expect(await closeCode(`${wsUrl}?t=${'f'.repeat(32)}`, harness.origin)).toBe(1008);
    expect(await closeCode(wsUrl, harness.origin)).toBe(1008);
  });
});

test.describe('files the user gave', () => {
  test('a page script gets no file by path, file: URL or forged token; a real drop still imports', async ({ app }) => {
    const answers = await app.evaluate(async (path) => {
      const images = window.studio.images as unknown as { import(input: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
      const code = async (input: unknown) => {
        const answer = await images.import(input);
        return answer.ok ? 'imported' : answer.error?.code;
      };
      return {
        rawPath: await code({ path }),
        fileUrl: await code({ path: `file://${path}` }),
        tokenAndPath: await code({ token: 'f'.repeat(32), path }),
        pathAsToken: await code({ token: path }),
        forgedToken: await code({ token: 'f'.repeat(32) }),
        // A File a script builds, however it is named, is not one the user gave: no grant.
        scriptFileGrant: await window.studio.files.grant(new File([new Uint8Array([0xff, 0xd8])], path, { type: 'image/jpeg' })),
      };
    }, DRAGONFLY);
    expect(answers).toEqual({ rawPath: 'BAD_INPUT', fileUrl: 'BAD_INPUT', tokenAndPath: 'BAD_INPUT', pathAsToken: 'BAD_INPUT', forgedToken: 'NOT_FOUND', scriptFileGrant: null });

    // The same photo dropped by the user goes in (as bytes: a browser has no path to grant).
    const first = app.getByRole('region', { name: 'First frame', exact: true });
    await dropFile(first, DRAGONFLY, 'dragonfly-4224x3168.jpg', 'image/jpeg');
    await expect(first.getByText('4224 × 3168 px')).toBeVisible({ timeout: 20_000 });
  });

  test('a page script speaking the socket itself cannot reach the preload-only grant channel', async ({ app }) => {
    const answers = await app.evaluate(async (path) => {
      const ws = new window.WebSocket(`ws://${location.host}/ws${location.search}`);
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve);
        ws.addEventListener('close', () => reject(new Error('socket refused')));
      });
      const send = (id: number, channel: string, input: unknown) =>
        new Promise<unknown>((resolve) => {
          const onMessage = (e: { data: unknown }) => {
            const message = JSON.parse(String(e.data)) as { id?: number; result?: unknown };
            if (message.id !== id) return;
            ws.removeEventListener('message', onMessage);
            resolve(message.result);
          };
          ws.addEventListener('message', onMessage);
          ws.send(JSON.stringify({ id, channel, input }));
        });
      const results = { grant: await send(1, 'files:grant', { path }), rawImport: await send(2, 'images:import', { path }) };
      ws.close();
      return results;
    }, DRAGONFLY);
    expect(answers).toMatchObject({ grant: { ok: false, error: { code: 'NOT_FOUND' } }, rawImport: { ok: false, error: { code: 'BAD_INPUT' } } });
  });

  test('app:openExternal refuses a foreign link and a file: URL before the host is asked', async ({ app, harness }) => {
    const opened = await app.evaluate(async () => {
      const open = async (url: string) => {
        const answer = await window.studio.app.openExternal({ url });
        return answer.ok ? answer.data.opened : answer.error.code;
      };
      return [await open('https://example.com/'), await open('file:///etc/passwd'), await open('https://novita.ai@evil.example/'), await open('https://fal.ai/dashboard/keys')];
    });
    expect(opened).toEqual([false, false, false, false]);
    // The host was asked only for the allowlisted link (and, being the harness, said no to it too).
    expect(await openedLinks(harness)).toEqual(['https://fal.ai/dashboard/keys']);
  });
});

test.describe('content security policy', () => {
  test('the model menu and a dialog break no CSP rule: their style tags carry the page nonce', async ({ page, harness }) => {
    // Recorded from the first script on, before the app loads: a violation during start-up counts too.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await page.goto(harness.url);
    await page.locator('html[data-app-state="ready"]').waitFor();

    // The Select menu (scrollbar-hiding style) and its scroll lock (react-remove-scroll) both add a <style>.
    await page.getByRole('combobox', { name: 'Model' }).click();
    await expect(page.getByRole('listbox')).toBeVisible();
    expect(await page.locator('style').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();

    // A modal dialog adds the scroll lock's <style> again.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    const fal = page.getByRole('region', { name: 'fal', exact: true });
    await fal.getByLabel('API key for fal').fill('sk-TESTKEY-0123456789abcdef');
    await fal.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    expect(await violations()).toEqual([]);
    // And a <style> without the nonce is still refused.
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = '#root { outline-offset: 9px; }';
      document.head.appendChild(s);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^style-src-elem inline/)]);
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('root')!).outlineOffset)).toBe('0px');
    // Without the nonce the header would still be strict, so the test also checks it is there and fresh per load.
    const first = (await page.request.get(harness.url)).headers()['content-security-policy'];
    const second = (await page.request.get(harness.url)).headers()['content-security-policy'];
    expect(first).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(first).not.toContain('unsafe-inline');
    expect(first).not.toBe(second);
  });
});
