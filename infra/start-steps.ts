import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type Db, systemToday } from '@donghanh/db';
import {
  type DemoCase,
  demoCampaign,
  demoCases,
  demoClasses,
  demoSchoolStaff,
  demoStudents,
  demoUsers,
  loadDemoOrganisation,
  setDemoPasswords,
} from '@donghanh/db/seed';
import {
  CASE_STAGES,
  type CheckInWindow,
  campaignSettingsSchema,
  type IsoDate,
  termPlan,
} from '@donghanh/domain';
import { signedInClient } from '@donghanh/server/testing';
import { DataKeyCodec, sealedDataConverter } from '@donghanh/workflows/codec';
import {
  assignHelperUpdate,
  type CaseWorkflowState,
  caseWorkflowId,
  decideClosureUpdate,
  fileCheckInUpdate,
  HELPING_STAGES,
  proposeClosureUpdate,
  requestTransferUpdate,
  respondOfferUpdate,
  reviewEvaluationUpdate,
  reviewPlanUpdate,
  startEvaluationUpdate,
  stateQuery,
  submitEvaluationUpdate,
  submitPlanUpdate,
  TASK_QUEUE,
} from '@donghanh/workflows/messages';
import { taskIds } from '@donghanh/workflows/task-ids';
import {
  Client,
  Connection,
  type UpdateDefinition,
  type WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';

/** Builds the dashboard through Turborepo, whose cache makes later starts near-instant. */
export function buildWeb(root: string, say: (m: string) => void): Promise<void> {
  say('giao diện / building the dashboard (cached after the first time)');
  return new Promise((resolve, reject) => {
    const proc = spawn(
      join(root, 'node_modules', '.bin', 'turbo'),
      ['run', 'build', '--filter=@donghanh/web', '--output-logs=errors-only', '--log-prefix=none'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      },
    );
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`web build failed (exit ${code})`)),
    );
  });
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not healthy after ${timeoutMs / 1000} s: ${last}`);
}

const DEMO_FLAG = 'demo-data-v2';
/** How long a demo step waits for the workflow to reach the state it needs (e.g. a term planned). */
const STATE_TIMEOUT_MS = 60_000;
/** Demo cases driven at once. */
const DEMO_CONCURRENCY = 8;

/**
 * Loads the demo once: the organisation directly (reference data), the cases through the API
 * and their workflows, like the people would. Steps after screening go to the workflow as the
 * demo teachers, coordinators and principals (their API procedures arrive with sign-in). Safe to
 * re-run after a failure midway: every step checks the case's workflow state first, and the
 * flag is only set once every case stands where `demoCases` says it should.
 */
export async function loadDemoData(
  db: Db,
  baseUrl: string,
  /** Where Temporal is, and the data key the worker seals payloads with. */
  temporalAt: { address: string; dataKey: string },
  say: (m: string) => void,
  /** The case worker's queue (tests run their own). */
  taskQueue: string = TASK_QUEUE,
): Promise<void> {
  if (await db.systemFlag.findUnique({ where: { key: DEMO_FLAG } })) {
    // A demo loaded before sign-in existed: its accounts get the demo password now.
    if ((await setDemoPasswords(db)) > 0)
      say('dữ liệu demo: đặt mật khẩu demo / demo accounts given the demo password');
    await startDemoReportRounds(baseUrl, say);
    return;
  }
  if (process.env.DONGHANH_DEMO === '0') return;
  say('dữ liệu demo / loading demo data (once)');
  await loadDemoOrganisation(db);
  // Each school's coordinator signs in and proposes and screens that school's cases.
  const clients = new Map<string, Promise<Api>>();
  const api = (studentId: string): Promise<Api> => {
    const username = demoUsers.find((u) => u.id === staffOf(studentId)?.coordinatorId)?.username;
    if (!username) throw new Error(`demo case ${studentId}: no coordinator`);
    let client = clients.get(username);
    if (!client) {
      client = signedInClient(baseUrl, username);
      clients.set(username, client);
    }
    return client;
  };
  const checkIn = await checkInOpenToday(db);
  if (!checkIn)
    say(
      'dữ liệu demo: hôm nay không có kỳ cập nhật hằng tháng nào mở / no monthly check-in is open today: none is filed',
    );
  const connection = await Connection.connect({ address: temporalAt.address });
  const codec = new DataKeyCodec({ current: temporalAt.dataKey });
  const temporal = new Client({ connection, dataConverter: sealedDataConverter(codec) });
  try {
    await waitForWorker(temporal, taskQueue, STATE_TIMEOUT_MS);
    await inPool(demoCases, DEMO_CONCURRENCY, (c) => driveDemoCase(c, { api, temporal, checkIn }));
  } finally {
    await connection.close();
  }
  await startDemoReportRounds(baseUrl, say);
  await db.systemFlag.create({ data: { key: DEMO_FLAG, value: new Date().toISOString() } });
  const byStage = CASE_STAGES.map((stage) => `${stage} ${demoCases.filter((c) => c.stage === stage).length}`);
  say(`dữ liệu demo / demo: ${demoCases.length} hồ sơ / cases — ${byStage.join(', ')}`);
}

/**
 * Report rounds (issue 12): the province's office coordinator starts the demo campaign's rounds
 * through the API, one workflow per school and round. Idempotent: a data folder loaded before
 * report rounds existed gets them on its next start, a running round is left as it is.
 */
async function startDemoReportRounds(baseUrl: string, say: (m: string) => void): Promise<void> {
  const office = await signedInClient(baseUrl, 'cv.ha');
  const r = await office.reportRound.start.mutate({ campaignId: demoCampaign.id });
  if (r.started > 0)
    say(`dữ liệu demo: mở ${r.started} báo cáo định kỳ / ${r.started} report rounds started`);
}

/**
 * Waits for the worker to poll the case task queue: until it does, each identification waits in
 * Temporal, and a fresh worker (bundling its workflows) can outlast the API's workflow deadline.
 */
async function waitForWorker(temporal: Client, taskQueue: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const queue = await temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue },
    });
    if ((queue.pollers?.length ?? 0) > 0) return;
    if (Date.now() > until)
      throw new Error(`no worker polls task queue ${taskQueue} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The monthly check-in open today (systemToday(): DONGHANH_TODAY when pinned) on the demo
 * campaign's calendar, as the workflow plans it; tests derive their expectations from it.
 */
