import * as Select from '@radix-ui/react-select';
import { Check, ChevronDown, FlaskConical } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../../shared/catalog/types';
import type { ModelChoice } from '../../../shared/contract/models';
import { cspNonce } from '../../shell/csp-nonce';
import { useStudio } from '../../store/index';
import { PROVIDER_LABELS } from '../settings/providers';
import { ModeBadges } from './ModeBadges';
import { modelName, unavailableText } from '../../i18n/model-name';

/** Models grouped by provider, in catalog order. */
function byProvider(models: readonly ModelChoice[]): Array<[ProviderId, ModelChoice[]]> {
  const groups = new Map<ProviderId, ModelChoice[]>();
  for (const m of models) groups.set(m.provider, [...(groups.get(m.provider) ?? []), m]);
  return [...groups];
}

/**
 * The model picker: provider → model, each with its modes (T2V / I2V / F+L). Only available models
 * can be picked; the others stay listed, greyed, with the reason (usually a missing key). In the
 * offline demo every model is available and a "Demo" badge says so.
 */
export function ModelPicker({ selected }: { selected: ModelChoice | undefined }) {
  const list = useStudio((s) => s.models.list);
  const loadError = useStudio((s) => s.models.loadError);
  const modelId = useStudio((s) => s.compose.draft?.modelId);
  const setModel = useStudio((s) => s.compose.setModel);
  const labelId = useId();
  const { t } = useTranslation(['compose', 'catalog']);

  if (loadError) return <p className="compose-error" role="alert">{t('model.loadError', { message: loadError })}</p>;
  if (!list) return <p className="compose-muted">{t('model.loading')}</p>;

  return (
    <div className="model-picker">
      <div className="compose-label-row">
        <span id={labelId} className="compose-label">
          {t('model.label')}
        </span>
        {list.demo ? (
          <span className="demo-badge" title={t('model.demoTitle')}>
            <FlaskConical aria-hidden="true" size={13} />
            {t('model.demo')}
          </span>
        ) : null}
      </div>
      <Select.Root
        value={modelId && list.models.some((m) => m.id === modelId) ? modelId : undefined}
        onValueChange={(id) => {
          const entry = list.models.find((m) => m.id === id);
          if (entry?.available) setModel(entry);
        }}
      >
        <Select.Trigger className="model-trigger" aria-labelledby={labelId}>
          <Select.Value placeholder={t('model.pick')}>
            {selected ? (
              <span className="model-trigger-text">
                <span className="model-trigger-provider">{PROVIDER_LABELS[selected.provider].name}</span>
                <span className="model-trigger-name">{modelName(selected)}</span>
              </span>
            ) : null}
          </Select.Value>
          <Select.Icon className="model-trigger-icon">
            <ChevronDown aria-hidden="true" size={16} />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal>
          <Select.Content className="model-menu" position="popper" sideOffset={6} align="start">
            <Select.Viewport className="model-menu-viewport" nonce={cspNonce}>
              {byProvider(list.models).map(([provider, models], i) => (
                <Select.Group key={provider}>
                  {i > 0 ? <Select.Separator className="model-menu-separator" /> : null}
                  <Select.Label className="model-menu-provider">{PROVIDER_LABELS[provider].name}</Select.Label>
                  {models.map((m) => (
                    <Select.Item key={m.id} value={m.id} disabled={!m.available} className="model-item">
                      <div className="model-item-main">
                        <Select.ItemText>{modelName(m)}</Select.ItemText>
                        <ModeBadges modes={m.modes} />
                      </div>
                      {m.available ? null : <div className="model-item-reason">{unavailableText(m)}</div>}
                      <Select.ItemIndicator className="model-item-check">
                        <Check aria-hidden="true" size={15} />
                      </Select.ItemIndicator>
                    </Select.Item>
                  ))}
                </Select.Group>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
      {selected ? (
        <div className="model-facts">
          <ModeBadges modes={selected.modes} />
          {selected.available ? null : <p className="compose-error">{unavailableText(selected)}</p>}
          <Replacement selected={selected} models={list.models} onPick={setModel} />
          {selected.notes.map((note) => (
            <p key={note} className="compose-muted model-note">
              {t(`catalog:${note}`)}
            </p>
          ))}
        </div>
      ) : modelId ? (
        <p className="compose-error">{t('model.gone')}</p>
      ) : null}
    </div>
  );
}

/**
 * For a retired model (a clip reused from it, or an old draft): a button that switches to the
 * replacement its catalog row names (`status.replacement`), when that one can be used now.
 */
function Replacement({ selected, models, onPick }: { selected: ModelChoice; models: readonly ModelChoice[]; onPick: (m: ModelChoice) => void }) {
  const { t } = useTranslation('compose');
  const next = selected.available ? undefined : models.find((m) => m.id === selected.status?.replacement && m.available);
  if (!next) return null;
  return (
    <button type="button" className="button" onClick={() => onPick(next)}>
      {t('model.use', { model: modelName(next), provider: PROVIDER_LABELS[next.provider].name })}
    </button>
  );
}
