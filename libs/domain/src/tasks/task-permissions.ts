import { DomainError } from '../errors';
import { Actor } from '../staff/staff-role';
import { TaskAssignment, TaskDefinition } from './task';

/** A task may be completed by its assignee, or by anyone holding its candidate role. */
export function mayComplete(actor: Actor, task: TaskAssignment): boolean {
  return task.assigneeId === actor.userId || actor.roles.includes(task.candidateRole);
}

/** Throws the domain's reason why this actor may not record this outcome on this task. */
export function assertMayComplete(actor: Actor, task: TaskAssignment, definition: TaskDefinition, outcome: string): void {
  if (!mayComplete(actor, task)) {
    throw new DomainError('not-permitted', `only the assignee or a ${task.candidateRole} may complete this task`);
  }
  if (!definition.outcomes.includes(outcome)) {
    throw new DomainError('invalid-outcome', `outcome must be one of: ${definition.outcomes.join(', ')}`);
  }
}
