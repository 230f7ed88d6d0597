/**
 * Roll-up benchmark (docs/reports.md): a province with 25 communes × 20 schools = 500 schools and
 * 50,000 cases (100 per school; about 70 % being helped with three monthly check-ins each, some
 * closed, some evaluated), and every school's round-1 report in some status. Times the office's
 * roll-up of the whole province — the year's (aggregated live from the cases in SQL) and round 1's
 * (from what the schools sent) — and prints the figures. Target: ≤ 2 s.
 *
 *   npm run rollup -w @donghanh/bench     (BENCH_SCHOOLS, BENCH_CASES_PER_SCHOOL, BENCH_RUNS override)
 */
import { performance } from 'node:perf_hooks';
import { createDb, migrateDeploy, reportRollup } from '@donghanh/db';
import { loadDemoOrganisation } from '@donghanh/db/seed';
import { withDatabase } from '@donghanh/db/testing';
import { Cleanups, intEnv, log, machineLine, ms, startBenchPostgres, stats } from './bench-kit';

const SCHOOLS = intEnv('BENCH_SCHOOLS', 500);
const PER_SCHOOL = intEnv('BENCH_CASES_PER_SCHOOL', 100);
const RUNS = intEnv('BENCH_RUNS', 7);
const COMMUNES = Math.max(1, Math.round(SCHOOLS / 20));
const CAMPAIGN = 'camp-sl-2026';
const TARGET_MS = 2000;

