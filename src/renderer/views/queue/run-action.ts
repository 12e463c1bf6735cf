import { describeError } from '../../api/client';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';

/**
 * Runs a Queue action and says how it went in the status line (`shell.announce`, a polite live
 * region): `done` on success (or the string the action resolved with), "<what> failed: <main's
 * message>" on failure. Never rejects.
 */
export async function runAction<T>(what: string, work: () => Promise<T>, done?: string | ((value: T) => string | null)): Promise<void> {
  const announce = useStudio.getState().shell.announce;
  try {
    const value = await work();
    const text = typeof done === 'function' ? done(value) : (done ?? (typeof value === 'string' ? value : null));
    if (text) announce(text);
  } catch (err) {
    announce(i18n.t('queue:action.failed', { what, error: describeError(err) }));
  }
}
