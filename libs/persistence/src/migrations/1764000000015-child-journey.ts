import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: the child's journey. A child (the person, in PostgreSQL only) with their referral,
 * legal basis and sibling group; the background matching needs on both sides; match proposals
 * with their reasons; placements, which take a place from the household's approved places; and
 * the statutory visits and case reviews, each on its actual date.
 */
export class ChildJourney1764000000015 implements MigrationInterface {
  name = 'ChildJourney1764000000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE sibling_group (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), created_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`
      CREATE TABLE child (
        id uuid PRIMARY KEY,
        full_name text NOT NULL,
        date_of_birth date NOT NULL,
        sex text NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        ethnicity text,
        religion text,
        culture text,
        school_area text,
        school_latitude double precision,
        school_longitude double precision,
        family_area text,
        family_latitude double precision,
        family_longitude double precision,
        referral_source text NOT NULL,
        referred_on date NOT NULL,
        consent_given_by text,
        consent_given_on date,
        looked_after_on date NOT NULL,
        legal_basis text NOT NULL,
        sibling_group_id uuid REFERENCES sibling_group(id),
        stage text NOT NULL,
        placement_type_needed text,
        until_eighteen boolean NOT NULL DEFAULT false,
        rule_pack_id text NOT NULL,
        rule_pack_version integer NOT NULL,
        idempotency_key text UNIQUE,
        workflow_started_at timestamptz,
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((school_latitude IS NULL) = (school_longitude IS NULL)),
        CHECK ((family_latitude IS NULL) = (family_longitude IS NULL))
      )`);
    await db.query(`CREATE INDEX child_by_sibling_group ON child (sibling_group_id) WHERE sibling_group_id IS NOT NULL`);
    await db.query(`CREATE INDEX child_without_workflow ON child (created_at) WHERE workflow_started_at IS NULL`);
    await db.query(`
      ALTER TABLE household
        ADD COLUMN latitude double precision,
        ADD COLUMN longitude double precision,
        ADD COLUMN ethnicities text[] NOT NULL DEFAULT '{}',
        ADD COLUMN religions text[] NOT NULL DEFAULT '{}',
        ADD COLUMN cultures text[] NOT NULL DEFAULT '{}',
        ADD CHECK ((latitude IS NULL) = (longitude IS NULL))`);
    await db.query(`
      CREATE TABLE match_proposal (
        id uuid PRIMARY KEY,
        child_id uuid NOT NULL REFERENCES child(id),
        household_id uuid NOT NULL REFERENCES household(id),
        status text NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
        score real NOT NULL,
        reasons jsonb NOT NULL,
        proposed_by uuid NOT NULL REFERENCES staff_user(id),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES staff_user(id),
        decided_at timestamptz,
        decision_reasons text
      )`);
    await db.query(`CREATE INDEX match_proposal_by_child ON match_proposal (child_id, proposed_at)`);
    await db.query(`
      CREATE TABLE placement (
        id uuid PRIMARY KEY,
        child_id uuid NOT NULL REFERENCES child(id),
        household_id uuid NOT NULL REFERENCES household(id),
        match_id uuid NOT NULL UNIQUE REFERENCES match_proposal(id),
        placement_type text NOT NULL,
        until_eighteen boolean NOT NULL,
        started_on date NOT NULL,
        ended_on date,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((ended_on IS NULL) = (end_reason IS NULL))
      )`);
    // No child is placed twice: one current placement per child, whatever races.
    await db.query(`CREATE UNIQUE INDEX placement_current_per_child ON placement (child_id) WHERE ended_on IS NULL`);
    await db.query(`CREATE INDEX placement_current_by_household ON placement (household_id) WHERE ended_on IS NULL`);
    // No household gets more children than its approved places, even if the counter and rows disagree.
    await db.query(`ALTER TABLE carer_register ADD CHECK (places_taken >= 0 AND places_taken <= max_children)`);
    await db.query(`
      CREATE TABLE child_visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES placement(id),
        task_id uuid NOT NULL UNIQUE REFERENCES task(id),
        visited_on date NOT NULL,
        seen_alone boolean NOT NULL,
        notes text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES staff_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX child_visit_by_placement ON child_visit (placement_id, visited_on)`);
    await db.query(`
      CREATE TABLE child_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        child_id uuid NOT NULL REFERENCES child(id),
        task_id uuid NOT NULL UNIQUE REFERENCES task(id),
        held_on date NOT NULL,
        chaired_by uuid NOT NULL REFERENCES staff_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX child_review_by_child ON child_review (child_id, held_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['child_review', 'child_visit', 'placement', 'match_proposal']) await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE household DROP COLUMN latitude, DROP COLUMN longitude, DROP COLUMN ethnicities, DROP COLUMN religions, DROP COLUMN cultures`);
    await db.query(`DROP TABLE child`);
    await db.query(`DROP TABLE sibling_group`);
  }
}