async function main(): Promise<number> {
  const cleanups = new Cleanups();
  try {
    const cluster = await startBenchPostgres('donghanh-bench-rollup-', 'postgres', cleanups);
    const url = withDatabase(cluster.url, 'postgres');
    await migrateDeploy(url);
    const db = createDb(url);
    cleanups.push(['db', () => db.$disconnect()]);
    await loadDemoOrganisation(db);

    let t = performance.now();
    // Communes under the province, schools under the communes, a class per school.
    await db.$executeRawUnsafe(`
      INSERT INTO "Unit" (id, kind, code, name, "parentId")
      SELECT 'bc-' || c, 'COMMUNE_OFFICE', 'bc' || c, 'Phòng VH–XH xã ' || c, 'u-so-sonla'
      FROM generate_series(1, ${COMMUNES}) c`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Unit" (id, kind, code, name, "parentId")
      SELECT 'bu-' || s, 'SCHOOL', 'bs' || s, 'Trường THCS số ' || s, 'bc-' || (1 + (s % ${COMMUNES}))
      FROM generate_series(1, ${SCHOOLS}) s`);
    await db.$executeRawUnsafe(`
      INSERT INTO "School" (id, "unitId", name, level)
      SELECT 'bs-' || s, 'bu-' || s, 'Trường THCS số ' || s, 'LOWER_SECONDARY' FROM generate_series(1, ${SCHOOLS}) s`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Class" (id, "schoolId", "schoolYear", grade, name)
      SELECT 'bk-' || s, 'bs-' || s, 2026, 7, '7A' FROM generate_series(1, ${SCHOOLS}) s`);
    // Students and cases: 100 per school.
    await db.$executeRawUnsafe(`
      INSERT INTO "Student" (id, "schoolId", "classId", "fullName", "searchName", "updatedAt")
      SELECT 'bst-' || i, 'bs-' || (1 + (i % ${SCHOOLS})), 'bk-' || (1 + (i % ${SCHOOLS})),
             'Học sinh ' || i, 'hoc sinh ' || i, now()
      FROM generate_series(1, ${SCHOOLS * PER_SCHOOL}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Case" (id, code, "campaignId", "studentId", "schoolId", stage, categories, source,
                          "helperId", "closureReason", "closedAt", "updatedAt")
      SELECT 'bcase-' || i, 'HS-B' || i, '${CAMPAIGN}', 'bst-' || i, 'bs-' || (1 + (i % ${SCHOOLS})),
             (CASE WHEN i % 10 < 7 THEN 'active' WHEN i % 10 = 7 THEN 'closed' WHEN i % 10 = 8 THEN 'evaluation'
                   ELSE 'identified' END)::"CaseStage",
             CASE WHEN i % 3 = 0 THEN ARRAY['economic_hardship','dropout_risk'] WHEN i % 3 = 1 THEN ARRAY['weak_results']
                  ELSE ARRAY['dropped_out'] END,
             'staff_proposal', 'u-gv-lan',
             CASE WHEN i % 10 = 7 THEN (ARRAY['goal_reached','dropped_out','transferred'])[1 + i % 3] END,
             CASE WHEN i % 10 = 7 THEN timestamp '2026-11-20' END, now()
      FROM generate_series(1, ${SCHOOLS * PER_SCHOOL}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "CheckIn" (id, "caseId", month, term, "authorId", report, "riskLevel", "tutoringHours",
                             "materialVnd", "dueAt", "filedAt", late)
      SELECT 'bci-' || c.id || '-' || m, c.id, m, '2026-2027/1', 'u-gv-lan',
             jsonb_build_object(
               'tutoring', jsonb_build_object('sessions', 4, 'hours', 6, 'subjects', jsonb_build_array('Toán')),
               'material', jsonb_build_array(
                 jsonb_build_object('kind', 'rice', 'quantity', 10, 'valueVnd', 180000),
                 jsonb_build_object('kind', 'money', 'quantity', 200000, 'valueVnd', 200000),
                 jsonb_build_object('kind', 'books', 'quantity', 2, 'valueVnd', 50000)),
               'familyContact', jsonb_build_object('visits', 1, 'calls', 2),
               'absentDays', 0, 'riskLevel', 'low', 'notes', 'Ghi chú'),
             'low', 6, 430000, now(), now(), false
      FROM "Case" c CROSS JOIN (VALUES ('2026-09'), ('2026-10'), ('2026-11')) AS mm(m)
      WHERE c."campaignId" = '${CAMPAIGN}' AND c.stage IN ('active', 'evaluation', 'closed')`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Evaluation" (id, "caseId", term, version, status, content, decision, "authorId", "draftedAt", "decidedAt")
      SELECT 'bev-' || c.id, c.id, '2026-2027/1', 1, 'SIGNED_OFF',
             jsonb_build_object('resultsBefore', 'dat', 'resultsAfter', 'kha'), 'continue', 'u-gv-lan', now(),
             timestamp '2026-12-10'
      FROM "Case" c WHERE c.stage = 'evaluation' AND c."campaignId" = '${CAMPAIGN}'`);
    await db.$executeRawUnsafe(`
      INSERT INTO "SchoolReport" (id, "campaignId", round, "roundName", "schoolId", "schoolUnitId", "recipientUnitId",
                                  status, late, "periodFrom", "periodTo", "opensOn", "dueOn", version, figures, "updatedAt")
      SELECT 'brp-' || s, '${CAMPAIGN}', 1, 'Báo cáo học kỳ I', 'bs-' || s, 'bu-' || s, 'bc-' || (1 + (s % ${COMMUNES})),
             (ARRAY['draft','signed','submitted','returned','accepted'])[1 + s % 5], s % 7 = 0,
             date '2026-09-05', date '2026-12-25', date '2026-12-11', date '2026-12-25', 2,
             '{"pupils":{"helped":70,"byCategory":{"weak_results":23},"newlyHelped":10,"closed":10,"closedByReason":{"goal_reached":4}},"helpers":12,"help":{"tutoringSessions":840,"tutoringHours":1260,"moneyVnd":42000000,"riceKg":2100,"riceValueVnd":37800000,"goods":[{"kind":"books","quantity":420,"valueVnd":10500000}],"goodsValueVnd":10500000,"familyVisits":210},"evaluations":{"approved":10,"improved":10},"dropouts":{"prevented":23,"returned":23}}',
             now()
      FROM generate_series(1, ${SCHOOLS}) s`);
    await db.$executeRawUnsafe('ANALYZE');
    const counts = await db.$queryRawUnsafe<{ cases: number; checkins: number }[]>(
      `SELECT (SELECT count(*) FROM "Case")::int AS cases, (SELECT count(*) FROM "CheckIn")::int AS checkins`,
    );
    log(
      `seeded ${SCHOOLS} schools, ${counts[0]?.cases} cases, ${counts[0]?.checkins} check-ins in ${ms(performance.now() - t)} ms`,
    );

    const time = async (scope: Parameters<typeof reportRollup>[1]['scope']) => {
      const samples: number[] = [];
      let schools = 0;
      let helped = 0;
      for (let i = 0; i < RUNS; i++) {
        t = performance.now();
        const tree = await reportRollup(db, { campaignId: CAMPAIGN, unitId: 'u-so-sonla', scope });
        samples.push(performance.now() - t);
        schools = tree?.schoolCount ?? 0;
        helped = tree?.totals.pupils.helped ?? 0;
      }
      return { ...stats(samples), schools, helped };
    };
    const year = await time({ year: { from: '2026-09-05', to: '2027-05-29' } });
    const round = await time({ round: 1 });
    const ok = year.max <= TARGET_MS && round.max <= TARGET_MS;
    console.log(`\n## Province roll-up (${machineLine()})\n`);
    console.log('| roll-up | schools | pupils helped | p50 ms | max ms | target |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(
      `| year (live from ${counts[0]?.cases} cases) | ${year.schools} | ${year.helped} | ${ms(year.p50)} | ${ms(year.max)} | ≤ ${TARGET_MS} |`,
    );
    console.log(
      `| round 1 (reports sent) | ${round.schools} | ${round.helped} | ${ms(round.p50)} | ${ms(round.max)} | ≤ ${TARGET_MS} |`,
    );
    console.log(ok ? '\nwithin target' : '\nOVER TARGET');
    return ok ? 0 : 1;
  } finally {
    await cleanups.run();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
