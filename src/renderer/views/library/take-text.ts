import type { ClipDetail } from '../../../shared/contract/library';
import { i18n } from '../../i18n/index';
import { takeSettingKey } from '../../i18n/take-settings';

/**
 * The clip's take among its prompt's takes, in the UI's language — English exactly as
 * `takeSentence` writes it: "Take 3 of 5 — differs from take 1 in seed, duration", "Take 1 of 5",
 * "Take 2 of 5 — same settings as take 1"; null for a lone take. `differs` holds the setting names
 * of `takeDifferences`; a name this build does not know is shown as it is.
 */
export function takeText(take: ClipDetail['take']): string | null {
  if (!take || take.of < 2) return null;
  const head = i18n.t('library:detail.takeHead', { n: take.n, of: take.of });
  if (take.n === 1) return head;
  if (take.differs.length === 0) return i18n.t('library:detail.takeSame', { head });
  const settings = take.differs.map((name) => {
    const key = takeSettingKey(name);
    return key ? i18n.t(`library:detail.takeSettings.${key}`) : name;
  });
  return i18n.t('library:detail.takeDiffers', { head, settings: settings.join(i18n.t('library:detail.takeSeparator')) });
}
