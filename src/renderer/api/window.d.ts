import type { StudioApi } from '../../shared/contract/index';

// The preload (Electron) or the harness bridge (browser) defines `window.studio` before the app runs.
declare global {
  interface Window {
    studio: StudioApi;
  }
}

export {};
