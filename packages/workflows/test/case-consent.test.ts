import { randomUUID } from 'node:crypto';
import { caseConsentState, FieldCipher, liftLegalHold, placeLegalHold, summariseBoard } from '@donghanh/db';
import { pinnedClock } from '@donghanh/domain';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseHistoryErasureWorkflowId,
  caseWorkflowId,
  consentRecordedUpdate,
  reopenUpdate,
  screenUpdate,
  stateQuery,
  withdrawConsentUpdate,
} from '../src/messages';
import { workflowHistoriesText } from '../src/testing';
import {
  CaseHarness,
  COORDINATOR,
  compressed,
  LAN,
  PRINCIPAL,
  rejection,
  UYEN,
  waitFor,
} from './support/case-harness';

/**
 * The family's consent on the case's workflow, with the real database: a withdrawal closes the
 * case at once and erases its free text; a case closed so comes back only with consent anew.
 */
const h = new CaseHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());
// A school day of November: nothing of the calendar fires during the test.
const clock = () => pinnedClock(Date.now(), '2026-11-23');

describe('consent withdrawn', () => {
  it('closes the case at once, ends its tasks, releases the helper and erases the free text', async () => {
    const { caseId, handle } = await h.startActiveCase('st-01', LAN, clock());
    expect((await histories(caseId)).text).toContain('phép nhân');
    const withdraw = (actorId: string) =>
      handle.executeUpdate(withdrawConsentUpdate, {
        args: [{ actorId, by: 'guardian', on: '2026-11-20', note: 'Gia đình chuyển vào Nam' }],
      });
    // The helper cannot record it: the school's coordinator or principal does.
    expect((await rejection(withdraw(LAN))).type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');

    expect((await withdraw(COORDINATOR)).stage).toBe('closed');
    expect(await handle.query(stateQuery)).toMatchObject({ stage: 'closed', openTaskIds: [], offer: null });
    const c = await h.db.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { helpers: true, plans: true, tasks: { where: { status: 'OPEN' } } },
    });
    expect(c).toMatchObject({ stage: 'closed', closureReason: 'consent_withdrawn', closureNote: null });
    expect(c.closedAt).not.toBeNull();
    // Erased at the end of the school year after the one it closed in (the default retention).
    expect(c.personalDataEraseOn?.toISOString().slice(0, 10)).toBe('2028-05-30');
    expect(c.tasks).toEqual([]);
    expect(c.helpers.map((x) => x.status)).toEqual(['ENDED']);
    // The plan's goals were free text: gone at once, in the same transaction.
    expect(c.plans.map((p) => p.goals)).toEqual([{}]);
    expect(JSON.stringify(c.plans)).not.toContain('phép nhân');
    expect((await caseConsentState(h.db, caseId)).state).toBe('withdrawn');
    expect(await h.eventTypes(caseId)).toContain('case.consent_withdrawn');
    // In Temporal too: the closed run deletes the runs before it (they hold the plan's and the
    // withdrawal's text, sealed); its own history carries none of it.
    await waitFor(async () => (await h.eventTypes(caseId)).includes('case.history_erased'), 30_000);
    await waitFor(async () => (await histories(caseId)).runIds.length === 1, 60_000);
    const kept = await histories(caseId);
    expect(kept.runIds).toEqual([(await handle.describe()).runId]);
    for (const text of ['phép nhân', 'Gia đình chuyển vào Nam']) expect(kept.text).not.toContain(text);

    // Once closed, a second withdrawal is refused before anything is written.
    expect((await rejection(withdraw(COORDINATOR))).refusal).toBe('NOT_IN_PROGRESS');
    // A reopening needs the family's consent again.
    const reopen = () =>
      handle.executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Gia đình quay lại' }] });
    expect((await rejection(reopen())).type).toBe('RuleViolation:CONSENT_NOT_RECORDED');
    await h.recordConsent(caseId, '2026-11-23');
    expect((await reopen()).stage).toMatch(/^(active|assignment)$/);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataEraseOn).toBeNull();
  });
});

/** What Temporal still holds of a workflow (the case's by default), payloads opened. */
const histories = (caseId: string, workflowId = caseWorkflowId(caseId)) =>
  workflowHistoriesText(h.env.client, h.codec, workflowId);

/** Every row of every table whose text, JSON or text[] columns hold `needle` (case-insensitive). */
async function scan(needle: string): Promise<string[]> {
  const columns = await h.db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
      AND table_name <> '_prisma_migrations'`;
  const hits: string[] = [];
  for (const c of columns) {
    const rows = await h.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1`,
      `%${needle}%`,
    );
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

