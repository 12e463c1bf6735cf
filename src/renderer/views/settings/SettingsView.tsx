import { useTranslation } from 'react-i18next';
import { ViewHeader } from '../../components/ViewHeader';
import { useStudio } from '../../store/index';
import { AboutSection } from './AboutSection';
import { AdvancedSection } from './AdvancedSection';
import { AppearanceSection } from './AppearanceSection';
import { LanguageSection } from './LanguageSection';
import { LibrarySection } from './LibrarySection';
import { NotificationsSection } from './NotificationsSection';
import { ProvidersSection } from './ProvidersSection';
import './settings.css';

/**
 * Settings (UX.md, "Settings"): providers and keys, library, notifications, advanced,
 * about. Every change goes to main, is validated there and applies without a restart; what is
 * shown is always main's current value, so a refused change visibly keeps the previous one.
 */
export function SettingsView() {
  const settings = useStudio((s) => s.settings.current);
  const loadError = useStudio((s) => s.settings.loadError);
  const { t } = useTranslation('settings');
  return (
    <>
      <ViewHeader title={t('view.title')} subtitle={t('view.subtitle')} />
      <div className="settings-sections">
        <ProvidersSection />
        {loadError ? (
          <p className="field-error" role="alert">
            {t('view.readError', { error: loadError })}
          </p>
        ) : null}
        {settings ? (
          <>
            <LibrarySection libraryDir={settings.libraryDir} />
            <NotificationsSection settings={settings} />
            <AppearanceSection settings={settings} />
            <LanguageSection settings={settings} />
            <AdvancedSection polling={settings.polling} />
          </>
        ) : loadError ? null : (
          <p className="card-text">{t('view.reading')}</p>
        )}
        <AboutSection />
      </div>
    </>
  );
}
