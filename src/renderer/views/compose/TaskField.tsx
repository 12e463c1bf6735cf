import { useTranslation } from 'react-i18next';
import { offersTaskChoice, taskOf } from '../../../shared/catalog/task-type';
import type { ModelEntry, ReferenceTask } from '../../../shared/catalog/types';
import { useStudio } from '../../store/index';
import { ChoiceField } from './ChoiceField';
import { taskHelp, taskLabel } from './task-words';
import { modelName } from '../../i18n/model-name';

/**
 * "Task" on a Seedance 2.5 reference row (seedance-2.5.md §2.2): a choice of the row's tasks where
 * it offers more than one (`offersTaskChoice`), written as text on a row locked to one (EvoLink's
 * video-edit and video-extend). Choosing writes the draft's task and the values it locks
 * (`setTask`). Nothing on rows without tasks.
 */
export function TaskField({ model }: { model: ModelEntry }) {
  const draftTask = useStudio((s) => s.compose.draft?.task);
  const setTask = useStudio((s) => s.compose.setTask);
  const { t } = useTranslation('compose');
  const tasks = model.tasks;
  if (!tasks?.length) return null;
  // A task the row does not offer is kept in the draft but not sent (`jobParamsFromDraft`): show the row's default.
  const task = taskOf({ task: draftTask && tasks.includes(draftTask) ? draftTask : undefined }, model);
  if (!offersTaskChoice(model)) {
    return (
      <div className="param task-locked" role="group" aria-label={t('task.label')}>
        <span className="param-label" aria-hidden="true">
          {t('task.label')}
        </span>
        <p className="task-locked-value">{taskLabel(task)}</p>
        <p className="param-help">{t('task.onlyThis', { model: modelName(model), help: taskHelp(task) })}</p>
      </div>
    );
  }
  const choices = tasks.map((value) => ({ value, label: taskLabel(value) }));
  return <ChoiceField label={t('task.label')} choices={choices} value={task} onChange={(v) => setTask(model, v as ReferenceTask)} help={taskHelp(task)} />;
}
