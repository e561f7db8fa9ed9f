import { caseRef, searchableName, STAFF_ROLES, StaffRole, TaskDefinition, taskCatalogue } from '@hearth/domain';
import { Client } from 'pg';

// The data `npm run bench:inbox` reads: teams, staff, carer households with their case files and
// adults, and the task table, written with set-based SQL (generate_series, INSERT … SELECT) so
// millions of rows load in minutes. Every row is one Hearth could have written: catalogue task
// types, case references, keys unique per workflow, millisecond timestamps (as JavaScript dates,
// and so paging cursors, carry them).

/** Given names and family names as staff type them: mostly Sorani, some Arabic, a few Latin. The first are the commonest. */
export const GIVEN_NAMES = [
  'ئەحمەد', 'محەمەد', 'شیلان', 'کاوە', 'ئاسۆ', 'نەسرین', 'هێمن', 'دلشاد', 'ژیلا', 'سیروان', 'ڕێباز', 'هاوژین', 'بەختیار', 'گوڵاڵە',
  'ئاراس', 'شادان', 'فاتیمە', 'عەلی', 'حەسەن', 'زەینەب', 'ئامینە', 'کوێستان', 'هەڤاڵ', 'دیلان', 'سۆران', 'بێریڤان', 'پەیام', 'زانا',
  'أحمد', 'محمد', 'فاطمة', 'زينب', 'عمر', 'خالد', 'مريم', 'يوسف', 'إبراهيم', 'نور', 'Shilan', 'Karwan',
];
export const FAMILY_NAMES = [
  'ئەحمەد', 'محەمەد', 'ڕەسوڵ', 'کەریم', 'عەبدوڵڵا', 'مستەفا', 'قادر', 'عوسمان', 'سەعید', 'ئیبراهیم', 'بەرزنجی', 'تاڵەبانی', 'بارزانی',
  'جاف', 'هەورامی', 'زەنگەنە', 'دۆسکی', 'سۆرچی', 'خۆشناو', 'کاکەیی', 'شوانی', 'عەبدولڕەحمان', 'حەمە ئەمین', 'نەقشبەندی', 'ڕەشید',
  'جەباری', 'سلێمان', 'مەحموود', 'الجبوري', 'العبيدي', 'التميمي', 'الدليمي', 'الحسيني', 'عبدالله', 'حسين', 'كريم', 'صالح', 'Ahmed',
  'Rasul', 'Karim',
];

/**
 * Open work by task type, in parts (normalised): caseworker-heavy, a few percent for team managers
 * and panel chairs, and about one in five thousand for the decision maker. Nominated and reviewing
 * officers and panel members have no task type offered to them in the catalogue, so their offered
 * queues are empty. Closed tasks share the mix, with every case's decision made long ago.
 */
const OPEN_MIX: Record<string, number> = {
  'respond-to-enquiry': 8,
  'initial-home-visit': 8,
  'receive-application': 7,
  'background-check': 16,
  'personal-reference': 12,
  'medical-check': 8,
  'local-authority-check': 8,
  'previous-agency-reference': 4,
  'preparation-training': 6,
  'send-panel-papers': 2.5,
  'tell-applicant': 0.6,
  'tell-applicant-in-writing': 0.3,
  'record-representations': 0.1,
  'assessment-visits': 7,
  'assessment-report': 3,
  'decide-stage-2': 3.9,
  'book-panel': 2.6,
  'record-panel-recommendation': 1.5,
  'make-decision': 0.02,
};
const CLOSED_MIX: Record<string, number> = { ...OPEN_MIX, 'make-decision': 1 };

/** Of open tasks offered to a team role, the share someone already holds (the rest wait in the team's queue). */
const HELD_SHARE: Partial<Record<StaffRole, number>> = { caseworker: 0.9, assessor: 0.7, 'team-manager': 0.2 };

export interface InboxScale {
  tasks: number;
  openShare: number;
  households: number;
  teams: number;
  caseworkersPerTeam: number;
  assessorsPerTeam: number;
}

export interface BenchStaff {
  id: string;
  username: string;
  roles: StaffRole[];
  teamId: string | null;
  teamNumber: number;
}

