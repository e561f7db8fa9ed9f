import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff, households, the task inbox with its submissions and alerts, the audit trail, the calendar. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY,
        stage text NOT NULL,
        rule_pack_id text NOT NULL,
        primary_contact_name text NOT NULL,
        phone text,
        email text,
        area text,
        preferred_language text NOT NULL,
        enquiry_source text,
        notes text,
        idempotency_key text UNIQUE,
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workflow_id text NOT NULL,
        task_key text NOT NULL,
        type text NOT NULL,
        case_ref text NOT NULL,
        candidate_role text NOT NULL,
        assignee_id uuid REFERENCES staff_user(id),
        status text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        due_at timestamptz NOT NULL,
        follow_up_at timestamptz,
        overdue_since timestamptz,
        priority text NOT NULL,
        form_key text NOT NULL,
        form_version integer NOT NULL,
        outcome text,
        completed_by uuid REFERENCES staff_user(id),
        completed_at timestamptz,
        completion_key text,
        submission_id uuid,
        cancel_reason text,
        rule_id text NOT NULL,
        rule_pack_id text NOT NULL,
        rule_pack_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workflow_id, task_key)
      )`);
    await db.query(`CREATE INDEX task_inbox_by_status ON task (status, due_at, id)`);
    await db.query(`CREATE INDEX task_inbox_by_role ON task (candidate_role, status, due_at, id)`);
    await db.query(`CREATE INDEX task_inbox_by_assignee ON task (assignee_id, status, due_at, id)`);
    await db.query(`CREATE INDEX task_by_case ON task (case_ref, created_at)`);
    await db.query(`
      CREATE TABLE task_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        idempotency_key text NOT NULL,
        submitted_by uuid NOT NULL REFERENCES staff_user(id),
        outcome text NOT NULL,
        data jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, idempotency_key)
      )`);
    await db.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        severity text NOT NULL,
        task_id uuid REFERENCES task(id),
        case_ref text NOT NULL,
        raised_at timestamptz NOT NULL,
        resolved_at timestamptz,
        UNIQUE (kind, task_id)
      )`);
    await db.query(`CREATE INDEX alert_open ON alert (raised_at, id) WHERE resolved_at IS NULL`);
    await db.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        case_ref text,
        before jsonb,
        after jsonb
      )`);
    await db.query(`CREATE INDEX audit_event_by_case ON audit_event (case_ref, occurred_at, id)`);
    await db.query(`
      CREATE TABLE calendar_holiday (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        jurisdiction text NOT NULL,
        date date NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('public-holiday', 'religious-holiday', 'closure')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (jurisdiction, date)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['calendar_holiday', 'audit_event', 'alert', 'task_submission', 'task', 'household', 'staff_user']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
