/**
 * Reminder-delivery benchmark (issue 13): N check-in reminders due in the same minute, delivered
 * through the real pipeline — outbox rows, the relay, one delivery workflow per reminder on the
 * Temporal dev server, the claim / send / record activity, nodemailer to the local SMTP catcher.
 * Prints the rate and the p50/p95/p99 delay from the due time to SMTP acceptance (the catcher's
 * receipt), and checks every reminder arrived exactly once.
 *
 *   npm run bench:notify                              10,000 reminders, 200 teachers
 *   npm run bench:notify -- --reminders 2000 --recipients 100 [--timeout-min 30]
 *   BENCH_REMINDERS=2000 BENCH_RECIPIENTS=100 npm run bench:notify   (the same by env)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDb,
  FieldCipher,
  mailMessageId,
  migrateDeploy,
  notificationId,
  type Prisma,
} from '@donghanh/db';
import { demoCampaign, loadDemoOrganisation } from '@donghanh/db/seed';
import { withDatabase } from '@donghanh/db/testing';
import { notificationFacts } from '@donghanh/domain';
import { DataKeyCodec } from '@donghanh/workflows/codec';
import { MailCatcher } from '@donghanh/workflows/mail-catcher';
import { SmtpChannel, startNotificationRelay } from '@donghanh/workflows/notify';
import { startTestTemporal } from '@donghanh/workflows/testing';
import { createCaseWorker, temporalCaseHistories } from '@donghanh/workflows/worker';
import pg from 'pg';
// @ts-expect-error plain ESM script without types
import { ensureTemporalCli } from '../infra/ensure-temporal.mjs';
import {
  Cleanups,
  intEnv,
  log,
  machine,
  machineLine,
  ms,
  startBenchPostgres,
  stats,
  waitFor,
} from './bench-kit';

/** `--name value` on the command line wins over the environment (h13). */
function intArg(name: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  if (at >= 0 && !(Number.isInteger(v) && v > 0)) throw new Error(`--${name} needs a positive integer`);
  return at >= 0 ? v : intEnv(env, fallback);
}
const REMINDERS = intArg('reminders', 'BENCH_REMINDERS', 10_000);
const RECIPIENTS = intArg('recipients', 'BENCH_RECIPIENTS', 200);
const TIMEOUT_MS = intArg('timeout-min', 'BENCH_TIMEOUT_MIN', 60) * 60_000;