/** The staff the bench made, by username (`cw-1-1`, `tm-1`, `as-1-1`, `pc-1`, `pm-1`, `dm-1`, `no-1`, `ro-1`, `admin-1`). */
export type StaffByUsername = Map<string, BenchStaff>;

const say = (message: string) => console.log(`  ${message}`);

async function timedStep<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await step();
  say(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Indexes and keys of these tables (and foreign keys into them), as PostgreSQL would recreate them. */
async function keysAndIndexes(db: Client, tables: readonly string[]) {
  const { rows: constraints } = await db.query<{ table: string; name: string; type: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype AS type, pg_get_constraintdef(oid) AS def
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f') AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))
      ORDER BY 1, 2`,
    [tables],
  );
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
      ORDER BY 1`,
    [tables],
  );
  return { constraints, indexes };
}

/**
 * Loads with the tables' indexes and keys set aside, then rebuilds exactly what the migrations made
 * (read back from the catalogue before, compared after): building an index once is far quicker
 * than keeping ten of them up to date through millions of random-key inserts.
 */
async function withoutIndexes(db: Client, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const before = await keysAndIndexes(db, tables);
  const foreign = before.constraints.filter((c) => c.type === 'f');
  const keys = before.constraints.filter((c) => c.type !== 'f');
  for (const c of foreign) await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
  for (const c of keys) await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
  for (const index of before.indexes) await db.query(`DROP INDEX ${index.name}`);
  await load();
  await timedStep(`keys and ${before.indexes.length} indexes rebuilt`, async () => {
    for (const c of keys) await db.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
    for (const c of foreign) await db.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
    for (const index of before.indexes) await db.query(index.def);
  });
  const after = await keysAndIndexes(db, tables);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the rebuilt keys and indexes differ from the migrations’ ones');
}

/** Cumulative lower bounds of a mix, for `width_bucket(random(), bounds)`: bucket i is type i. */
function bounds(mix: Record<string, number>, types: readonly string[]): number[] {
  const total = types.reduce((sum, type) => sum + (mix[type] ?? 0), 0);
  let acc = 0;
  return types.map((type) => {
    const lower = acc / total;
    acc += mix[type] ?? 0;
    return lower;
  });
}

async function loadStaff(db: Client, scale: InboxScale, passwordHash: string): Promise<StaffByUsername> {
  const { rows: teams } = await db.query<{ id: string; name: string }>(
    `INSERT INTO team (name) SELECT (ARRAY['Erbil', 'Sulaymaniyah', 'Duhok', 'Halabja', 'Kirkuk'])[1 + (g - 1) % 5] || ' ' || g FROM generate_series(1, $1) g RETURNING id, name`,
    [scale.teams],
  );
  const teamIds = teams.map((team) => team.id);
  const specs: { username: string; roles: StaffRole[]; team: number }[] = [];
  for (let t = 1; t <= scale.teams; t++) {
    specs.push({ username: `tm-${t}`, roles: ['team-manager'], team: t });
    for (let k = 1; k <= scale.caseworkersPerTeam; k++) specs.push({ username: `cw-${t}-${k}`, roles: ['caseworker'], team: t });
    for (let k = 1; k <= scale.assessorsPerTeam; k++) specs.push({ username: `as-${t}-${k}`, roles: ['assessor'], team: t });
  }
  const agency: [string, StaffRole[], number][] = [
    ['pc', ['panel-member', 'panel-chair'], 3],
    ['pm', ['panel-member'], 9],
    ['dm', ['decision-maker'], 3],
    ['no', ['nominated-officer'], 2],
    ['ro', ['reviewing-officer'], 2],
    ['admin', ['admin'], 1],
  ];
  for (const [prefix, roles, count] of agency) for (let k = 1; k <= count; k++) specs.push({ username: `${prefix}-${k}`, roles, team: 0 });
  const displayName = (i: number) => `${GIVEN_NAMES[i % GIVEN_NAMES.length]} ${FAMILY_NAMES[(i * 7 + 3) % FAMILY_NAMES.length]}`;
  const { rows } = await db.query<{ id: string; username: string }>(
    `INSERT INTO staff_user (username, display_name, password_hash, roles, team_id)
     SELECT u, d, $3, string_to_array(r, ','), ($5::uuid[])[NULLIF(t, 0)]
       FROM unnest($1::text[], $2::text[], $4::text[], $6::int[]) AS s(u, d, r, t)
     RETURNING id, username`,
    [specs.map((s) => s.username), specs.map((_, i) => displayName(i)), passwordHash, specs.map((s) => s.roles.join(',')), teamIds, specs.map((s) => s.team)],
  );
  const idOf = new Map(rows.map((row) => [row.username, row.id]));
  const staff: StaffByUsername = new Map(
    specs.map((s) => [s.username, { id: idOf.get(s.username)!, username: s.username, roles: s.roles, teamId: s.team ? teamIds[s.team - 1] : null, teamNumber: s.team }]),
  );
  await db.query(`CREATE UNLOGGED TABLE bench_staff (team_n int, role text, k int, id uuid, team_id uuid, PRIMARY KEY (team_n, role, k))`);
  const team = specs.filter((s) => s.team > 0);
  await db.query(
    `INSERT INTO bench_staff SELECT t, r, k, i, ($5::uuid[])[t] FROM unnest($1::int[], $2::text[], $3::int[], $4::uuid[]) AS s(t, r, k, i)`,
    [team.map((s) => s.team), team.map((s) => s.roles[0]), team.map((s) => (s.roles[0] === 'team-manager' ? 1 : Number(s.username.split('-').at(-1)))), team.map((s) => idOf.get(s.username)), teamIds],
  );
  return staff;
}

/**
 * Households with their case files and two adults each, then the tasks. Returns how long it took.
 * Names are drawn skewed (a few very common, as Ahmed and Mohammed are); search names are folded
 * with the domain's `searchableName`, as the API does.
 */
export async function loadInbox(db: Client, scale: InboxScale, passwordHash: string, rulePack: { id: string; version: number }): Promise<{ staff: StaffByUsername; ms: number }> {
  const started = Date.now();
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(`SELECT setseed(0.42)`);
  const staff = await timedStep('teams and staff', () => loadStaff(db, scale, passwordHash));
  const agency = (role: StaffRole) => [...staff.values()].filter((s) => s.teamNumber === 0 && s.roles.includes(role)).map((s) => s.id);

  const displayNames: string[] = [];
  const searchNames: string[] = [];
  for (const given of GIVEN_NAMES) {
    for (const family of FAMILY_NAMES) {
      displayNames.push(`${given} ${family}`);
      searchNames.push(searchableName(`${given} ${family}`));
    }
  }
  const types = Object.values(taskCatalogue as Record<string, TaskDefinition>);
  const typeNames = types.map((t) => t.type);
  await db.query(
    `CREATE UNLOGGED TABLE bench_type AS
     SELECT ix::int, type, role, priority, form_key, form_version, rule_id, outcome, subject
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
            AS s(type, role, priority, form_key, form_version, rule_id, outcome, subject, ix)`,
    [
      typeNames,
      types.map((t) => t.candidateRole),
      types.map((t) => t.priority),
      types.map((t) => t.formKey),
      types.map((t) => t.formVersion),
      types.map((t) => t.ruleId),
      types.map((t) => t.outcomes[0]),
      types.map((t) => t.subject ?? null),
    ],
  );

  // A table, not an array parameter: subscripting a 1 600-element text array costs a walk through it per row.
  await db.query(`CREATE UNLOGGED TABLE bench_name AS SELECT ix::int, display, search FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(display, search, ix)`, [
    displayNames,
    searchNames,
  ]);
  await db.query(`ALTER TABLE bench_name ADD PRIMARY KEY (ix)`);

  const now = new Date();
  await withoutIndexes(db, ['task', 'case_file', 'household', 'household_member'], async () => {
    await timedStep(`${scale.households} households, case files and ${scale.households * 2} adults`, async () => {
      await db.query(`CREATE UNLOGGED TABLE bench_case (n int PRIMARY KEY, household_id uuid, case_ref text, team_id uuid, worker_id uuid, assessor_id uuid,
                        manager_id uuid, adult1 uuid, adult2 uuid, name_ix int, partner_ix int, opened_at timestamptz)`);
      await db.query(
        `WITH g AS MATERIALIZED (
           SELECT n, gen_random_uuid() AS hid, 1 + floor(random() * $2)::int AS team_n, 1 + floor(random() * $3)::int AS cw_k,
                  1 + floor(random() * $4)::int AS as_k, 1 + floor(random() ^ 2 * $6)::int AS given,
                  1 + floor(random() ^ 1.5 * $5)::int AS family, 1 + floor(random() * $6)::int AS partner,
                  date_trunc('milliseconds', $8::timestamptz - random() * interval '6 years') AS opened_at
             FROM generate_series(1, $1) n)
         INSERT INTO bench_case
         SELECT g.n, g.hid, $7 || g.hid, tm.team_id, cw.id, a.id, tm.id, gen_random_uuid(), gen_random_uuid(),
                (g.given - 1) * $5 + g.family, (g.partner - 1) * $5 + g.family, g.opened_at
           FROM g
           JOIN bench_staff tm ON tm.team_n = g.team_n AND tm.role = 'team-manager' AND tm.k = 1
           JOIN bench_staff cw ON cw.team_n = g.team_n AND cw.role = 'caseworker' AND cw.k = g.cw_k
           JOIN bench_staff a ON a.team_n = g.team_n AND a.role = 'assessor' AND a.k = g.as_k`,
        [scale.households, scale.teams, scale.caseworkersPerTeam, scale.assessorsPerTeam, FAMILY_NAMES.length, GIVEN_NAMES.length, caseRef('household', ''), now],
      );
      await db.query(
        `INSERT INTO household (id, stage, rule_pack_id, rule_pack_version, primary_contact_name, preferred_language, area, created_by, created_at, updated_at, workflow_started_at)
         SELECT household_id, (ARRAY['enquiry', 'initial-visit', 'awaiting-application', 'application', 'stage-1', 'stage-2', 'panel', 'decision', 'approved'])[1 + n % 9],
                $1, $2, bn.display, 'ckb', (ARRAY['Erbil', 'Sulaymaniyah', 'Duhok', 'Halabja', 'Kirkuk'])[1 + n % 5], worker_id, opened_at, opened_at, opened_at
           FROM bench_case JOIN bench_name bn ON bn.ix = name_ix`,
        [rulePack.id, rulePack.version],
      );
      await db.query(
        `INSERT INTO case_file (case_ref, kind, subject_id, case_number, team_id, supervising_worker_id, display_name, search_name, rule_pack_id, opened_at)
         SELECT case_ref, 'household', household_id, 'H-' || extract(year FROM opened_at)::int || '-' || lpad(n::text, 6, '0'), team_id, worker_id,
                bn.display, bn.search, $1, opened_at
           FROM bench_case JOIN bench_name bn ON bn.ix = name_ix`,
        [rulePack.id],
      );
      await db.query(
        `INSERT INTO household_member (id, household_id, kind, full_name, relationship, created_by, created_at)
         SELECT adult1, household_id, 'adult', bn.display, 'applicant', worker_id, opened_at FROM bench_case JOIN bench_name bn ON bn.ix = name_ix
         UNION ALL
         SELECT adult2, household_id, 'adult', bn.display, 'partner', worker_id, opened_at FROM bench_case JOIN bench_name bn ON bn.ix = partner_ix`,
      );
    });

    // One row in every 1/openShare is open; the others completed (nine in ten) or cancelled.
    const openEvery = Math.round(1 / scale.openShare);
    const batch = 250_000;
    await timedStep(`${scale.tasks} tasks (${Math.floor(scale.tasks / openEvery)} open)`, async () => {
      for (let lo = 1; lo <= scale.tasks; lo += batch) {
        const hi = Math.min(scale.tasks, lo + batch - 1);
        await db.query(
          `WITH g AS MATERIALIZED (
             SELECT i, 1 + floor(random() * $3)::int AS n, s.status,
                    width_bucket(random(), CASE WHEN s.status = 'open' THEN $4::float8[] ELSE $5::float8[] END) AS ix,
                    date_trunc('milliseconds', CASE WHEN s.status = 'open' THEN $6::timestamptz + (random() * 225 - 45) * interval '1 day'
                                                    ELSE $6::timestamptz - random() * interval '3 years' END) AS due_at,
                    random() AS held
               FROM generate_series($1::int, $2::int) i
              CROSS JOIN LATERAL (SELECT CASE WHEN i % $11 = 0 THEN 'open' WHEN random() < 0.9 THEN 'completed' ELSE 'cancelled' END AS status) s)
           INSERT INTO task (workflow_id, task_key, type, case_ref, candidate_role, assignee_id, status, due_at, overdue_since, priority, form_key, form_version,
                             outcome, completed_by, completed_at, completion_key, cancel_reason, subject_kind, subject_id, team_id, anchor_at,
                             rule_id, rule_pack_id, rule_pack_version, created_at, updated_at)
           SELECT c.case_ref, bt.type || ':' || g.i, bt.type, c.case_ref, bt.role, h.holder, g.status, g.due_at,
                  CASE WHEN g.status = 'open' AND g.due_at < $6 THEN g.due_at END,
                  bt.priority, bt.form_key, bt.form_version,
                  CASE WHEN g.status = 'completed' THEN bt.outcome END,
                  CASE WHEN g.status = 'completed' THEN coalesce(h.holder, CASE bt.role WHEN 'decision-maker' THEN ($7::uuid[])[1 + g.i % cardinality($7::uuid[])]
                                                                                         WHEN 'panel-chair' THEN ($8::uuid[])[1 + g.i % cardinality($8::uuid[])]
                                                                                         WHEN 'team-manager' THEN c.manager_id
                                                                                         WHEN 'assessor' THEN c.assessor_id ELSE c.worker_id END) END,
                  CASE WHEN g.status = 'completed' THEN g.due_at - interval '3 days' END,
                  CASE WHEN g.status = 'completed' THEN 'bench-' || g.i END,
                  CASE WHEN g.status = 'cancelled' THEN 'the household withdrew' END,
                  bt.subject,
                  CASE bt.subject WHEN 'household-member' THEN (CASE WHEN g.i % 2 = 0 THEN c.adult1 ELSE c.adult2 END)::text WHEN 'referee' THEN (1 + g.i % 2)::text END,
                  c.team_id, g.due_at - interval '20 days', bt.rule_id, $9, $10, g.due_at - interval '20 days',
                  CASE WHEN g.status = 'open' THEN g.due_at - interval '20 days' ELSE g.due_at - interval '3 days' END
             FROM g
             JOIN bench_case c ON c.n = g.n
             JOIN bench_type bt ON bt.ix = g.ix
            CROSS JOIN LATERAL (SELECT CASE WHEN g.held < coalesce(($12::jsonb ->> bt.role)::float8, 0)
                                            THEN CASE bt.role WHEN 'caseworker' THEN c.worker_id WHEN 'assessor' THEN c.assessor_id ELSE c.manager_id END END AS holder) h`,
          [
            lo,
            hi,
            scale.households,
            bounds(OPEN_MIX, typeNames),
            bounds(CLOSED_MIX, typeNames),
            now,
            agency('decision-maker'),
            agency('panel-chair'),
            rulePack.id,
            rulePack.version,
            openEvery,
            JSON.stringify(HELD_SHARE),
          ],
        );
        if (hi % 1_000_000 < batch) say(`  ${hi} tasks written`);
      }
    });
  });
  const [{ tasks, households }] = (await db.query(`SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM case_file) AS households`)).rows;
  if (tasks !== scale.tasks || households !== scale.households) throw new Error(`loaded ${tasks} tasks and ${households} households, not ${scale.tasks} and ${scale.households}`);
  await timedStep('VACUUM ANALYZE', async () => {
    for (const table of ['task', 'case_file', 'household', 'household_member', 'staff_user', 'team']) await db.query(`VACUUM (ANALYZE) ${table}`);
  });
  await db.query(`DROP TABLE bench_case, bench_type, bench_staff, bench_name`);
  return { staff, ms: Date.now() - started };
}

/** Open tasks per role, held and offered, to print beside the figures. */
export async function openByRole(db: Client): Promise<Record<string, { held: number; offered: number }>> {
  const { rows } = await db.query<{ role: string; held: number; offered: number }>(
    `SELECT candidate_role AS role, count(assignee_id)::int AS held, (count(*) - count(assignee_id))::int AS offered FROM task WHERE status = 'open' GROUP BY 1`,
  );
  return Object.fromEntries(STAFF_ROLES.map((role) => {
    const row = rows.find((r) => r.role === role);
    return [role, { held: row?.held ?? 0, offered: row?.offered ?? 0 }];
  }));
}
