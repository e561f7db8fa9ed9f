import { STAFF_ROLES, StaffRole } from '@hearth/domain';
import { StaffUsersRepository, TeamsRepository } from '@hearth/persistence';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password';

/** Two teams, and two of each role in each, so separation of duties and reassignment can be tried by hand. */
export const DEMO_TEAMS = [
  { name: 'Erbil team', prefix: '' },
  { name: 'Duhok team', prefix: 'duhok-' },
] as const;

/** `caseworker`, `caseworker-2` (Erbil), `duhok-caseworker`, `duhok-caseworker-2` (Duhok), and so on for every role. */
export function demoUsernames(): { username: string; role: StaffRole; team: string }[] {
  return DEMO_TEAMS.flatMap(({ name, prefix }) =>
    STAFF_ROLES.flatMap((role) => [1, 2].map((n) => ({ username: `${prefix}${role}${n === 1 ? '' : `-${n}`}`, role, team: name }))),
  );
}

/**
 * The demo staff. With `password` given, every demo user gets it; otherwise users created now get
 * a random one, returned once and stored only as a hash.
 */
export async function seedDemoUsers(users: StaffUsersRepository, teams: TeamsRepository, password: string | undefined): Promise<{ created: string[]; password: string | null }> {
  const chosen = password || randomBytes(9).toString('base64url');
  const hash = await hashPassword(chosen);
  const teamIds = new Map<string, string>();
  for (const { name } of DEMO_TEAMS) teamIds.set(name, (await teams.ensure(name, null)).team.id);
  const created: string[] = [];
  for (const { username, role, team } of demoUsernames()) {
    const displayName = `Demo ${username.replace(/-/g, ' ')}`;
    const result = await users.ensure({ username, displayName, roles: [role], teamId: teamIds.get(team)! }, hash, Boolean(password));
    if (result.created) created.push(username);
  }
  return { created, password: password || created.length > 0 ? chosen : null };
}
