import { describeError, type StudioClient } from '../api/client';
import { i18n } from '../i18n/index';
import { classifyLink } from './links';

/**
 * Routes every link click in the document through `classifyLink`: external http(s) links go to
 * `app:openExternal` (main decides and opens the system browser), anything that would navigate the
 * app window away is stopped. The window itself never navigates; main's navigation guard is the
 * second line. `announce` receives a short sentence for the status line. Returns the uninstaller.
 */
export function installExternalLinkHandler(client: StudioClient, announce: (message: string) => void): () => void {
  const onClick = (event: MouseEvent) => {
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const action = classifyLink(anchor.href, window.location.href);
    if (action === 'in-app') return;
    event.preventDefault();
    if (action === 'blocked') return;
    const host = new URL(anchor.href).host;
    client.app
      .openExternal({ url: anchor.href })
      .then(({ opened }) => announce(i18n.t(opened ? 'shell:links.opened' : 'shell:links.notOpened', { host })))
      .catch((err: unknown) => announce(i18n.t('shell:links.failed', { host, error: describeError(err) })));
  };
  // Capture phase: runs before any view's handler could let the default navigation through.
  // `auxclick` covers middle-click, which would otherwise open a tab or window.
  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  return () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
  };
}
