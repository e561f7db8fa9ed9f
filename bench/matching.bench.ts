import { packFigures, rulePackInForceAt, localDateOf } from '@hearth/domain';
import { createDataSource, PlacementsRepository, shortlistOf } from '@hearth/persistence';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { writeResult } from './hearth-processes';
import { LatencySummary, summarise } from './stats';

// `npm run bench:matching`: one child's ranked shortlist over 10 000 approved carer households,
// then over 100 000, beside its bare twin in the same run: the raw SQL that fetches the
// candidates (the register filtered by the child's age, sex and placement type, with free places).
// The shortlist is that query plus the domain's scoring and ranking of every candidate. Goal: the
// whole ranked shortlist p50 <= 200 ms at 10 000 households. BENCH_RUNS sets the samples per size.
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARM_UP = 5;
const TARGET_P50_MS = 200;
const AREAS = ['Erbil', 'Duhok', 'Zakho', 'Soran', 'Koya', 'Sulaymaniyah', 'Akre', 'Amedi'];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function measure(fn: () => Promise<unknown>): Promise<LatencySummary> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await time(fn));
  return summarise(samples);
}

async function main(): Promise<void> {
  const dataSource = await createDataSource(process.env.DATABASE_URL!, { applicationName: 'bench-matching' }).initialize();
  const placements = new PlacementsRepository(dataSource);
  const pack = rulePackInForceAt('krg', new Date());
  const today = localDateOf(new Date(), pack.timeZone);
  const [{ id: staffId }] = await dataSource.query(`INSERT INTO staff_user (username, display_name, password_hash, roles) VALUES ($1, 'Bench worker', 'x', '{caseworker}') RETURNING id`, [`bench-${randomUUID()}`]);

  // A child of 9 needing a short-term placement, with a brother not yet placed, who speaks Sorani.
  const childId = randomUUID();
  const [{ id: groupId }] = await dataSource.query(`INSERT INTO sibling_group DEFAULT VALUES RETURNING id`);
  for (const [id, name] of [[childId, 'Bench Child'], [randomUUID(), 'Bench Brother']]) {
    await dataSource.query(
      `INSERT INTO child (id, full_name, date_of_birth, sex, languages, ethnicity, religion, school_area, family_latitude, family_longitude, referral_source, referred_on,
                          looked_after_on, legal_basis, stage, placement_type_needed, rule_pack_id, rule_pack_version, created_by, sibling_group_id)
       VALUES ($1, $2, '2017-05-01', 'female', '{ckb}', 'Kurdish', 'Muslim', 'Erbil', 36.19, 44.01, 'court', $3, $3, 'guardianship', 'matching', 'short-term', $4, $5, $6, $7)`,
      [id, name, today, pack.id, pack.version, staffId, groupId],
    );
  }

  let households = 0;
  const seed = async (upTo: number) => {
    const from = households + 1;
    await dataSource.query(
      `WITH h AS (
         INSERT INTO household (id, stage, rule_pack_id, primary_contact_name, area, preferred_language, created_by, latitude, longitude, ethnicities, religions, cultures)
         SELECT gen_random_uuid(), 'approved', 'krg', 'Carers ' || i, ($3::text[])[1 + i % 8], 'ckb', $4, 35.5 + (i % 97) / 60.0, 42.5 + (i % 89) / 40.0,
                ARRAY[(ARRAY['Kurdish', 'Arab', 'Assyrian', 'Turkmen', 'Yazidi'])[1 + i % 5]], ARRAY[(ARRAY['Muslim', 'Christian', 'Yazidi'])[1 + i % 3]], '{}'
           FROM generate_series($1::int, $2::int) i
         RETURNING id, primary_contact_name
       ), numbered AS (SELECT id, primary_contact_name, row_number() OVER () AS n FROM h)
       INSERT INTO case_file (case_ref, kind, subject_id, case_number, display_name, search_name, rule_pack_id)
       SELECT 'household:' || id, 'household', id, 'H-1990-' || lpad(($1::int + n - 1)::text, 6, '0'), primary_contact_name, lower(primary_contact_name), 'krg' FROM numbered`,
      [from, upTo, AREAS, staffId],
    );
    await dataSource.query(
      `INSERT INTO carer_register (household_id, approved_at, max_children, age_min, age_max, sexes, placement_types, languages, places_taken)
       SELECT cf.subject_id, now(), 1 + n % 3, (n % 4) * 2, 8 + n % 10, CASE WHEN n % 7 = 0 THEN '{male}'::text[] ELSE '{female,male}' END,
              (ARRAY['{short-term}', '{short-term,long-term}', '{long-term}', '{emergency,short-term}', '{respite}'])[1 + n % 5]::text[],
              (ARRAY['{ckb}', '{kmr}', '{ar}', '{ckb,ar}'])[1 + n % 4]::text[], CASE WHEN n % 5 = 0 THEN 1 + n % 3 ELSE 0 END
         FROM (SELECT subject_id, substring(case_number from 9)::int AS n FROM case_file WHERE kind = 'household' AND case_number LIKE 'H-1990-%') cf
        WHERE cf.n BETWEEN $1 AND $2`,
      [from, upTo],
    );
    households = upTo;
    await dataSource.query(`ANALYZE household; ANALYZE carer_register; ANALYZE case_file`);
  };

  const weights = packFigures(pack).matching;
  const results: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    await seed(size);
    const raw = await measure(() => placements.candidates({ ageYears: 9, sex: 'female', placementType: 'short-term' }));
    const shortlist = await measure(() => shortlistOf(placements, childId, weights, today));
    const listed = await shortlistOf(placements, childId, weights, today);
    const row = { households: size, candidates: listed!.entries.length, rawSqlMs: raw, shortlistMs: shortlist, ratioP50: Math.round((shortlist.p50 / raw.p50) * 100) / 100 };
    results.push(row);
    console.log(
      `${size} households, ${listed!.entries.length} on the shortlist: raw SQL p50 ${raw.p50} ms p95 ${raw.p95} ms; ranked shortlist p50 ${shortlist.p50} ms p95 ${shortlist.p95} ms (×${row.ratioP50})`,
    );
  }
  const at10k = results.find((row) => row.households === 10_000) as { shortlistMs: LatencySummary } | undefined;
  const verdict = at10k ? (at10k.shortlistMs.p50 <= TARGET_P50_MS ? 'met' : 'MISSED') : 'not measured';
  console.log(`Goal: the ranked shortlist p50 <= ${TARGET_P50_MS} ms at 10 000 households: ${verdict}. Load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores.`);
  console.log(`Results: ${writeResult('matching', { at: new Date().toISOString(), results, goal: { p50Ms: TARGET_P50_MS, at: 10_000 }, verdict } as { at: string })}`);
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
