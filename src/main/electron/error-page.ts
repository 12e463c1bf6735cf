/**
 * The page the Studio window shows when its renderer could not load or crashed, so the user never
 * faces an invisible or blank window: what happened, where the log is, and a Reload link back to
 * the app. A `data:` URL, because the failure may be in serving the app itself; a link rather than
 * a script, so it needs no script permission (its CSP allows none) and the navigation guard lets it
 * through as a navigation to our own origin.
 */
export function errorPageUrl(options: { reason: string; reloadUrl: string; logFolder: string }): string {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Seedance Studio</title>
<style>body{font:15px system-ui,sans-serif;background:#111318;color:#e8e9ed;max-width:560px;margin:15vh auto;padding:0 24px}
a{display:inline-block;margin-top:12px;padding:8px 16px;border-radius:6px;background:#4f7cff;color:#fff;text-decoration:none;font-weight:600}
code{font-size:13px;color:#b8bcc8}</style></head>
<body><h1>The Studio window could not be shown</h1>
<p>${escapeHtml(options.reason)}</p>
<p>Your jobs and library are safe. The log is in <code>${escapeHtml(options.logFolder)}</code>.</p>
<a href="${escapeHtml(options.reloadUrl)}">Reload</a></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
