import { MigrationInterface, QueryRunner } from 'typeorm';
import { ALERT_RANK_SQL } from '../repositories/alert-rank';
// By path: migrations also run from the test's global setup, outside the module aliases.
import { searchableName } from '../../../domain/src/search/searchable-name';

/**
 * Issue 8: teams, sessions that end when a user changes, login throttling, a case file per case
 * (its human number, team, supervising worker and searchable name), delegations while on leave,
 * the log of personal-data reads, and inbox indexes.
 */
export class StaffTeamsAndCaseFiles1764000000010 implements MigrationInterface {
  name = 'StaffTeamsAndCaseFiles1764000000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE staff_user ADD COLUMN team_id uuid REFERENCES team(id)`);
    // Tokens issued before this instant are refused: a password reset or change ends every session.
    await db.query(`ALTER TABLE staff_user ADD COLUMN sessions_valid_from timestamptz NOT NULL DEFAULT 'epoch'`);
    await db.query(`ALTER TABLE staff_user ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures int NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await db.query(`
      CREATE TABLE case_number_counter (
        prefix text NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);
    await db.query(`
      CREATE TABLE case_file (
        case_ref text PRIMARY KEY,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        case_number text NOT NULL UNIQUE,
        team_id uuid REFERENCES team(id),
        supervising_worker_id uuid REFERENCES staff_user(id),
        display_name text NOT NULL,
        search_name text NOT NULL,
        rule_pack_id text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_file_search_name ON case_file USING gin (search_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX case_file_by_team ON case_file (team_id, display_name, case_ref)`);
    await db.query(`CREATE INDEX case_file_by_worker ON case_file (supervising_worker_id)`);
    await db.query(`CREATE INDEX case_file_by_name ON case_file (display_name, case_ref)`);
    // Households recorded before case files: numbered in the order they came, by year; the
    // supervising worker is whoever answered the enquiry.
    await db.query(`
      INSERT INTO case_file (case_ref, kind, subject_id, case_number, supervising_worker_id, display_name, search_name, rule_pack_id, opened_at)
      SELECT 'household:' || h.id, 'household', h.id,
             'H-' || extract(year FROM h.created_at)::int || '-' ||
               lpad((row_number() OVER (PARTITION BY extract(year FROM h.created_at) ORDER BY h.created_at, h.id))::text, 4, '0'),
             (SELECT t.completed_by FROM task t WHERE t.case_ref = 'household:' || h.id AND t.type = 'respond-to-enquiry' AND t.status = 'completed' LIMIT 1),
             h.primary_contact_name, lower(h.primary_contact_name), h.rule_pack_id, h.created_at
        FROM household h`);
    await db.query(`
      INSERT INTO case_number_counter (prefix, year, last)
      SELECT 'H', split_part(case_number, '-', 2)::int, max(split_part(case_number, '-', 3)::int)
        FROM case_file GROUP BY 2`);
    const names: { case_ref: string; display_name: string }[] = await db.query(`SELECT case_ref, display_name FROM case_file`);
    for (const { case_ref, display_name } of names) {
      await db.query(`UPDATE case_file SET search_name = $2 WHERE case_ref = $1`, [case_ref, searchableName(display_name)]);
    }

    await db.query(`ALTER TABLE task ADD COLUMN team_id uuid`);
    await db.query(`CREATE INDEX task_open_by_assignee ON task (assignee_id, due_at, id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX task_open_offered ON task (candidate_role, team_id, due_at, id) WHERE status = 'open' AND assignee_id IS NULL`);
    await db.query(`CREATE INDEX task_open_by_team ON task (team_id, due_at, id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX task_by_case_due ON task (case_ref, due_at, id)`);

    await db.query(`
      CREATE TABLE delegation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff_user(id),
        delegate_id uuid NOT NULL REFERENCES staff_user(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CHECK (ends_at > starts_at),
        CHECK (staff_id <> delegate_id)
      )`);
    await db.query(`CREATE INDEX delegation_by_staff ON delegation (staff_id, starts_at) WHERE cancelled_at IS NULL`);

    await db.query(`
      CREATE TABLE personal_data_read (
        id bigserial PRIMARY KEY,
        -- Milliseconds, as JavaScript dates (and so paging cursors) carry them.
        read_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        reader_id uuid NOT NULL,
        case_ref text NOT NULL,
        fields text[] NOT NULL,
        route text NOT NULL
      )`);
    await db.query(`CREATE INDEX personal_data_read_by_case ON personal_data_read (case_ref, read_at DESC)`);
    await db.query(`CREATE INDEX personal_data_read_by_reader ON personal_data_read (reader_id, read_at DESC)`);
    await db.query(`CREATE INDEX personal_data_read_by_time ON personal_data_read (read_at DESC, id DESC)`);
    await db.query(`CREATE INDEX alert_open_by_severity ON alert ((${ALERT_RANK_SQL}), raised_at, id) WHERE resolved_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX alert_open_by_severity`);
    for (const table of ['personal_data_read', 'delegation', 'case_file', 'case_number_counter', 'login_throttle']) await db.query(`DROP TABLE ${table}`);
    for (const index of ['task_open_by_assignee', 'task_open_offered', 'task_open_by_team', 'task_by_case_due']) await db.query(`DROP INDEX ${index}`);
    await db.query(`ALTER TABLE task DROP COLUMN team_id`);
    await db.query(`ALTER TABLE staff_user DROP COLUMN team_id, DROP COLUMN sessions_valid_from, DROP COLUMN updated_at`);
    await db.query(`DROP TABLE team`);
  }
}