describe('retention after closure', () => {
  // Keep nothing past the school year of closure: on a compressed calendar (a day lasts 250 ms)
  // a case closed on 20 May is due for erasure on 30 May, about 2.5 s later.
  beforeAll(async () => {
    const campaign = await h.db.campaign.findUniqueOrThrow({ where: { id: 'camp-sl-2026' } });
    await h.db.campaign.update({
      where: { id: campaign.id },
      data: {
        settings: {
          ...(campaign.settings as Record<string, unknown>),
          privacy: {
            retention: { schoolYearsAfterClosure: 0 },
            accessAnswerHours: 72,
            correctionAnswerHours: 72,
          },
        },
      },
    });
  });

  /** A pupil whose name is planted, a case accepted with the name in its reason, consent withdrawn. */
  async function closedCase(id: string, planted: string, timing = {}) {
    await h.db.student.create({
      data: {
        id,
        schoolId: 's-thcs-chiengle',
        classId: 'cl-cl-9a',
        fullName: `Lò Thị ${planted}`,
        searchName: `lo thi ${planted.toLowerCase()}`,
        birthDate: new Date('2012-04-01T00:00:00Z'),
        gender: 'FEMALE',
        ethnicity: 'Thái',
      },
    });
    const { caseId, handle } = await h.startCase(id, compressed('2027-05-20', 250), timing);
    await handle.executeUpdate(screenUpdate, {
      args: [
        {
          taskId: `${caseId}:screening`,
          actorId: COORDINATOR,
          decision: 'accept',
          reason: `Em ${planted} mồ côi`,
        },
      ],
    });
    return { caseId, handle };
  }
  const withdraw = (handle: Awaited<ReturnType<typeof closedCase>>['handle']) =>
    handle.executeUpdate(withdrawConsentUpdate, {
      args: [{ actorId: COORDINATOR, by: 'guardian', on: '2026-11-20' }],
    });
  const totals = () => summariseBoard(h.db, { schoolIds: ['s-thcs-chiengle'], userId: COORDINATOR });

  it("erases a closed case's personal data on its day; the office totals stay; the workflow ends", async () => {
    const { caseId, handle } = await closedCase('st-retain', 'ZQXRETAIN');
    // Temporal holds the name too (sealed): in the screening's update.
    const first = await histories(caseId);
    expect(first.text).toContain('ZQXRETAIN');
    await withdraw(handle);
    const eraseOn = (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataEraseOn;
    expect(eraseOn?.toISOString().slice(0, 10)).toBe('2027-05-30');
    expect(await scan('ZQXRETAIN')).not.toEqual([]);
    const before = await totals();

    await waitFor(
      async () =>
        (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt !== null,
    );
    expect(await scan('ZQXRETAIN')).toEqual([]);
    expect(await totals()).toEqual(before);
    expect(await h.eventTypes(caseId)).toContain('case.personal_data_erased');
    // Nothing is left to wait for: the workflow completed, then every run of it was deleted
    // from Temporal (workflows/history-erasure.ts) and the timeline says so.
    const erasedAll = () =>
      h.db.caseEvent.findFirst({
        where: { caseId, type: 'case.history_erased', payload: { path: ['scope'], equals: 'all_runs' } },
      });
    await waitFor(async () => (await erasedAll()) !== null, 90_000);
    const lastRun = (await handle.describe().catch(() => null))?.runId;
    for (const runId of [...first.runIds, ...(lastRun ? [lastRun] : [])]) {
      const gone = await h.env.client.workflow
        .getHandle(caseWorkflowId(caseId), runId)
        .describe()
        .catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(WorkflowNotFoundError);
    }
    // Temporal's list (visibility: ids and times, no payload) drops them a little later.
    await waitFor(async () => (await histories(caseId)).runIds.length === 0, 60_000);
    expect(await histories(caseId)).toEqual({ runIds: [], text: '' });
    const erasure = await histories(caseId, caseHistoryErasureWorkflowId(caseId));
    expect(erasure.runIds).toHaveLength(1);
    expect(erasure.text).toContain(caseId);
    expect(erasure.text).not.toContain('ZQXRETAIN');
    const late = await handle
      .executeUpdate(reopenUpdate, { args: [{ actorId: COORDINATOR, reason: 'Quay lại' }] })
      .catch((e: unknown) => e);
    // The API answers this with CASE_CLOSED: an erased case takes no more steps.
    expect(late).toBeInstanceOf(WorkflowNotFoundError);
  });

  it('waits while a legal hold stands, and erases once it is lifted', async () => {
    const cipher = new FieldCipher(h.dataKey);
    const { caseId, handle } = await closedCase('st-held', 'ZQXHELD', { erasureRetryMs: 1_000 });
    const hold = await placeLegalHold(
      h.db,
      cipher,
      { caseId, reason: 'Thanh tra đang xác minh' },
      { actorId: PRINCIPAL, now: new Date() },
    );
    await withdraw(handle);
    // Well past its erase-on day (30 May is 2.5 s away) and a retry or two: still there.
    await new Promise((r) => setTimeout(r, 5_000));
    const held = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(held.personalDataErasedAt).toBeNull();
    expect(await scan('ZQXHELD')).not.toEqual([]);
    expect((await handle.query(stateQuery)).stage).toBe('closed');

    await liftLegalHold(h.db, hold.id, { actorId: PRINCIPAL, now: new Date() });
    await waitFor(
      async () =>
        (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt !== null,
    );
    expect(await scan('ZQXHELD')).toEqual([]);
  });
});

describe('a child who turns 7 during the case', () => {
  it("gives the coordinator a task to record the child's own consent, closed once it is recorded", async () => {
    await h.db.student.create({
      data: {
        id: 'st-six',
        schoolId: 's-thcs-chiengle',
        classId: 'cl-cl-8a',
        fullName: 'Lò Văn Sáu',
        searchName: 'lo van sau',
        birthDate: new Date('2020-05-25T00:00:00Z'),
        gender: 'MALE',
        ethnicity: 'Thái',
      },
    });
    // 20 May on a calendar whose day lasts 250 ms: the 7th birthday is about 1.25 s away. The
    // guardian's consent (harness, 1 Sep 2026) was given when the child was 6.
    const { caseId, handle } = await h.startCase('st-six', compressed('2027-05-20', 250));
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
    });
    const task = `${caseId}:child-consent`;
    expect((await handle.query(stateQuery)).openTaskIds).not.toContain(task);
    await waitFor(async () => (await handle.query(stateQuery)).openTaskIds.includes(task));
    await h.expectConsistent(handle);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: task } })).toMatchObject({
      status: 'OPEN',
      type: 'record_child_consent',
      assigneeRole: 'SCHOOL_COORDINATOR',
    });
    // The update the API sent before recordConsent existed is still answered (histories hold it).
    expect(await handle.executeUpdate(consentRecordedUpdate, { args: [] })).toEqual({ closedTask: false });
    // A consent given before the birthday (the child 6, not asked) leaves it open...
    const before = await h.recordConsent(caseId, '2027-05-24', { childAgreed: null });
    expect(before.closedChildConsentTask).toBe(false);
    expect(await h.taskStatus(task)).toBe('OPEN');
    await h.expectConsistent(handle);
    // ...the child's own agreement at 7 closes it, in the recording's own transaction.
    const recordingId = randomUUID();
    const after = await h.recordConsent(caseId, '2027-05-26', { recordingId });
    expect(after.closedChildConsentTask).toBe(true);
    expect(await h.taskStatus(task)).toBe('DONE');
    await h.expectConsistent(handle);
    // The same recording sent again (a retried request) is written once.
    await h.recordConsent(caseId, '2027-05-26', { recordingId });
    expect(await h.db.caseConsent.count({ where: { caseId } })).toBe(3);
    expect(await h.eventTypes(caseId)).toContain('case.child_consent_given');
    expect((await handle.query(stateQuery)).openTaskIds).not.toContain(task);
  });
});

