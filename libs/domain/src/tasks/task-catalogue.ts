import { carerApprovalTasks } from '../households/carer-approval.tasks';
import { childJourneyTasks } from '../children/child-journey.tasks';
import { panelTasks } from '../panels/panel.tasks';
import { TaskDefinition } from './task';

export { STAGE_ONE_CHECKS, type StageOneCheck } from '../households/carer-approval.tasks';

/** Every kind of task Hearth opens, keyed by type: each pathway's catalogue, and the panel's. */
export const taskCatalogue = { ...carerApprovalTasks, ...panelTasks, ...childJourneyTasks } as const;

export type TaskType = keyof typeof taskCatalogue;

/** The outcomes a task type may conclude with: a misspelt outcome is a compile error. */
export type TaskOutcome<T extends TaskType = TaskType> = (typeof taskCatalogue)[T]['outcomes'][number];

export function taskDefinition(type: string): TaskDefinition {
  const definition = (taskCatalogue as Record<string, TaskDefinition>)[type];
  if (!definition) throw new RangeError(`unknown task type ${type}`);
  return definition;
}

export const TASK_TYPES = Object.keys(taskCatalogue) as TaskType[];
