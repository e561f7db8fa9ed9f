// Every workflow the Hearth worker runs. Bundled by Temporal's webpack bundler: import only
// @temporalio/workflow, @hearth/domain and `import type`.
export { householdWorkflow } from './household.workflow';
export { calendarChangeWorkflow } from './calendar-change.workflow';
export { childWorkflow } from './child.workflow';
export { placementWorkflow } from './placement.workflow';
