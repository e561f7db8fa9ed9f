import { CaseKind, CASE_NUMBER_PREFIXES, DomainError, formatCaseNumber, searchableName } from '@hearth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from './audit';
import { caseVisibleSql, sqlParams, Viewer } from './case-access';

/** What every list shows about a case: its number, name, team and supervising worker. */
export interface CaseFileRecord {
  caseRef: string;
  kind: CaseKind;
  subjectId: string;
  caseNumber: string;
  displayName: string;
  teamId: string | null;
  teamName: string | null;
  supervisingWorkerId: string | null;
  supervisingWorkerName: string | null;
  /** The rule pack (so the jurisdiction and its time zone) the case runs under. */
  rulePackId: string;
  openedAt: Date;
}

const SELECT_CASE_FILE = `
  SELECT cf.case_ref AS "caseRef", cf.kind, cf.subject_id AS "subjectId", cf.case_number AS "caseNumber",
         cf.display_name AS "displayName", cf.team_id AS "teamId", t.name AS "teamName",
         cf.supervising_worker_id AS "supervisingWorkerId", s.display_name AS "supervisingWorkerName", cf.rule_pack_id AS "rulePackId", cf.opened_at AS "openedAt"
    FROM case_file cf
    LEFT JOIN team t ON t.id = cf.team_id
    LEFT JOIN staff_user s ON s.id = cf.supervising_worker_id`;

/** The case file: one row per case, whatever its kind, that lists and searches read. */
export class CaseFilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens a case's file in the caller's transaction, giving it the next number of its kind and year. */
  static async open(
    manager: EntityManager,
    file: { caseRef: string; kind: CaseKind; subjectId: string; displayName: string; rulePackId: string; teamId: string | null; supervisingWorkerId: string | null; openedAt: Date },
  ): Promise<string> {
    const year = file.openedAt.getUTCFullYear();
    const prefix = CASE_NUMBER_PREFIXES[file.kind];
    const [{ last }]: { last: number }[] = await manager.query(
      `INSERT INTO case_number_counter AS c (prefix, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last = c.last + 1 RETURNING last`,
      [prefix, year],
    );
    const caseNumber = formatCaseNumber(file.kind, year, last);
    await manager.query(
      `INSERT INTO case_file (case_ref, kind, subject_id, case_number, team_id, supervising_worker_id, display_name, search_name, rule_pack_id, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [file.caseRef, file.kind, file.subjectId, caseNumber, file.teamId, file.supervisingWorkerId, file.displayName, searchableName(file.displayName), file.rulePackId, file.openedAt],
    );
    return caseNumber;
  }

  async find(caseRef: string): Promise<CaseFileRecord | null> {
    const [row]: CaseFileRecord[] = await this.dataSource.query(`${SELECT_CASE_FILE} WHERE cf.case_ref = $1`, [caseRef]);
    return row ?? null;
  }

  async refOfNumber(caseNumber: string): Promise<string | null> {
    const [row]: { case_ref: string }[] = await this.dataSource.query(`SELECT case_ref FROM case_file WHERE case_number = $1`, [caseNumber.toUpperCase()]);
    return row?.case_ref ?? null;
  }

  /** Case files by reference, for rows that name their case. */
  async ofCases(caseRefs: readonly string[]): Promise<Map<string, CaseFileRecord>> {
    const wanted = [...new Set(caseRefs)];
    if (wanted.length === 0) return new Map();
    const rows: CaseFileRecord[] = await this.dataSource.query(`${SELECT_CASE_FILE} WHERE cf.case_ref = ANY($1)`, [wanted]);
    return new Map(rows.map((row) => [row.caseRef, row]));
  }

  /** Whether a case exists and whether this viewer may see it (need to know). */
  async access(viewer: Viewer, caseRef: string): Promise<{ exists: boolean; visible: boolean }> {
    const { values, param } = sqlParams();
    const ref = param(caseRef);
    const [row]: { visible: boolean }[] = await this.dataSource.query(`SELECT ${caseVisibleSql(viewer, param)} AS visible FROM case_file cf WHERE cf.case_ref = ${ref}`, values);
    return { exists: Boolean(row), visible: Boolean(row?.visible) };
  }

  /** A team manager names the case's supervising worker; audited. */
  async setSupervisingWorker(caseRef: string, workerId: string, actorId: string | null): Promise<void> {
    await this.change(caseRef, { supervising_worker_id: workerId }, actorId, 'case.supervising-worker-changed');
  }

  /** The team a case belongs to; its open tasks move with it. */
  async setTeam(caseRef: string, teamId: string, actorId: string): Promise<void> {
    await this.change(caseRef, { team_id: teamId }, actorId, 'case.team-changed', async (manager) => {
      await manager.query(`UPDATE task SET team_id = $2, updated_at = now() WHERE case_ref = $1 AND status = 'open'`, [caseRef, teamId]);
    });
  }

  private async change(caseRef: string, column: Record<string, string>, actorId: string | null, action: string, alsoDo?: (manager: EntityManager) => Promise<void>): Promise<void> {
    const [[name, value]] = Object.entries(column);
    await this.dataSource.transaction(async (manager) => {
      const [before]: Record<string, string | null>[] = await manager.query(`SELECT ${name} AS value FROM case_file WHERE case_ref = $1 FOR UPDATE`, [caseRef]);
      if (!before) throw new DomainError('not-found', `no case ${caseRef}`);
      if (before.value === value) return;
      await manager.query(`UPDATE case_file SET ${name} = $2 WHERE case_ref = $1`, [caseRef, value]);
      await alsoDo?.(manager);
      await writeAudit(manager, { actorId, action, entityType: 'case', entityId: caseRef, caseRef, before: { [name]: before.value }, after: { [name]: value } });
    });
  }
}