export async function checkInOpenToday(
  db: Db,
  today: IsoDate = systemToday(),
): Promise<CheckInWindow | null> {
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: demoCampaign.id },
    select: { settings: true },
  });
  const settings = campaignSettingsSchema.safeParse(campaign.settings);
  if (!settings.success) return null;
  return termPlan(today, settings.data)?.checkIns.find((w) => w.opensOn <= today) ?? null;
}

async function inPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      // One failing case does not stop the others: a restart then has less left to do.
      await fn(item).catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Error(failures.map((e) => (e as Error).message).join('\n'));
}

type Api = Awaited<ReturnType<typeof signedInClient>>;

interface DemoDeps {
  api: (studentId: string) => Promise<Api>;
  temporal: Client;
  checkIn: CheckInWindow | null;
}

/** Stages in which the workflow lives a term: check-ins run, an evaluation may open. */
const HELPING: readonly CaseWorkflowState['stage'][] = HELPING_STAGES;

function staffOf(studentId: string) {
  const student = demoStudents.find((s) => s[0] === studentId);
  const cls = demoClasses.find((c) => c.id === student?.[1]);
  if (!cls) throw new Error(`demo case ${studentId}: unknown student or class`);
  return demoSchoolStaff[cls.schoolId];
}

/**
 * The guardian's consent, on the signed paper form the school keeps, right after screening: a
 * helper is never offered without it. Skipped when the case already has one: a re-run after a
 * failure midway records nothing twice. Every demo pupil is past 7, so the child agrees too.
 */
