import { useEffect, useState } from 'react';
import type { StudioClient } from './api/client';
import { loadAppInfo } from './store/app/connect';
import { connectStore } from './store/connect';
import { useStudio } from './store/index';
import { applyTheme } from './shell/theme';
import { applyLanguage } from './i18n/index';
import { useTranslation } from 'react-i18next';
import { selectQueueBadge } from './store/shell/selectors';
import type { ViewId } from './store/shell/slice';
import { installExternalLinkHandler } from './shell/external-links';
import { DemoIntro } from './shell/DemoIntro';
import { Rail } from './shell/Rail';
import { viewForShortcut } from './shell/shortcuts';
import { StatusLine } from './shell/StatusLine';
import { JobToasts } from './views/queue/JobToasts';
import { CompareView } from './views/compare/CompareView';
import { ComposeView } from './views/compose/ComposeView';
import { LibraryToast } from './views/library/LibraryToast';
import { LibraryView } from './views/library/LibraryView';
import { QueueView } from './views/queue/QueueView';
import { SettingsView } from './views/settings/SettingsView';
import { SpendView } from './views/spend/SpendView';
import { BudgetDialog } from './views/spend/BudgetDialog';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The app frame: rail, the open view, status line; wires the store to main and the shortcuts. */
export function App({ client }: { client: StudioClient }) {
  const view = useStudio((s) => s.shell.view);
  const setView = useStudio((s) => s.shell.setView);
  const info = useStudio((s) => s.app.info);
  const loadError = useStudio((s) => s.app.loadError);
  const queueBadge = useStudio(selectQueueBadge);

  useEffect(() => connectStore(client, useStudio), [client]);
  // The theme setting, once main has sent the settings (theme-boot.js applied the mirrored one before the first paint).
  const theme = useStudio((s) => s.settings.current?.appearance.theme);
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  // The language setting likewise (the mirrored one was applied when i18n started). `language` keys the
  // shell below: text built by plain functions (`i18n.t`) is rebuilt by remounting, not left stale.
  const languageSetting = useStudio((s) => s.settings.current?.appearance.language);
  useEffect(() => {
    if (languageSetting) applyLanguage(languageSetting);
  }, [languageSetting]);
  const { t, i18n } = useTranslation('shell');
  useEffect(() => installExternalLinkHandler(client, useStudio.getState().shell.announce), [client]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = viewForShortcut(e);
      if (!target) return;
      e.preventDefault();
      useStudio.getState().shell.setView(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The readiness marker e2e tests wait for: set once main has answered `app:info`.
  useEffect(() => {
    if (info) document.documentElement.dataset.appState = 'ready';
    else if (loadError) document.documentElement.dataset.appState = 'error';
  }, [info, loadError]);

  if (!info && loadError) return <LoadFailed message={loadError} onRetry={() => loadAppInfo(client, useStudio)} />;

  return (
    <div className="shell" key={i18n.language}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Rail current={view} onSelect={setView} badges={{ queue: queueBadge }} mac={IS_MAC} />
      <main id="main" className="view" aria-labelledby="view-title" tabIndex={-1}>
        <CurrentView view={view} />
      </main>
      <StatusLine />
      <BudgetDialog />
      <CompareView />
      {/* Toasts live beside the status line, not in it: the footer's status region stays one live region.
          One stack for every kind, so a toast never sits on another one's buttons (issue 14). */}
      <div className="toast-stack">
        <DemoIntro />
        <JobToasts />
        {/* Inside a .library box: the toast's buttons take the Library's scoped styles. */}
        {view === 'library' ? (
          <div className="library toast-library">
            <LibraryToast />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function CurrentView({ view }: { view: ViewId }) {
  switch (view) {
    case 'compose':
      return <ComposeView />;
    case 'queue':
      return <QueueView />;
    case 'library':
      return <LibraryView />;
    case 'spend':
      return <SpendView />;
    case 'settings':
      return <SettingsView />;
  }
}

/** Shown when main never answered `app:info`: says so, and offers a retry. */
function LoadFailed({ message, onRetry }: { message: string; onRetry(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('shell');
  return (
    <main className="load-failed" aria-labelledby="load-failed-title">
      <h1 id="load-failed-title">{t('loadFailed.title')}</h1>
      <p>{message}</p>
      <button
        type="button"
        className="button primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onRetry().finally(() => setBusy(false)); // loadAppInfo records its own failure.
        }}
      >
        {t('loadFailed.retry')}
      </button>
    </main>
  );
}
