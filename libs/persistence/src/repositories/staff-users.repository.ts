import { StaffRole } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { StaffUserEntity } from '../entities/staff-user.entity';

export interface StaffUserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: StaffRole[];
  active: boolean;
}

/** Staff accounts and the roles they hold. */
export class StaffUsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<StaffUserRecord | null> {
    return (await this.dataSource.getRepository(StaffUserEntity).findOneBy({ username })) as StaffUserRecord | null;
  }

  async findById(id: string): Promise<StaffUserRecord | null> {
    return (await this.dataSource.getRepository(StaffUserEntity).findOneBy({ id })) as StaffUserRecord | null;
  }

  /**
   * Creates the user with `passwordHash`, or brings an existing one's name and roles up to date,
   * changing its password only when `resetPassword` is set.
   */
  async ensure(user: { username: string; displayName: string; roles: StaffRole[] }, passwordHash: string, resetPassword: boolean): Promise<{ id: string; created: boolean }> {
    const repository = this.dataSource.getRepository(StaffUserEntity);
    const existing = await repository.findOneBy({ username: user.username });
    if (existing) {
      await repository.update({ id: existing.id }, { ...user, ...(resetPassword ? { passwordHash } : {}) });
      return { id: existing.id, created: false };
    }
    const saved = await repository.save(repository.create({ ...user, passwordHash, active: true }));
    return { id: saved.id, created: true };
  }
}
