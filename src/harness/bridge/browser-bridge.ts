/**
 * The harness's preload: bundled by esbuild when the harness starts, served as
 * `/harness-bridge.js` and loaded as a classic script before the app's module, so `window.studio`
 * exists before the app runs — as the preload makes it exist in Electron. It builds the very same
 * API (`buildStudioApi`) over a WebSocket instead of Electron IPC, and guards navigation the way
 * main's `will-navigate` handler does.
 */
import '../../shared/zod-jitless';
import { buildStudioApi } from '../../shared/contract/client';
import { installNavigationGuard } from './navigation-guard';
import { createSocketTransport } from './socket-transport';

const token = new URLSearchParams(window.location.search).get('t') ?? '';

const transport = createSocketTransport({
  url: `ws://${window.location.host}/ws?t=${encodeURIComponent(token)}`,
  connect: (url) => new WebSocket(url),
  onRefused: (reason) => console.error(`Seedance harness: connection refused (${reason}). Open the URL the harness printed.`),
});

// The preload's `files.pathForDroppedFile`: a browser never reveals a file's path, so it answers
// '' and the renderer falls back to sending the bytes (`images:importBytes`), as for a paste.
const files = { pathForDroppedFile: (_file: File): string => '' };

Object.defineProperty(window, 'studio', { value: { ...buildStudioApi(transport), files }, writable: false, configurable: false, enumerable: true });

installNavigationGuard(window, (url) => console.warn(`Seedance harness: refused navigation to ${url}`));
