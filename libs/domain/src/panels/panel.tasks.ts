import { TaskDefinition } from '../tasks/task';

/** The fostering panel's steps, shared by every pathway that goes to panel (approval, kinship, first review). */
export const panelTasks = {
  'book-panel': {
    type: 'book-panel',
    title: "Put the case on a panel's agenda",
    candidateRole: 'team-manager',
    ruleId: 'panel.book',
    formKey: 'panel-booking',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['booked'],
    completedThrough: 'POST /panels/{id}/cases',
  },
  'send-panel-papers': {
    type: 'send-panel-papers',
    title: 'Send the papers to panel members',
    candidateRole: 'caseworker',
    ruleId: 'panel.papers',
    formKey: 'panel-papers',
    formVersion: 1,
    priority: 'high',
    outcomes: ['sent'],
  },
  'record-panel-recommendation': {
    type: 'record-panel-recommendation',
    title: "Record the panel's recommendation",
    candidateRole: 'panel-chair',
    ruleId: 'panel.recommendation',
    formKey: 'panel-recommendation',
    formVersion: 1,
    priority: 'high',
    outcomes: ['approve', 'not-approve', 'defer-to-stage-1', 'defer-to-stage-2'],
  },
} as const satisfies Record<string, TaskDefinition>;
