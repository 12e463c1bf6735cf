import { FlaskConical, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../store/index';
import { DEMO_INTRO_KEY } from './demo-intro-key';


function dismissedBefore(): boolean {
  try {
    return localStorage.getItem(DEMO_INTRO_KEY) === '1';
  } catch {
    // Storage refused (a locked-down profile): show it; dismissing still hides it for this run.
    return false;
  }
}

/**
 * The first run's explanation of demo mode (issue 14 item 6): what it is (no key, a built-in
 * offline simulator, nothing sent or billed, prices as "would cost") and how to leave it (a key in
 * Settings). Shown while the app runs the demo until dismissed; the dismissal is remembered.
 */
export function DemoIntro() {
  const demo = useStudio((s) => s.app.info?.demo ?? false);
  const setView = useStudio((s) => s.shell.setView);
  const [hidden, setHidden] = useState(dismissedBefore);
  const { t } = useTranslation('shell');
  if (!demo || hidden) return null;
  const dismiss = () => {
    setHidden(true);
    try {
      localStorage.setItem(DEMO_INTRO_KEY, '1');
    } catch {
      // Not remembered; hidden for this run all the same.
    }
  };
  return (
    <section className="demo-intro" aria-labelledby="demo-intro-title">
      <FlaskConical aria-hidden="true" size={18} />
      <div className="demo-intro-body">
        <h2 id="demo-intro-title">{t('demoIntro.title')}</h2>
        <p>{t('demoIntro.what')}</p>
        <p>{t('demoIntro.leave')}</p>
        <div className="demo-intro-actions">
          <button
            type="button"
            className="button small primary"
            onClick={() => {
              dismiss();
              setView('settings');
            }}
          >
            {t('demoIntro.addKey')}
          </button>
          <button type="button" className="button small" onClick={dismiss}>
            {t('demoIntro.gotIt')}
          </button>
        </div>
      </div>
      <button type="button" className="icon-button" aria-label={t('demoIntro.dismiss')} onClick={dismiss}>
        <X aria-hidden="true" size={16} />
      </button>
    </section>
  );
}
