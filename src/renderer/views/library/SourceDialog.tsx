import * as Dialog from '@radix-ui/react-dialog';
import { Scissors } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import type { ClipDetail } from '../../../shared/contract/library';
import type { SourceChoice, SourceTask } from '../../../shared/library/source-video';
import { useStudio } from '../../store/index';
import { sourceClip } from '../../store/library/source-handoff';
import { formatFixed } from '../../i18n/format';
import { modelName } from '../../i18n/model-name';
import { phraseText } from '../../i18n/phrase';

/**
 * Picks the Seedance 2.5 row for **Edit…** / **Extend…** (issue 15 §2): one radio per row that
 * takes the task, each unusable one disabled with its reason beside it (no key; on ModelArk, the
 * clip's link missing or expired and which providers take the file instead), then "Open in
 * Compose". A Radix dialog: focus trapped and returned, Escape closes.
 */
export function SourceDialog({ clip, task, choices, onClose }: { clip: ClipDetail; task: SourceTask | null; choices: SourceChoice[]; onClose(): void }) {
  const busy = useStudio((s) => s.library.busy);
  const { t } = useTranslation(['library', 'common']);
  const usable = choices.filter((c) => !c.reason);
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = choices.find((c) => c.model.id === picked && !c.reason) ?? usable[0];
  const open = async () => {
    if (!chosen || !task) return;
    await sourceClip(useStudio, clip, chosen.model, task);
    onClose();
  };
  return (
    <Dialog.Root open={task !== null} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="library-dialog-overlay" />
        <Dialog.Content className="library-dialog">
          {task ? (
            <>
              <Dialog.Title className="library-dialog-title">
                <Scissors aria-hidden="true" size={18} />
                {t(`source.title.${task}`)}
              </Dialog.Title>
              <Dialog.Description className="library-dialog-text">
                {t(`source.what.${task}`)} {t('source.lasts', { seconds: formatFixed(clip.durationSec, 1) })}
              </Dialog.Description>
              <fieldset className="library-dialog-choices">
                <legend>{t('source.model')}</legend>
                {choices.map((c) => {
                  const id = `source-${c.model.id.replace(/[^a-z0-9]/gi, '-')}`;
                  return (
                    <div key={c.model.id} className="library-dialog-choice">
                      <label>
                        <input
                          type="radio"
                          name="source-model"
                          value={c.model.id}
                          checked={chosen?.model.id === c.model.id}
                          disabled={Boolean(c.reason)}
                          aria-describedby={c.reason ? `${id}-why` : undefined}
                          onChange={() => setPicked(c.model.id)}
                        />
                        {modelName(c.model)} <span className="muted">({PROVIDER_NAMES[c.model.provider]})</span>
                      </label>
                      {c.reason ? (
                        <p id={`${id}-why`} className="library-dialog-why">
                          {phraseText(c.reason.phrase, c.reason.message)}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
              <div className="library-dialog-actions">
                <button type="button" className="button primary" disabled={!chosen || busy !== null} onClick={() => void open()}>
                  {busy === task ? t('source.openingCompose') : t('source.open')}
                </button>
                <Dialog.Close asChild>
                  <button type="button" className="button">
                    {t('common:cancel')}
                  </button>
                </Dialog.Close>
              </div>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
