import type { KeyStatus } from '../../../shared/contract/keys';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';

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
  const masked = status.last4 ? i18n.t('settings:keyStatus.masked', { last4: status.last4 }) : '';
  if (status.status === 'backend_changed' || status.status === 'unreadable') {
    const what = i18n.t(status.status === 'backend_changed' ? 'settings:keyStatus.backendChanged' : 'settings:keyStatus.unreadable');
    // An environment key may still stand in; its status carries the same problem.
    const words = status.source === 'environment' ? i18n.t('settings:keyStatus.envProblem', { masked, what }) : i18n.t('settings:keyStatus.problem', { what });
    return { tone: 'problem', icon: 'problem', words, detail: status.message === undefined ? null : phraseText(status.phrase, status.message) };
  }
  switch (status.source) {
    case 'stored':
      return status.backend === WEAK_BACKEND
        ? { tone: 'problem', icon: 'stored', words: i18n.t('settings:keyStatus.storedWeak', { masked }), detail: i18n.t('settings:keyStatus.storedWeakDetail') }
        : {
            tone: 'ok',
            icon: 'stored',
            words: i18n.t('settings:keyStatus.storedEncrypted', { masked }),
            detail: status.backend ? i18n.t('settings:keyStatus.encryptedBy', { backend: status.backend }) : null,
          };
    case 'session':
      return { tone: 'ok', icon: 'session', words: i18n.t('settings:keyStatus.session', { masked }), detail: i18n.t('settings:keyStatus.sessionDetail') };
    case 'environment':
      return {
        tone: 'info',
        icon: 'environment',
        words: i18n.t('settings:keyStatus.environment', { masked }),
        detail: i18n.t('settings:keyStatus.environmentDetail', { envVar: status.envVar }),
      };
    case 'none':
      return { tone: 'none', icon: 'none', words: i18n.t('settings:keyStatus.none'), detail: i18n.t('settings:keyStatus.noneDetail', { envVar: status.envVar }) };
  }
}
