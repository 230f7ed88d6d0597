import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/root';
import {
  callerFor,
  database,
  EXPECTED,
  INPUTS,
  procedureOf,
  recorder,
  setUpFixture,
} from './support/fixture';

/**
 * Malformed input at every procedure, from a caller the procedure lets through: whatever comes
 * in, the answer is a 4xx with a stable code, never a 500. fast-check tries arbitrary JSON values
 * and the procedure's valid input with one field replaced, removed or stretched.
 */
beforeAll(setUpFixture);
afterAll(() => database?.drop());

const RUNS = 60;

/** The valid input with one field broken: replaced by anything, dropped, or a huge string. */
function broken(valid: unknown) {
  const base = (valid ?? {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  if (keys.length === 0) return fc.anything();
  return fc.oneof(
    fc
      .record({ key: fc.constantFrom(...keys), value: fc.anything() })
      .map(({ key, value }) => ({ ...base, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _, ...rest } = base;
      return rest;
    }),
    fc.constantFrom(...keys).map((key) => ({ ...base, [key]: 'x'.repeat(100_000) })),
    fc.constantFrom(...keys).map((key) => ({ ...base, [key]: '\u0000\u202e<script>đ' })),
  );
}

describe('malformed input', () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it('gets a 4xx with a code from every procedure, never a 500', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const path of procedures) {
      const actor = EXPECTED[path]?.find((a) => a !== 'anonymous') ?? 'admin';
      const run = procedureOf(await callerFor(actor), path);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), broken(INPUTS[path])), async (input) => {
          tried += 1;
          recorder.lastArgs = null;
          try {
            await run(input);
            // What passed validation goes on to be stored: no control character may reach it.
            const stored = JSON.stringify(recorder.lastArgs) ?? '';
            if (/\\u00[01][0-9a-f]|\\u007f/.test(stored)) {
              failures.push(`${path}: stored a control character`);
              return false;
            }
          } catch (error) {
            const ok = error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR';
            if (!ok)
              failures.push(`${path}: ${(error as Error).name} ${(error as Error).message.slice(0, 120)}`);
            return ok;
          }
          return true;
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
    console.info(`fuzz: ${tried} malformed inputs over ${procedures.length} procedures`);
  }, 180_000);
});
