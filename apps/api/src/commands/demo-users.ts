import { STAFF_ROLES } from '@hearth/domain';
import { StaffUsersRepository } from '@hearth/persistence';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password';

/**
 * One demo user per role, named after the role. With `password` given, every demo user gets it;
 * otherwise users created now get a random one, returned once and stored only as a hash.
 */
export async function seedDemoUsers(users: StaffUsersRepository, password: string | undefined): Promise<{ created: string[]; password: string | null }> {
  const chosen = password || randomBytes(9).toString('base64url');
  const hash = await hashPassword(chosen);
  const created: string[] = [];
  for (const role of STAFF_ROLES) {
    const displayName = `Demo ${role.replace(/-/g, ' ')}`;
    const result = await users.ensure({ username: role, displayName, roles: [role] }, hash, Boolean(password));
    if (result.created) created.push(role);
  }
  return { created, password: password || created.length > 0 ? chosen : null };
}
