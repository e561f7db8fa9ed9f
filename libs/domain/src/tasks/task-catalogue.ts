import { TaskDefinition } from './task';

/** Every kind of task Hearth opens, keyed by type. */
export const taskCatalogue = {
  'respond-to-enquiry': {
    type: 'respond-to-enquiry',
    title: 'Respond to enquiry',
    candidateRole: 'caseworker',
    ruleId: 'enquiry.respond',
    formKey: 'enquiry-response',
    formVersion: 1,
    priority: 'high',
    outcomes: ['visit-arranged', 'not-proceeding'],
  },
  'initial-home-visit': {
    type: 'initial-home-visit',
    title: 'Initial home visit',
    candidateRole: 'caseworker',
    ruleId: 'enquiry.initial-home-visit',
    formKey: 'initial-home-visit',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['invite-application', 'not-proceeding'],
  },
} as const satisfies Record<string, TaskDefinition>;

export type TaskType = keyof typeof taskCatalogue;

export function taskDefinition(type: string): TaskDefinition {
  const definition = (taskCatalogue as Record<string, TaskDefinition>)[type];
  if (!definition) throw new RangeError(`unknown task type ${type}`);
  return definition;
}
