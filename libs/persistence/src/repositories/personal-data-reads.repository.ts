import { DataSource } from 'typeorm';
import { sqlParams } from './case-access';

export interface PersonalDataRead {
  id: string;
  readAt: Date;
  readerId: string;
  readerName: string | null;
  caseRef: string;
  caseNumber: string | null;
  fields: string[];
  route: string;
}

export interface PersonalDataReadQuery {
  caseRef?: string;
  readerId?: string;
  after?: { readAt: Date; id: string };
  limit: number;
}

/** The log of who read which case's personal data, when, and which fields: written on every read, read by admins. */
export class PersonalDataReadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per case read in a response, in one statement. */
  async record(readerId: string, caseRefs: readonly string[], fields: readonly string[], route: string): Promise<void> {
    if (caseRefs.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO personal_data_read (reader_id, case_ref, fields, route) SELECT $1, unnest($2::text[]), $3, $4`,
      [readerId, [...new Set(caseRefs)], fields, route],
    );
  }

  async list(query: PersonalDataReadQuery): Promise<PersonalDataRead[]> {
    const where: string[] = [];
    const { values: params, param } = sqlParams();
    if (query.caseRef) where.push(`r.case_ref = ${param(query.caseRef)}`);
    if (query.readerId) where.push(`r.reader_id = ${param(query.readerId)}`);
    if (query.after) where.push(`(r.read_at, r.id) < (${param(query.after.readAt)}, ${param(query.after.id)})`);
    return this.dataSource.query(
      `SELECT r.id::text, r.read_at AS "readAt", r.reader_id AS "readerId", s.display_name AS "readerName", r.case_ref AS "caseRef",
              cf.case_number AS "caseNumber", r.fields, r.route
         FROM personal_data_read r
         LEFT JOIN staff_user s ON s.id = r.reader_id
         LEFT JOIN case_file cf ON cf.case_ref = r.case_ref
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.read_at DESC, r.id DESC LIMIT ${param(query.limit)}`,
      params,
    );
  }
}
