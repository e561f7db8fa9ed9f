import { DomainError } from '../errors';
import { assertMayComplete, mayComplete } from './task-permissions';
import { taskDefinition } from './task-catalogue';

const respond = taskDefinition('respond-to-enquiry');

describe('who may complete a task', () => {
  it('lets a holder of the candidate role or the assignee complete it, and no one else', () => {
    const task = { candidateRole: 'caseworker' as const, assigneeId: 'u-assignee' };
    expect(mayComplete({ userId: 'u-other', roles: ['caseworker'] }, task)).toBe(true);
    expect(mayComplete({ userId: 'u-assignee', roles: ['assessor'] }, task)).toBe(true);
    expect(mayComplete({ userId: 'u-other', roles: ['panel-chair', 'team-manager'] }, task)).toBe(false);
  });

  it('names the reason: not permitted, or an outcome the task does not have', () => {
    const task = { candidateRole: 'caseworker' as const, assigneeId: null };
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).code;
      }
      return 'none';
    };
    expect(codeOf(() => assertMayComplete({ userId: 'u', roles: ['admin'] }, task, respond, 'visit-arranged'))).toBe('not-permitted');
    expect(codeOf(() => assertMayComplete({ userId: 'u', roles: ['caseworker'] }, task, respond, 'approved'))).toBe('invalid-outcome');
    expect(codeOf(() => assertMayComplete({ userId: 'u', roles: ['caseworker'] }, task, respond, 'visit-arranged'))).toBe('none');
  });
});
