import { isAllowedNavigation } from '../../main/security/navigation';

/** The slice of the Navigation API the guard uses (Chromium ≥ 102; not yet in TypeScript's DOM lib). */
interface NavigateEventLike extends Event {
  readonly cancelable: boolean;
  readonly destination: { readonly url: string };
  /** The file name when this is a download (`<a download>`), else null. */
  readonly downloadRequest: string | null;
}

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (e: NavigateEventLike) => void): void;
}

/**
 * The harness's stand-in for main's `will-navigate` guard: cancels any navigation of the page to
 * another origin (e.g. `location.href = 'https://…'`) through the Navigation API's cancelable
 * `navigate` event, using the same `isAllowedNavigation` rule as the Electron app; downloads pass
 * (the harness has no save dialog, so Save a copy and Export sidecar are browser downloads). Returns false
 * when the browser has no Navigation API (then the CSP and the app's link handler remain).
 * `onRefused` gets the refused URL.
 */
export function installNavigationGuard(win: Window, onRefused: (url: string) => void): boolean {
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (!navigation) return false;
  const origin = win.location.origin;
  navigation.addEventListener('navigate', (e) => {
    // A download leaves the page where it is (Chromium honours `download` only for same-origin,
    // blob: and data: URLs), and Electron's `will-navigate` does not fire for one either.
    if (e.downloadRequest !== null) return;
    if (isAllowedNavigation(e.destination.url, origin)) return;
    if (e.cancelable) e.preventDefault();
    onRefused(e.destination.url);
  });
  return true;
}
