import { ViewHeader } from '../../components/ViewHeader';
import { AboutSection } from './AboutSection';
import { ProvidersSection } from './ProvidersSection';

/** Settings: providers and keys, library, downloads, advanced, about (UX.md, "Settings"). */
export function SettingsView() {
  return (
    <>
      <ViewHeader title="Settings" subtitle="Providers, where your work is kept, and what this app runs on." />
      <div className="settings-sections">
        <ProvidersSection />
        <AboutSection />
      </div>
    </>
  );
}
