import { DomainError } from '../errors';
import { Actor } from '../staff/staff-role';
import { TaskAssignment, TaskDefinition } from './task';

/**
 * A task someone holds is completed by them alone (others ask their team manager to reassign it);
 * a task offered to a role, by anyone holding that role.
 */
export function mayComplete(actor: Actor, task: TaskAssignment): boolean {
  return task.assigneeId ? task.assigneeId === actor.userId : actor.roles.includes(task.candidateRole);
}

/** Throws the domain's reason why this actor may not record this outcome on this task. */
export function assertMayComplete(actor: Actor, task: TaskAssignment, definition: TaskDefinition, outcome: string): void {
  if (!mayComplete(actor, task)) {
    throw new DomainError(
      'not-permitted',
      task.assigneeId ? 'someone else holds this task: only they may complete it, or their team manager may reassign it' : `this task is offered to the ${task.candidateRole} role`,
    );
  }
  if (!definition.outcomes.includes(outcome)) {
    throw new DomainError('invalid-outcome', `outcome must be one of: ${definition.outcomes.join(', ')}`);
  }
}
