/**
 * The harness's preload: bundled by esbuild when the harness starts, served as
 * `/harness-bridge.js` and loaded as a classic script before the app's module, so `window.studio`
 * exists before the app runs — as the preload makes it exist in Electron. It builds the very same
 * API (`buildStudioApi`) over a WebSocket instead of Electron IPC, and guards navigation the way
 * main's `will-navigate` handler does.
 */
import '../../shared/zod-jitless';
import { buildStudioApi } from '../../shared/contract/client';
import type { StudioBridge, StudioFiles } from '../../shared/contract/files';
import { installNavigationGuard } from './navigation-guard';
import { createSocketTransport } from './socket-transport';

const token = new URLSearchParams(window.location.search).get('t') ?? '';

const transport = createSocketTransport({
  url: `ws://${window.location.host}/ws?t=${encodeURIComponent(token)}`,
  connect: (url) => new WebSocket(url),
  onRefused: (reason) => console.error(`Seedance harness: connection refused (${reason}). Open the URL the harness printed.`),
});

// The preload's file grant. A browser never reveals where a dropped or picked file lives, so there
// is nothing to grant: the renderer sends the bytes (`images:importBytes`), as for a paste, and
// the harness carries no channel that takes a path (its socket routes only the contract).
const files: StudioFiles = { grant: async () => null };

const studio: StudioBridge = { ...buildStudioApi(transport), files };
Object.defineProperty(window, 'studio', { value: studio, writable: false, configurable: false, enumerable: true });

installNavigationGuard(window, (url) => console.warn(`Seedance harness: refused navigation to ${url}`));
