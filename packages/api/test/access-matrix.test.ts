import { AppError } from '@donghanh/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { appRouter } from '../src/root';
import {
  type Actor,
  ALL,
  callerFor,
  database,
  EXPECTED,
  INPUTS,
  procedureOf,
  recorder,
  setUpFixture,
} from './support/fixture';

/**
 * Every procedure of the router × every kind of caller, in and out of the case's scope. The
 * database is real (roles, units, the case); Temporal is replaced by a recorder, because the
 * question here is only whether the request is let through to the workflow. A procedure added
 * without a row in the fixture fails this test.
 */
async function call(path: string, actor: Actor): Promise<'allowed' | 'denied'> {
  const target = procedureOf(await callerFor(actor), path);
  const before = recorder.forwarded;
  try {
    await target(INPUTS[path]);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = cause instanceof AppError ? cause.code : null;
    // A read by id refuses as "not found" (case.get), so existence does not leak (issue 14).
    const refusal = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'DISPLAY_NOT_PAIRED';
    if (refusal || (code === 'CASE_NOT_FOUND' && path === 'case.get')) {
      expect(recorder.forwarded, `${path} forwarded a refused call`).toBe(before);
      return 'denied';
    }
    // Any other error (a missing task, a validation of the step) happened after access passed.
  }
  return 'allowed';
}

beforeAll(setUpFixture);
afterAll(() => database?.drop());

describe('access matrix', () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it('has an expected row and an input for every procedure of the router', () => {
    expect(procedures.filter((p) => !(p in EXPECTED) || !(p in INPUTS))).toEqual([]);
  });

  it('lets through exactly the expected callers, in and out of scope', async () => {
    const wrong: string[] = [];
    for (const path of procedures) {
      for (const actor of ALL) {
        const got = await call(path, actor);
        const want = EXPECTED[path]?.includes(actor) ? 'allowed' : 'denied';
        if (got !== want) wrong.push(`${path} × ${actor}: ${got}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    // procedures × callers, for the closing note
    console.info(`access matrix: ${procedures.length} procedures × ${ALL.length} callers`);
    // setup: 115 procedures × 11 callers took 97–120 s on the shared 2-core machine.
  }, 240_000);
});

describe('registration', () => {
  it('refuses a router with a procedure that has no access rule', async () => {
    const { initTRPC } = await import('@trpc/server');
    const { createRouter } = await import('../src/trpc');
    const bare = initTRPC
      .context<Context>()
      .create()
      .procedure.query(() => 'leak');
    expect(() => createRouter({ bare } as never)).toThrow(/bare has no access rule/);
  });
});
