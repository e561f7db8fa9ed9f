export { bareUpdateWorkflow } from './bare-update.workflow';
