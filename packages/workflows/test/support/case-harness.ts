import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldCipher } from '@donghanh/db';
import { loadDemoOrganisation } from '@donghanh/db/seed';
import { createTestDatabase, type TestDatabase } from '@donghanh/db/testing';
import { type CaseClock, type CheckInReport, isStepRefusal, STEP_REFUSALS } from '@donghanh/domain';
import {
  WithStartWorkflowOperation,
  type WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { expect, inject } from 'vitest';
import type { CaseActivities } from '../../src/activities';
import { taskIds } from '../../src/case/task-ids';
import { DataKeyCodec } from '../../src/codec';
import {
  assignHelperUpdate,
  type CaseTiming,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type ConsentRecordedResult,
  caseWorkflowId,
  identifyUpdate,
  recordConsentUpdate,
  respondOfferUpdate,
  reviewPlanUpdate,
  screenUpdate,
  stateQuery,
  submitPlanUpdate,
} from '../../src/messages';
import {
  type DeliverNotificationInput,
  type Mailer,
  type NotificationRelay,
  startNotificationRelay,
} from '../../src/notify';
import { startTestTemporal } from '../../src/testing';
import { createCaseWorker, temporalCaseHistories } from '../../src/worker';

export const COORDINATOR = 'u-ct-cl';
export const PRINCIPAL = 'u-ht-cl';
export const LAN = 'u-gv-lan'; // capacity 2
export const DUC = 'u-gv-duc'; // capacity 1
export const UYEN = 'u-gv-uyen'; // capacity 2
export const OTHER_COORDINATOR = 'u-ct-th';
export const OTHER_PRINCIPAL = 'u-ht-th';
export const SON = 'u-gv-son';

export const HISTORIES_DIR = join(import.meta.dirname, '..', 'histories');
/**
 * Recorded histories hold sealed payloads: they are sealed with this published, test-only key so
 * the replay test can open them (histories recorded before the codec are plaintext, and replay too).
 */
export const FIXTURE_DATA_KEY = Buffer.from('donghanh-replay-fixture-key-0001').toString('base64');

/** A real Temporal dev server, a fresh database with the demo organisation, and a worker. */
export class CaseHarness {
  env!: TestWorkflowEnvironment;
  database!: TestDatabase;
  private worker: Worker | undefined;
  private running: Promise<void> | undefined;
  readonly taskQueue = `cases-${randomUUID()}`;
  private readonly gates = new Map<string, Gate>();
  /** Set to skip the workflow/database check for a test that breaks it on purpose. */
  checkInvariant = true;
  /**
   * A case accepted at screening gets its guardian's consent recorded at once (the school's step
   * before assignment, which refuses without it). Off for a test of that gate.
   */
  consentOnScreening = true;
  /** The client and the worker seal history as the product's do. */
  readonly dataKey = process.env.RECORD_HISTORIES ? FIXTURE_DATA_KEY : FieldCipher.generateKey();
  readonly codec = new DataKeyCodec({ current: this.dataKey });

  async start(): Promise<void> {
    [this.env, this.database] = await Promise.all([
      startTestTemporal(inject('temporalCli'), { codec: this.codec }),
      createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate')),
    ]);
    await loadDemoOrganisation(this.database.db);
    await this.startWorker();
  }

  /** Notifications' mail channel and the outbox relay, for the notification tests (issue 13). */
  mailer: Mailer | undefined;
  relayDelivery: Omit<DeliverNotificationInput, 'id'> | undefined;
  private relay: NotificationRelay | undefined;

  /** `bundle`: other workflow code (a test of code deployed earlier); today's by default. */
  async startWorker(o: { bundle?: { code: string } } = {}): Promise<void> {
    if (this.relayDelivery && !this.relay)
      this.relay = startNotificationRelay({
        db: this.database.db,
        client: this.env.client,
        taskQueue: this.taskQueue,
        intervalMs: 100,
        delivery: this.relayDelivery,
      });
    this.worker = await createCaseWorker({
      ...(o.bundle ? { bundle: o.bundle } : {}),
      ...(this.mailer ? { mailer: this.mailer } : {}),
      connection: this.env.nativeConnection,
      db: this.database.db,
      namespace: this.env.namespace ?? 'default',
      taskQueue: this.taskQueue,
      maxCachedWorkflows: 50,
      wrapActivities: (activities) => this.gated(activities),
      codec: this.codec,
      cipher: new FieldCipher(this.dataKey),
      histories: temporalCaseHistories(this.env.client),
    });
    this.running = this.worker.run();
  }

  async stopWorker(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    this.worker = undefined;
  }

  async stop(): Promise<void> {
    await this.relay?.stop();
    await this.stopWorker();
    await this.env?.teardown();
    await this.database?.drop();
  }

  get db() {
    return this.database.db;
  }

  /**
   * Holds every call of an activity before it runs until `release()`: the test takes another
   * step while it waits, to reproduce a race at a chosen moment. `reached` resolves on the
   * first held call. With `after`, the activity runs (its transaction commits) and its result
   * is held instead: the workflow learns of it only at `release()`.
   */
  hold(activity: keyof CaseActivities, { after = false }: { after?: boolean } = {}): Gate {
    let release!: () => void;
    let reach!: () => void;
    const gate: Gate = {
      after,
      released: new Promise<void>((r) => {
        release = r;
      }),
      reached: new Promise<void>((r) => {
        reach = r;
      }),
      reach: () => reach(),
      release: () => {
        this.gates.delete(activity);
        release();
      },
    };
    this.gates.set(activity, gate);
    return gate;
  }

  private gated(activities: CaseActivities): CaseActivities {
    const wrapped: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(activities) as [string, (...a: unknown[]) => unknown][]) {
      wrapped[name] = async (...args: unknown[]) => {
        const before = this.gates.get(name);
        if (before && !before.after) {
          before.reach();
          await before.released;
        }
        const result = await fn(...args);
        const after = this.gates.get(name);
        if (after?.after) {
          after.reach();
          await after.released;
        }
        return result;
      };
    }
    return wrapped as CaseActivities;
  }

  /**
   * The workflow/database invariant: the case's stage and its open tasks in the database are
   * the workflow's. Timers move both on their own, so it retries until a snapshot in which the
   * workflow did not move while the database was read; a mismatch that lasts fails the test.
   */
  async expectConsistent(handle: WorkflowHandle, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      const before = await handle.query(stateQuery);
      const row = await this.db.case.findUnique({
        where: { id: before.caseId },
        select: { stage: true, tasks: { where: { status: 'OPEN' }, select: { id: true } } },
      });
      const after = await handle.query(stateQuery);
      const workflow = { stage: after.stage, open: [...after.openTaskIds].sort() };
      const database = { stage: row?.stage ?? 'starting', open: (row?.tasks ?? []).map((t) => t.id).sort() };
      const still = JSON.stringify(before) === JSON.stringify(after);
      if (still && JSON.stringify(workflow) === JSON.stringify(database)) return;
      last = { workflow, database };
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(last, 'database and workflow disagree on the case').toBeUndefined();
  }

  /** A handle whose every update is followed by the workflow/database invariant check. */
  private checked(handle: WorkflowHandle): WorkflowHandle {
    const harness = this;
    const executeUpdate = handle.executeUpdate.bind(handle);
    return new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop !== 'executeUpdate') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<typeof executeUpdate>) => {
          try {
            const result = await executeUpdate(...args);
            const step = (args[1] as { args?: [{ decision?: string }] } | undefined)?.args?.[0];
            if (
              harness.consentOnScreening &&
              (args[0] as unknown) === screenUpdate &&
              step?.decision === 'accept'
            )
              await harness.recordConsent((result as { caseId: string }).caseId);
            return result;
          } finally {
            // While a gate holds an activity the two disagree by design; the test checks after release.
            if (harness.checkInvariant && harness.gates.size === 0) await harness.expectConsistent(handle);
          }
        };
      },
    });
  }

  async startCase(studentId: string, clock: CaseClock, timing: Partial<CaseTiming> = {}) {
    const caseId = `c${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const input: CaseWorkflowInput = {
      caseId,
      code: `HS26-${caseId.slice(1, 7).toUpperCase()}`,
      campaignId: 'camp-sl-2026',
      studentId,
      schoolId: 's-thcs-chiengle',
      schoolUnitId: 'u-thcs-chiengle',
      categories: ['economic_hardship'],
      source: 'staff_proposal',
      timing: { offerResponseMs: 600_000, ...timing },
      clock,
    };
    await this.env.client.workflow.executeUpdateWithStart(identifyUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation('caseWorkflow', {
        workflowId: caseWorkflowId(caseId),
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = this.checked(this.env.client.workflow.getHandle(caseWorkflowId(caseId)));
    await this.expectConsistent(handle);
    return { caseId, handle };
  }

  /** Screening, an accepted offer, a plan approved: the case is in active help. */
  async startActiveCase(
    studentId: string,
    helperId: string,
    clock: CaseClock,
    timing: Partial<CaseTiming> = {},
  ) {
    const { caseId, handle } = await this.startCase(studentId, clock, timing);
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: taskIds.screening(caseId), actorId: COORDINATOR, decision: 'accept' }],
    });
    await handle.executeUpdate(assignHelperUpdate, {
      args: [{ taskId: taskIds.assign(caseId, 1), actorId: COORDINATOR, helperId }],
    });
    await handle.executeUpdate(respondOfferUpdate, {
      args: [{ taskId: taskIds.offer(caseId, 1), actorId: helperId, accept: true }],
    });
    await handle.executeUpdate(submitPlanUpdate, {
      args: [
        {
          taskId: taskIds.plan(caseId, 1),
          actorId: helperId,
          goals: { week: 'Ôn phép nhân', month: 'Đi học đủ buổi', semester: 'Lên trung bình môn Toán' },
          kinds: ['tutoring', 'material'],
        },
      ],
    });
    await handle.executeUpdate(reviewPlanUpdate, {
      args: [{ taskId: taskIds.planReview(caseId, 1), actorId: COORDINATOR, approve: true }],
    });
    return { caseId, handle };
  }

  /**
   * With RECORD_HISTORIES=1 (`npm run record-histories`), keeps this run's history as a fixture
   * of the replay test: a later change to the workflow that would break it fails the build.
   */
  async recordHistory(name: string, workflowId: string, runId?: string): Promise<void> {
    if (!process.env.RECORD_HISTORIES) return;
    // The CLI writes the canonical JSON the replayer reads.
    const args = [
      'workflow',
      'show',
      '--address',
      this.env.address,
      '--workflow-id',
      workflowId,
      '--output',
      'json',
    ];
    const json = execFileSync(inject('temporalCli'), runId ? [...args, '--run-id', runId] : args, {
      encoding: 'utf8',
    });
    mkdirSync(HISTORIES_DIR, { recursive: true });
    writeFileSync(join(HISTORIES_DIR, `${name}.json`), json);
  }

  /**
   * The guardian's consent on a signed paper form, the child agreeing (what the school records
   * before assignment), through the case workflow's recordConsent step as the API sends it.
   */
  async recordConsent(
    caseId: string,
    givenOn = '2026-09-01',
    o: { childAgreed?: boolean | null; recordingId?: string } = {},
  ): Promise<ConsentRecordedResult> {
    const recordingId = o.recordingId ?? randomUUID();
    return this.env.client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(recordConsentUpdate, {
      args: [
        {
          actorId: COORDINATOR,
          recordingId,
          consent: {
            givenOn,
            guardian: { name: 'Lò Văn Bố', relation: 'father' },
            method: { kind: 'paper_form', formNumber: `ĐY-${caseId}`, signedOn: givenOn },
            childAgreed: o.childAgreed === undefined ? true : o.childAgreed,
            coverage: { help: true, schoolProcessing: true, officeSharing: true },
          },
        },
      ],
      updateId: `consent-${recordingId}`,
    });
  }

  async eventTypes(caseId: string): Promise<string[]> {
    const rows = await this.db.caseEvent.findMany({
      where: { caseId },
      orderBy: { id: 'asc' },
      select: { type: true },
    });
    return rows.map((r) => r.type);
  }

  async taskStatus(id: string): Promise<string | undefined> {
    return (await this.db.task.findUnique({ where: { id }, select: { status: true } }))?.status;
  }
}

/** Polls the workflow's state until `ok` holds (the workflow moves on its own timers). */
export async function waitForState(
  handle: WorkflowHandle,
  ok: (s: CaseWorkflowState) => boolean,
  timeoutMs = 60_000,
): Promise<CaseWorkflowState> {
  const deadline = Date.now() + timeoutMs;
  let last: CaseWorkflowState | undefined;
  while (Date.now() < deadline) {
    last = await handle.query(stateQuery);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`state never matched; last: ${JSON.stringify(last)}`);
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never held');
}

/**
 * Why an update failed: the failure's type, and its message — for a workflow refusal, the
 * catalogue's Vietnamese text for its code (what the API shows), with the code beside it.
 */
export async function rejection(
  p: Promise<unknown>,
): Promise<{ type: string | undefined; message: string; refusal?: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (e as WorkflowUpdateFailedError).cause as
    | { type?: string; message: string; details?: { refusal?: unknown }[] }
    | undefined;
  const refusal = cause?.details?.[0]?.refusal;
  if (isStepRefusal(refusal)) return { type: cause?.type, message: STEP_REFUSALS[refusal].vi, refusal };
  return { type: cause?.type, message: String(cause?.message) };
}

/**
 * A clock on which `date` begins `leadMs` from now and a day lasts `msPerDay`: a school year
 * in seconds. Days before `date` lie in the past, so the steps before activation take days.
 */
export function compressed(date: string, msPerDay: number, leadMs = 0): CaseClock {
  return { anchorMs: Date.now() + leadMs, anchorDate: date, msPerDay };
}

export function report(overrides: Partial<CheckInReport> = {}): CheckInReport {
  return {
    tutoring: { sessions: 4, hours: 6, subjects: ['Toán'] },
    material: [
      { kind: 'rice', quantity: 15, valueVnd: 270_000 },
      { kind: 'money', quantity: 200_000, valueVnd: 200_000 },
    ],
    familyContact: { visits: 1, calls: 2 },
    absentDays: 0,
    riskLevel: 'low',
    notes: 'Em đi học đều',
    ...overrides,
  };
}

export interface Gate {
  /** Held once the activity has run, rather than before. */
  after: boolean;
  reached: Promise<void>;
  released: Promise<void>;
  reach(): void;
  release(): void;
}
