import { Bell } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/contract/settings';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError } from './Feedback';
import { Toggle } from './Toggle';

/**
 * Notifications: each switch applies at once. The switches show main's value, so a
 * refused change simply stays where it was, with the reason underneath. Switches are never
 * disabled while saving: a disabled control drops keyboard focus.
 */
export function NotificationsSection({ settings }: { settings: Pick<Settings, 'notifications'> }) {
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation('settings');

  const apply = async (patch: SettingsPatch) => {
    setError(null);
    try {
      await useStudio.getState().settings.update(patch);
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section className="card" aria-labelledby="notifications-title" id="settings-notifications">
      <h2 id="notifications-title" className="card-title">
        <Bell aria-hidden="true" size={16} />
        {t('notifications.title')}
      </h2>
      <div className="toggle-list">
        <Toggle
          label={t('notifications.finish')}
          help={t('notifications.finishHelp')}
          checked={settings.notifications.onFinish}
          onChange={(onFinish) => void apply({ notifications: { onFinish } })}
        />
        <Toggle
          label={t('notifications.fail')}
          help={t('notifications.failHelp')}
          checked={settings.notifications.onFail}
          onChange={(onFail) => void apply({ notifications: { onFail } })}
        />
      </div>
      <FieldError message={error} />
    </section>
  );
}