async function main(): Promise<number> {
  const cleanups = new Cleanups();
  try {
    const temporalCli: string = await ensureTemporalCli();
    const cluster = await startBenchPostgres('donghanh-bench-notify-', 'postgres', cleanups);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE "bench_notify"').finally(() => admin.end());
    const url = withDatabase(cluster.url, 'bench_notify');
    await migrateDeploy(url);
    const db = createDb(url, { max: 20 });
    cleanups.push(['db', () => db.$disconnect()]);
    await loadDemoOrganisation(db);

    const dataKey = FieldCipher.generateKey();
    const codec = new DataKeyCodec({ current: dataKey });
    const env = await startTestTemporal(temporalCli, { codec });
    cleanups.push(['temporal', () => env.teardown()]);
    const catcher = await new MailCatcher().start();
    cleanups.push(['catcher', () => catcher.stop()]);
    const taskQueue = 'bench-notify';
    const worker = await createCaseWorker({
      connection: env.nativeConnection,
      db,
      taskQueue,
      codec,
      maxCachedWorkflows: 2000,
      histories: temporalCaseHistories(env.client),
      mailer: {
        channel: new SmtpChannel({
          url: catcher.smtpUrl,
          from: 'bench@donghanh.test',
          catcherUrl: catcher.webUrl,
        }),
        appUrl: 'http://localhost:3000',
        unsubscribeSecret: 'bench',
      },
    });
    const running = worker.run();
    cleanups.push([
      'worker',
      async () => {
        worker.shutdown();
        await running;
      },
    ]);

    // One helped case per recipient, each with its month's check-in task (as the workflow opens them).
    const users = Array.from({ length: RECIPIENTS }, (_, i) => ({
      id: `bench-u-${i}`,
      username: `bench.u${i}`,
      displayName: `Giáo viên ${i}`,
      email: `bench.u${i}@donghanh.test`,
    }));
    await db.user.createMany({ data: users });
    await db.notificationPreference.createMany({
      data: users.map((u) => ({ userId: u.id, quietStart: 0, quietEnd: 0 })),
    });
    const students = users.map((_u, i) => ({
      id: `bench-st-${i}`,
      schoolId: 's-thcs-chiengle',
      fullName: `Học Sinh Đo ${i}`,
      searchName: `hoc sinh do ${i}`,
    }));
    await db.student.createMany({ data: students });
    await db.case.createMany({
      data: users.map((u, i) => ({
        id: `bench-c-${i}`,
        code: `HS26-B${String(i).padStart(5, '0')}`,
        campaignId: demoCampaign.id,
        studentId: `bench-st-${i}`,
        schoolId: 's-thcs-chiengle',
        stage: 'active' as const,
        source: 'staff_proposal',
        helperId: u.id,
      })),
    });
    await db.task.createMany({
      data: users.map((u, i) => ({
        id: `bench-c-${i}:checkin:2026-12`,
        caseId: `bench-c-${i}`,
        type: 'file_checkin',
        assigneeUserId: u.id,
        dueOn: new Date('2026-12-25T00:00:00Z'),
        payload: { month: '2026-12' },
      })),
    });

    // The minute they are all due: every reminder's outbox row written at once (as many
    // remindCheckIn steps committing in the same minute would), the relay then takes over.
    const dueAt = new Date();
    const rows: Prisma.NotificationCreateManyInput[] = Array.from({ length: REMINDERS }, (_, n) => {
      const i = n % RECIPIENTS;
      const taskId = `bench-c-${i}:checkin:2026-12`;
      const round = `bench-round-${Math.floor(n / RECIPIENTS)}`;
      const id = notificationId(taskId, 'checkin_reminder', `bench-u-${i}`, round);
      return {
        id,
        userId: `bench-u-${i}`,
        caseId: `bench-c-${i}`,
        taskId,
        subject: taskId,
        kind: 'checkin_reminder',
        round,
        createdAt: dueAt,
        messageId: mailMessageId(id),
        facts: notificationFacts({
          caseCode: `HS26-B${String(i).padStart(5, '0')}`,
          taskType: 'file_checkin',
          dueOn: '2026-12-25',
          schoolName: 'THCS Chiềng Lề',
          period: '2026-12',
        }) as unknown as Prisma.InputJsonObject,
      };
    });
    for (let k = 0; k < rows.length; k += 1000)
      await db.notification.createMany({ data: rows.slice(k, k + 1000) });
    log(`${REMINDERS} reminders due at ${dueAt.toISOString()} for ${RECIPIENTS} teachers`);
    const relay = startNotificationRelay({ db, client: env.client, taskQueue, intervalMs: 100, batch: 500 });
    cleanups.push(['relay', () => relay.stop()]);

    let last = 0;
    const done = await waitFor(() => {
      if (catcher.mails.length !== last) {
        last = catcher.mails.length;
        if (last % 500 === 0) log(`${last} delivered`);
      }
      return catcher.mails.length >= REMINDERS;
    }, TIMEOUT_MS);
    // Anything sent twice would show up here.
    await new Promise((r) => setTimeout(r, 2_000));
    const delays = catcher.mails.map((m) => new Date(m.receivedAt).getTime() - dueAt.getTime());
    const ids = new Set(catcher.mails.map((m) => m.messageId));
    const span = Math.max(...delays) / 1000;
    const s = stats(delays);
    const result = {
      reminders: REMINDERS,
      recipients: RECIPIENTS,
      delivered: catcher.mails.length,
      distinct: ids.size,
      allDelivered: done,
      ratePerSecond: catcher.mails.length / span,
      delayMs: s,
      machine: machine(),
    };
    console.log(`
## Reminders delivered by e-mail (${REMINDERS} due in the same minute)

${machineLine()}

| delivered | distinct Message-IDs | rate (mails/s) | p50 delay | p95 delay | p99 delay | max |
| --- | --- | --- | --- | --- | --- | --- |
| ${result.delivered} / ${REMINDERS} | ${result.distinct} | ${result.ratePerSecond.toFixed(1)} | ${ms(s.p50)} ms | ${ms(s.p95)} ms | ${ms(s.p99)} ms | ${ms(s.max)} ms |

Delay: from the due time (outbox rows committed) to the SMTP catcher accepting the mail.
`);
    const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `notify-${REMINDERS}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return done && ids.size === REMINDERS && catcher.mails.length === REMINDERS ? 0 : 1;
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
