import type { NativeText } from '../i18n/native-text';

/**
 * The page the Studio window shows when its renderer could not load or crashed, so the user never
 * faces an invisible or blank window: what happened, where the log is, and a Reload link back to
 * the app. A `data:` URL, because the failure may be in serving the app itself; a link rather than
 * a script, so it needs no script permission (its CSP allows none) and the navigation guard lets it
 * through as a navigation to our own origin. Its words are in `text`'s language (`reason` is as given).
 */
export function errorPageUrl(options: { reason: string; reloadUrl: string; logFolder: string; text: Pick<NativeText, 't' | 'locale'> }): string {
  const { t, locale } = options.text;
  // Our own resources, escaped like everything else; only the log folder's <code> is markup.
  const safe = escapeHtml(t('errorPage.safe', { folder: FOLDER_MARK }))
    // A replacer function: a folder named with `$&` or `$'` must not be read as a replacement pattern.
    .replace(FOLDER_MARK, () => `<code>${escapeHtml(options.logFolder)}</code>`);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Seedance Studio</title>
<style>body{font:15px system-ui,sans-serif;background:#111318;color:#e8e9ed;max-width:560px;margin:15vh auto;padding:0 24px}
a{display:inline-block;margin-top:12px;padding:8px 16px;border-radius:6px;background:#4f7cff;color:#fff;text-decoration:none;font-weight:600}
code{font-size:13px;color:#b8bcc8}</style></head>
<body><h1>${escapeHtml(t('errorPage.title'))}</h1>
<p>${escapeHtml(options.reason)}</p>
<p>${safe}</p>
<a href="${escapeHtml(options.reloadUrl)}">${escapeHtml(t('errorPage.reload'))}</a></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** Stands for the log folder in the translated sentence until it is escaped; no text contains it. */
const FOLDER_MARK = '\u0000folder\u0000';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