async function recordDemoConsent(client: Api, caseId: string, label: string): Promise<void> {
  const held = await client.consent.get.query({ caseId });
  if (held.state === 'consent' || held.state === 'legal_basis') return;
  // Signed on the calendar's today (DONGHANH_TODAY when pinned), the day the dashboard's form
  // offers: the consent step checks against legalToday, which never refuses it.
  const today = systemToday();
  await client.consent.record
    .mutate({
      caseId,
      recordingId: randomUUID(),
      givenOn: today,
      guardian: { name: 'Phụ huynh học sinh', relation: 'mother' },
      method: { kind: 'paper_form', formNumber: `DY-${caseId.slice(-8)}`, signedOn: today },
      childAgreed: true,
      coverage: { help: true, schoolProcessing: true, officeSharing: true },
    })
    .catch((error: Error) => {
      throw new Error(`${label} (${caseId}): consent.record failed: ${error.message}`);
    });
}

/** Opens one demo case through the API and takes it, step by step, to its stage. */
async function driveDemoCase(c: DemoCase, { api, temporal, checkIn }: DemoDeps): Promise<void> {
  const label = `demo case ${c.studentId}`;
  const client = await api(c.studentId);
  const { caseId } = await client.case.identify
    .mutate({
      campaignId: demoCampaign.id,
      studentId: c.studentId,
      categories: [...c.categories],
      source: 'staff_proposal',
      ...(c.reason ? { reason: c.reason } : {}),
    })
    .catch((error: Error) => {
      throw new Error(`${label}: case.identify failed: ${error.message}`);
    });
  const handle: WorkflowHandle = temporal.workflow.getHandle(caseWorkflowId(caseId));
  const { coordinatorId, principalId } = staffOf(c.studentId);
  const state = () => handle.query(stateQuery);
  const describe = (s: CaseWorkflowState) => `stage ${s.stage}, open tasks [${s.openTaskIds.join(', ')}]`;
  const waitFor = async (
    what: string,
    ready: (s: CaseWorkflowState) => boolean,
  ): Promise<CaseWorkflowState> => {
    const until = Date.now() + STATE_TIMEOUT_MS;
    for (;;) {
      const s = await state();
      if (ready(s)) return s;
      if (Date.now() > until)
        throw new Error(
          `${label} (${caseId}): ${what} not reached after ${STATE_TIMEOUT_MS / 1000} s; ${describe(s)}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  /** The term planned and today's check-in opened: the workflow's start of help has settled. */
  const settled = (s: CaseWorkflowState) =>
    !HELPING.includes(s.stage) || (s.term !== null && (!checkIn || s.checkIns[checkIn.key] !== undefined));
  const send = async <R, A>(name: string, update: UpdateDefinition<R, [A]>, arg: A) => {
    try {
      await handle.executeUpdate(update, { args: [arg] });
    } catch (error) {
      // A validator's or an activity's refusal arrives as the update's cause (type StepRejected, RuleViolation:…).
      const cause =
        error instanceof WorkflowUpdateFailedError ? (error.cause as Error & { type?: string }) : undefined;
      const why = cause ? `${cause.message} [${cause.type ?? cause.name}]` : (error as Error).message;
      throw new Error(`${label} (${caseId}): ${name} failed: ${why}`);
    }
  };
  const helper = () => {
    if (!c.helperId) throw new Error(`${label}: a step needs the case's helperId`);
    return c.helperId;
  };

  for (const step of c.steps) {
    const s = await state();
    switch (step.step) {
      case 'screen':
        if (s.stage === 'identified')
          await client.case.screen
            .mutate(
              step.decision === 'accept'
                ? { caseId, decision: 'accept' }
                : { caseId, decision: 'decline', reason: step.reason },
            )
            .catch((error: Error) => {
              throw new Error(`${label} (${caseId}): case.screen failed: ${error.message}`);
            });
        // Accepted cases are consented to at once, so the demo's coordinator can assign them.
        if (step.decision === 'accept') await recordDemoConsent(client, caseId, label);
        break;
      case 'offer': {
        const taskId = taskIds.assign(caseId, s.assignmentRound);
        if (s.stage === 'assignment' && !s.offer && s.openTaskIds.includes(taskId))
          await send('assignHelper', assignHelperUpdate, {
            taskId,
            actorId: coordinatorId,
            helperId: helper(),
            ...(step.sponsor ? { sponsor: step.sponsor } : {}),
          });
        break;
      }
      case 'acceptOffer':
        if (s.offer && s.offer.helperId === helper())
          await send('respondOffer', respondOfferUpdate, {
            taskId: s.offer.taskId,
            actorId: helper(),
            accept: true,
          });
        break;
      case 'submitPlan': {
        const taskId = taskIds.plan(caseId, step.version);
        if (s.stage === 'plan' && s.planVersion === step.version && s.openTaskIds.includes(taskId))
          await send('submitPlan', submitPlanUpdate, {
            taskId,
            actorId: helper(),
            goals: step.goals,
            kinds: step.kinds,
          });
        break;
      }
      case 'reviewPlan': {
        const taskId = taskIds.planReview(caseId, step.version);
        if (s.stage === 'plan' && s.openTaskIds.includes(taskId))
          await send('reviewPlan', reviewPlanUpdate, {
            taskId,
            actorId: coordinatorId,
            approve: step.approve,
            comment: step.comment,
          });
        break;
      }
      case 'fileCheckIn': {
        if (!checkIn) break;
        const taskId = taskIds.checkIn(caseId, checkIn.key);
        // After the plan's approval the workflow plans its term first, then opens the check-in.
        const ready = await waitFor(
          `check-in ${checkIn.key} open`,
          (x) => x.checkIns[checkIn.key] !== undefined,
        );
        if (!ready.checkIns[checkIn.key]?.filed)
          await send('fileCheckIn', fileCheckInUpdate, { taskId, actorId: helper(), report: step.report });
        break;
      }
      case 'startEvaluation': {
        const ready = await waitFor('term planned', settled);
        const evaluated = ready.evaluation !== null && ready.evaluation.term === ready.term;
        if (ready.stage === 'active' && !evaluated)
          await send('startEvaluation', startEvaluationUpdate, {
            actorId: coordinatorId,
            reason: step.reason,
          });
        break;
      }
      case 'submitEvaluation': {
        const e = s.evaluation;
        if (s.stage === 'evaluation' && e?.step === 'draft')
          await send('submitEvaluation', submitEvaluationUpdate, {
            taskId: taskIds.evaluation(caseId, e.term, e.version),
            actorId: helper(),
            draft: step.draft,
          });
        break;
      }
      case 'reviewEvaluation': {
        const e = s.evaluation;
        if (s.stage === 'evaluation' && e?.step === 'review')
          await send('reviewEvaluation', reviewEvaluationUpdate, {
            taskId: taskIds.evaluationReview(caseId, e.term, e.version),
            actorId: coordinatorId,
            approve: step.approve,
            comment: step.comment,
          });
        break;
      }
      case 'proposeClosure': {
        if (s.counters.closure > 0) break; // proposed already (and perhaps decided)
        // Not while the term's first steps run: a check-in opening after the closure would stay open.
        const ready = await waitFor('term planned', settled);
        if (!ready.closure)
          await send('proposeClosure', proposeClosureUpdate, {
            actorId: coordinatorId,
            reason: step.reason,
            note: step.note,
          });
        break;
      }
      case 'decideClosure':
        if (s.stage === 'closure' && s.closure)
          await send('decideClosure', decideClosureUpdate, {
            taskId: taskIds.closure(caseId, s.closure.round),
            actorId: principalId,
            approve: step.approve,
            comment: step.comment,
          });
        break;
      case 'requestTransfer': {
        if (s.counters.transfer > 0) break;
        await waitFor('term planned', settled);
        await send('requestTransfer', requestTransferUpdate, {
          actorId: coordinatorId,
          toSchoolId: step.toSchoolId,
          toSchoolUnitId: step.toSchoolUnitId,
          note: step.note,
        });
        break;
      }
      default:
        step satisfies never;
    }
  }
  const end = await state();
  if (end.stage !== c.stage)
    throw new Error(`${label} (${caseId}): expected stage ${c.stage}, got ${describe(end)}`);
}
