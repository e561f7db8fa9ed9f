import { STAFF_ROLES } from '@hearth/domain';
import { StaffUsersRepository } from '@hearth/persistence';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password';

/** Demo users beyond one per role: a panel needs a quorum of members (krg: two). */
const EXTRA_DEMO_USERS = [{ username: 'panel-member-2', role: 'panel-member' }] as const;

/**
 * One demo user per role, named after the role, and a second panel member. With `password` given,
 * every demo user gets it; otherwise users created now get a random one, returned once and stored
 * only as a hash.
 */
export async function seedDemoUsers(users: StaffUsersRepository, password: string | undefined): Promise<{ created: string[]; password: string | null }> {
  const chosen = password || randomBytes(9).toString('base64url');
  const hash = await hashPassword(chosen);
  const created: string[] = [];
  for (const { username, role } of [...STAFF_ROLES.map((role) => ({ username: role, role })), ...EXTRA_DEMO_USERS]) {
    const displayName = `Demo ${username.replace(/-/g, ' ')}`;
    const result = await users.ensure({ username, displayName, roles: [role] }, hash, Boolean(password));
    if (result.created) created.push(username);
  }
  return { created, password: password || created.length > 0 ? chosen : null };
}
