import { StaffRole } from './staff-role';

/**
 * Roles whose work is their team's cases (DOMAIN.md, who sees what): they see the cases of their
 * team and the cases they hold. Other roles (panel, decision maker, officers, admin) see a case only
 * through a part they play in it: a task they hold, a panel whose agenda it is on.
 */
export const TEAM_ROLES: readonly StaffRole[] = ['caseworker', 'assessor', 'team-manager'];

export function holdsTeamRole(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => TEAM_ROLES.includes(role));
}

/**
 * A case someone may not see: 404 to team staff of another team (they have no reason to know it
 * exists), 403 to staff whose agency-wide role shows them that cases exist (panel members read the
 * panel calendar).
 */
export function refusalForUnseenCase(roles: readonly StaffRole[]): 'not-found' | 'not-permitted' {
  return roles.some((role) => !TEAM_ROLES.includes(role)) ? 'not-permitted' : 'not-found';
}

/** Due within this many days counts as due soon on a work list. */
export const DUE_SOON_DAYS = 3;

export type DueState = 'overdue' | 'due-soon' | 'on-time';

export function dueState(dueAt: Date, now: Date, overdueSince: Date | null = null): DueState {
  if (overdueSince || dueAt <= now) return 'overdue';
  return dueAt.getTime() - now.getTime() <= DUE_SOON_DAYS * 86_400_000 ? 'due-soon' : 'on-time';
}
