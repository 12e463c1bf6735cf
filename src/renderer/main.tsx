import '../shared/zod-jitless';
// Before any component: the UI's language is set before the first render.
import { i18n } from './i18n/index';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStudioClient } from './api/client';
// Before App: the views' own stylesheets come later in the bundle, so a view's rule for its
// dialog (e.g. the prompt history's width) wins over the shared box.
import './styles/dialog.css';
import { App } from './App';
import { shareCspNonce } from './shell/csp-nonce';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';

shareCspNonce();
const root = createRoot(document.getElementById('root') as HTMLElement);

// `window.studio` comes from the preload (Electron) or the harness bridge; without it the page was
// opened some other way and cannot reach main, so say that instead of rendering a broken shell.
if (typeof window.studio === 'object' && window.studio !== null) {
  root.render(
    <StrictMode>
      <App client={createStudioClient(window.studio)} />
    </StrictMode>,
  );
} else {
  document.documentElement.dataset.appState = 'error';
  root.render(
    <main className="load-failed">
      <h1>{i18n.t('shell:loadFailed.title')}</h1>
      <p>{i18n.t('shell:loadFailed.noBridge')}</p>
    </main>,
  );
}
