import { TaskDefinition } from './task';

/** Stage 1 of a carer assessment: the checks that run in parallel, one task each. */
export const STAGE_ONE_CHECKS = ['background-check', 'personal-reference', 'medical-check', 'local-authority-check', 'previous-agency-reference'] as const;
export type StageOneCheck = (typeof STAGE_ONE_CHECKS)[number];

const checkTitles: Record<StageOneCheck, string> = {
  'background-check': 'Background and police check of an adult',
  'personal-reference': 'Personal reference',
  'medical-check': 'Medical',
  'local-authority-check': 'Local authority check',
  'previous-agency-reference': 'Previous agency reference',
};

function stageOneChecks() {
  const check = (type: StageOneCheck) => ({
    type,
    title: checkTitles[type],
    candidateRole: 'caseworker' as const,
    ruleId: 'stage-1.check',
    formKey: type,
    formVersion: 1,
    priority: 'normal' as const,
    outcomes: ['satisfactory', 'concerns'],
  });
  return {
    'background-check': check('background-check'),
    'personal-reference': check('personal-reference'),
    'medical-check': check('medical-check'),
    'local-authority-check': check('local-authority-check'),
    'previous-agency-reference': check('previous-agency-reference'),
  };
}

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
  'receive-application': {
    type: 'receive-application',
    title: 'Receive the application',
    candidateRole: 'caseworker',
    ruleId: 'application.receive',
    formKey: 'application',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['application-received', 'not-proceeding'],
  },
  ...stageOneChecks(),
  'decide-stage-2': {
    type: 'decide-stage-2',
    title: 'Decide whether to proceed to stage 2',
    candidateRole: 'team-manager',
    ruleId: 'stage-1.decision',
    formKey: 'stage-2-decision',
    formVersion: 1,
    priority: 'high',
    outcomes: ['proceed-to-stage-2', 'end-assessment'],
  },
  'assessment-visits': {
    type: 'assessment-visits',
    title: 'Assessment visits',
    candidateRole: 'assessor',
    ruleId: 'stage-2.assessment-visits',
    formKey: 'assessment-visits',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['completed'],
  },
  'assessment-report': {
    type: 'assessment-report',
    title: 'Write the assessment report',
    candidateRole: 'assessor',
    ruleId: 'stage-2.assessment-report',
    formKey: 'assessment-report',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['completed'],
  },
  'preparation-training': {
    type: 'preparation-training',
    title: 'Preparation training attended',
    candidateRole: 'caseworker',
    ruleId: 'stage-2.preparation-training',
    formKey: 'preparation-training',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['attended'],
  },
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
  'make-decision': {
    type: 'make-decision',
    title: 'Make the agency decision',
    candidateRole: 'decision-maker',
    ruleId: 'decision.make',
    formKey: 'agency-decision',
    formVersion: 1,
    priority: 'high',
    outcomes: ['approve', 'not-approve'],
  },
  'tell-applicant': {
    type: 'tell-applicant',
    title: 'Tell the applicant the decision',
    candidateRole: 'caseworker',
    ruleId: 'decision.tell-applicant',
    formKey: 'decision-told',
    formVersion: 1,
    priority: 'high',
    outcomes: ['told'],
  },
  'tell-applicant-in-writing': {
    type: 'tell-applicant-in-writing',
    title: 'Send the decision letter',
    candidateRole: 'caseworker',
    ruleId: 'decision.tell-applicant-in-writing',
    formKey: 'decision-letter',
    formVersion: 1,
    priority: 'normal',
    outcomes: ['letter-sent'],
  },
} as const satisfies Record<string, TaskDefinition>;

export type TaskType = keyof typeof taskCatalogue;

export function taskDefinition(type: string): TaskDefinition {
  const definition = (taskCatalogue as Record<string, TaskDefinition>)[type];
  if (!definition) throw new RangeError(`unknown task type ${type}`);
  return definition;
}
