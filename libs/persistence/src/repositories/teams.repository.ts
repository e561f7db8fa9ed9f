import { DomainError } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { writeAudit } from './audit';

export interface TeamRecord {
  id: string;
  name: string;
  /** Active members and the team's open cases, for the admin's list. */
  members: number;
}

/** Teams of staff: each member of staff and each case belongs to one. */
export class TeamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<TeamRecord[]> {
    return this.dataSource.query(
      `SELECT t.id, t.name, (SELECT count(*)::int FROM staff_user s WHERE s.team_id = t.id AND s.active) AS members FROM team t ORDER BY t.name`,
    );
  }

  async find(id: string): Promise<TeamRecord | null> {
    return (await this.list()).find((team) => team.id === id) ?? null;
  }

  /** Creates a team once per name: a repeated create returns the team made before. */
  async ensure(name: string, actorId: string | null): Promise<{ team: TeamRecord; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const [inserted]: { id: string }[] = await manager.query(`INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id`, [name]);
      if (inserted) await writeAudit(manager, { actorId, action: 'team.created', entityType: 'team', entityId: inserted.id, caseRef: null, before: null, after: { name } });
      const [team]: TeamRecord[] = await manager.query(
        `SELECT t.id, t.name, (SELECT count(*)::int FROM staff_user s WHERE s.team_id = t.id AND s.active) AS members FROM team t WHERE t.name = $1`,
        [name],
      );
      if (!team) throw new DomainError('conflict', `team ${name} could not be created`);
      return { team, created: Boolean(inserted) };
    });
  }
}
