import { setNonce } from 'get-nonce';

/**
 * This page load's CSP style nonce, from `<meta property="csp-nonce">` (main and the harness put it
 * there and in the header; see `injectCspNonce`). Read through the `nonce` property: Chromium blanks
 * the attribute once the page is parsed. Undefined under `electron-vite dev`, whose CSP allows inline
 * styles instead.
 */
export const cspNonce: string | undefined = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

/**
 * Hands the nonce to react-remove-scroll (through get-nonce), whose scroll lock under Radix's
 * dialogs and menus adds a `<style>` element. Call once, before the first render.
 */
export function shareCspNonce(): void {
  if (cspNonce) setNonce(cspNonce);
}
