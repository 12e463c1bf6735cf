import type { StudioBridge } from '../../shared/contract/files';

// The preload (Electron) or the harness bridge (browser) defines `window.studio` before the app runs.
declare global {
  interface Window {
    studio: StudioBridge;
  }
}

export {};