describe('consent recorded through the case workflow', () => {
  it('writes nothing while the workflow does not answer, and once when the request is retried', async () => {
    const { caseId } = await h.startActiveCase('st-02', LAN, clock());
    const versions = () => h.db.caseConsent.count({ where: { caseId } });
    const held = await versions();
    await h.stopWorker();
    const recordingId = randomUUID();
    // No worker: the update waits at Temporal and the API's deadline answers WORKFLOW_UNAVAILABLE.
    const pending = h.recordConsent(caseId, '2026-11-23', { recordingId }).catch(() => null);
    const answer = await Promise.race([pending, new Promise((r) => setTimeout(() => r('no answer'), 1500))]);
    expect(answer).toBe('no answer');
    expect(await versions()).toBe(held);
    await h.startWorker();
    // The person retries (the same recording): one new version, however the first call ends.
    const retried = await h.recordConsent(caseId, '2026-11-23', { recordingId });
    await pending;
    expect(retried.caseId).toBe(caseId);
    expect(await versions()).toBe(held + 1);
    expect((await caseConsentState(h.db, caseId)).state).toBe('consent');
  });

  it('refuses a consent dated after today before anything is written, and a case whose workflow ended', async () => {
    const { caseId, handle } = await h.startActiveCase('st-03', UYEN, clock());
    const held = await h.db.caseConsent.count({ where: { caseId } });
    expect((await rejection(h.recordConsent(caseId, '2030-01-10'))).type).toBe(
      'RuleViolation:CONSENT_DATE_INVALID',
    );
    expect(await h.db.caseConsent.count({ where: { caseId } })).toBe(held);
    await h.expectConsistent(handle);

    const declined = await h.startCase('st-04', clock());
    await declined.handle.executeUpdate(screenUpdate, {
      args: [
        {
          taskId: `${declined.caseId}:screening`,
          actorId: COORDINATOR,
          decision: 'decline',
          reason: 'Không thuộc diện',
        },
      ],
    });
    await declined.handle.result();
    await expect(h.recordConsent(declined.caseId)).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });
});
