import { DomainError } from '../errors';
import { assertMayComplete, mayComplete } from './task-permissions';
import { taskDefinition } from './task-catalogue';

const respond = taskDefinition('respond-to-enquiry');

describe('who may complete a task', () => {
  it('lets only the holder complete a task someone holds, and anyone in its role a task offered to the role', () => {
    const held = { candidateRole: 'caseworker' as const, assigneeId: 'u-assignee' };
    expect(mayComplete({ userId: 'u-assignee', roles: ['caseworker'] }, held)).toBe(true);
    expect(mayComplete({ userId: 'u-other', roles: ['caseworker'] }, held)).toBe(false);
    expect(mayComplete({ userId: 'u-other', roles: ['panel-chair', 'team-manager'] }, held)).toBe(false);
    const offered = { candidateRole: 'caseworker' as const, assigneeId: null };
    expect(mayComplete({ userId: 'u-other', roles: ['caseworker'] }, offered)).toBe(true);
    expect(mayComplete({ userId: 'u-other', roles: ['team-manager'] }, offered)).toBe(false);
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
