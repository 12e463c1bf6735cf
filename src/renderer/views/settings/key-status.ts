import type { KeyStatus } from '../../../shared/contract/keys';

/** How a key status looks: a tone for the icon's colour and the words that carry the meaning. */
export interface KeyStatusView {
  /** `ok` stored or session key, `info` environment, `none` nothing set, `problem` must be entered again. */
  tone: 'ok' | 'info' | 'none' | 'problem';
  /** Which icon goes with the words (the words alone must be enough). */
  icon: 'stored' | 'session' | 'environment' | 'none' | 'problem';
  /** The status line, e.g. "•••• 4f2a · stored encrypted". */
  words: string;
  /** A second, quieter line: where the key lives or what to do. */
  detail: string | null;
}

/** Electron's Linux backend without a keyring: obfuscation only (see the vault's `WEAK_BACKEND`). */
const WEAK_BACKEND = 'basic_text';

/**
 * The words Settings shows for a key status (UX.md, "Settings"): "•••• 4f2a · stored encrypted",
 * "session only", "from environment", "not set", "backend changed — enter the key again".
 * Never shows more of the key than the last four characters main sent.
 */
export function describeKeyStatus(status: KeyStatus): KeyStatusView {
  const masked = status.last4 ? `•••• ${status.last4} · ` : '';
  if (status.status === 'backend_changed' || status.status === 'unreadable') {
    const what = status.status === 'backend_changed' ? 'backend changed' : 'stored key unreadable';
    // An environment key may still stand in; its status carries the same problem.
    const words = status.source === 'environment' ? `${masked}from environment · ${what}` : `${what} — enter the key again`;
    return { tone: 'problem', icon: 'problem', words, detail: status.message ?? null };
  }
  switch (status.source) {
    case 'stored':
      return status.backend === WEAK_BACKEND
        ? { tone: 'problem', icon: 'stored', words: `${masked}stored, weakly protected`, detail: 'No system keyring: the key is only obfuscated on disk.' }
        : { tone: 'ok', icon: 'stored', words: `${masked}stored encrypted`, detail: status.backend ? `Encrypted by the system keyring (${status.backend}).` : null };
    case 'session':
      return { tone: 'ok', icon: 'session', words: `${masked}session only`, detail: 'Kept in memory until the app quits.' };
    case 'environment':
      return { tone: 'info', icon: 'environment', words: `${masked}from environment`, detail: `Read from ${status.envVar}; change it there.` };
    case 'none':
      return { tone: 'none', icon: 'none', words: 'not set', detail: `Enter a key, or set ${status.envVar} before starting the app.` };
  }
}
