import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedDataConverter } from '../src/codec';
import { applyRetentionUpdate, screenUpdate, stateQuery, withdrawConsentUpdate } from '../src/messages';
import { workflowsPath } from '../src/worker';
import { CaseHarness, COORDINATOR, compressed, rejection, waitFor } from './support/case-harness';
import { bundlePreRetentionWorkflow } from './support/pre-retention/bundle';

/**
 * A case closed before retention was deployed: its closed run waits in the plain branch with no
 * erasure timer. An admin's applyRetention sets its erase-on day and makes that run enter the
 * retention phase; the history that results replays on today's code (the flag is set by the
 * update, which history records; the wait that watches it is a condition, which it does not).
 */
const h = new CaseHarness();
const ADMIN = 'u-admin';
beforeAll(async () => {
  await h.start();
  // Keep nothing past the school year of closure: a day lasts 250 ms, so a case closed on
  // 20 May is due on 30 May, about 2.5 s later (one closed on 1 May, about 7 s later).
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
}, 120_000);
afterAll(() => h.stop());

describe('a case closed before retention existed', () => {
  it('waits with no erasure timer until an admin applies retention, then is erased on its day', async () => {
    await h.stopWorker();
    await h.startWorker({ bundle: await bundlePreRetentionWorkflow() });
    await h.db.student.create({
      data: {
        id: 'st-old',
        schoolId: 's-thcs-chiengle',
        classId: 'cl-cl-9a',
        fullName: 'Lò Thị ZQXOLD',
        searchName: 'lo thi zqxold',
        birthDate: new Date('2012-04-01T00:00:00Z'),
        gender: 'FEMALE',
        ethnicity: 'Thái',
      },
    });
    // From 1 May: the steps before closing may take seconds on a loaded machine, and a closure
    // after 31 May would belong to the next school year (erase-on day a year later).
    const { caseId, handle } = await h.startCase('st-old', compressed('2027-05-01', 250));
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
    });
    await handle.executeUpdate(withdrawConsentUpdate, {
      args: [{ actorId: COORDINATOR, by: 'guardian', on: '2026-11-20' }],
    });
    // Closed before the erase-on day existed: the case row has none.
    await h.db.case.update({ where: { id: caseId }, data: { personalDataEraseOn: null } });
    // The closed case waits in a fresh run (continue-as-new).
    await waitFor(async () => (await handle.query(stateQuery)).runs >= 2);
    const closedRun = (await handle.describe()).runId;
    // Past the day retention would have erased it (30 May): nothing happens in this run.
    await new Promise((r) => setTimeout(r, 4000));
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt).toBeNull();

    // The new code is deployed: its worker replays the waiting run (no patch marker: the plain wait).
    await h.stopWorker();
    await h.startWorker();
    expect((await handle.query(stateQuery)).stage).toBe('closed');
    const apply = (actorId: string) => handle.executeUpdate(applyRetentionUpdate, { args: [{ actorId }] });
    // Only an admin brings a case under the rule.
    expect((await rejection(apply(COORDINATOR))).type).toBe('RuleViolation:ACTOR_NOT_ALLOWED');
    expect(await apply(ADMIN)).toEqual({ caseId, eraseOn: '2027-05-30', started: true });

    await waitFor(
      async () =>
        (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt !== null,
    );
    await waitFor(async () => (await handle.describe()).status.name === 'COMPLETED');
    expect((await handle.describe()).runId).toBe(closedRun);
    const student = await h.db.student.findUniqueOrThrow({ where: { id: 'st-old' } });
    expect(student.fullName).not.toContain('ZQXOLD');
    expect(await h.eventTypes(caseId)).toEqual(
      expect.arrayContaining(['case.retention_applied', 'case.personal_data_erased']),
    );

    // The run's whole history — the pre-retention wait, the update, the erasure — replays on
    // today's code.
    const history = await h.env.client.workflow.getHandle(handle.workflowId, closedRun).fetchHistory();
    await Worker.runReplayHistory(
      { workflowsPath, replayName: 'retention-applied', dataConverter: sealedDataConverter(h.codec) },
      history,
      handle.workflowId,
    );
    await h.recordHistory('retention-applied-to-closed-before-it', handle.workflowId, closedRun);
  });

  it('answers started: false for a run already waiting for its day', async () => {
    await h.db.student.create({
      data: {
        id: 'st-new',
        schoolId: 's-thcs-chiengle',
        classId: 'cl-cl-9a',
        fullName: 'Lò Thị Mới',
        searchName: 'lo thi moi',
        birthDate: new Date('2012-04-01T00:00:00Z'),
        gender: 'FEMALE',
        ethnicity: 'Thái',
      },
    });
    // A slow calendar: the erase-on day is far away.
    const { caseId, handle } = await h.startCase('st-new', compressed('2027-05-20', 60_000));
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
    });
    await handle.executeUpdate(withdrawConsentUpdate, {
      args: [{ actorId: COORDINATOR, by: 'guardian', on: '2026-11-20' }],
    });
    await waitFor(async () => (await handle.query(stateQuery)).runs >= 2);
    const r = await handle.executeUpdate(applyRetentionUpdate, { args: [{ actorId: ADMIN }] });
    expect(r).toEqual({ caseId, eraseOn: '2027-05-30', started: false });
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt).toBeNull();
  });
  it('a closed run that found no erase-on day reads it again once an admin applies retention', async () => {
    await h.db.student.create({
      data: {
        id: 'st-noday',
        schoolId: 's-thcs-chiengle',
        classId: 'cl-cl-9a',
        fullName: 'Lò Thị ZQXNODAY',
        searchName: 'lo thi zqxnoday',
        birthDate: new Date('2012-04-01T00:00:00Z'),
        gender: 'FEMALE',
        ethnicity: 'Thái',
      },
    });
    const { caseId, handle } = await h.startCase('st-noday', compressed('2027-05-20', 250));
    await handle.executeUpdate(screenUpdate, {
      args: [{ taskId: `${caseId}:screening`, actorId: COORDINATOR, decision: 'accept' }],
    });
    // The closed run reads its erase-on day only after the test has removed it (a closure
    // recorded before the closure step set one).
    const gate = h.hold('personalDataEraseAt');
    await handle.executeUpdate(withdrawConsentUpdate, {
      args: [{ actorId: COORDINATOR, by: 'guardian', on: '2026-11-20' }],
    });
    await gate.reached;
    await h.db.case.update({ where: { id: caseId }, data: { personalDataEraseOn: null } });
    gate.release();
    // Well past 30 May: nothing is erased while the case has no day.
    await new Promise((r) => setTimeout(r, 4000));
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt).toBeNull();

    const r = await handle.executeUpdate(applyRetentionUpdate, { args: [{ actorId: ADMIN }] });
    expect(r).toMatchObject({ caseId, eraseOn: '2027-05-30' });
    await waitFor(
      async () =>
        (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).personalDataErasedAt !== null,
    );
  });
});
