import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { closingLine, countTests, failedStep } from '../test-count.mjs';

const passing = (n: number) => Array.from({ length: n }, () => ({ status: 'passed' }));

describe("npm test's closing line counts tests", () => {
  it('one failing test inside a describe is 1 failed, not 3 (test + describe + file)', () => {
    // The shape Vitest wrote when the line said "257 passed, 3 failed".
    const report = {
      numPassedTests: 257,
      numFailedTests: 1,
      numFailedTestSuites: 2,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        { name: 'a.test.ts', status: 'passed', assertionResults: passing(200) },
        {
          name: 'tasks.browser.test.ts',
          status: 'failed',
          assertionResults: [...passing(57), { status: 'failed' }],
        },
      ],
    };
    expect(closingLine(countTests(report, 1))).toBe('257 passed, 1 failed');
  });

  it('a file that fails with no failed test (import error, beforeAll) counts once and is named', () => {
    const report = {
      numPassedTests: 3,
      numPendingTests: 2,
      numTodoTests: 0,
      testResults: [
        { name: 'ok.test.ts', status: 'passed', assertionResults: passing(3) },
        {
          name: 'broken.test.ts',
          status: 'failed',
          message: 'Cannot find module',
          assertionResults: [{ status: 'skipped' }, { status: 'skipped' }],
        },
      ],
    };
    const count = countTests(report, 1);
    expect(count).toMatchObject({ passed: 3, failed: 1, skipped: 2 });
    expect(closingLine(count)).toBe(
      '3 passed, 1 failed, 2 skipped (broken.test.ts failed outside its tests: Cannot find module)',
    );
  });

  it('a failed Vitest with every test green (errors outside tests) or no report counts 1 failed', () => {
    const green = { numPassedTests: 4, testResults: [{ status: 'passed', assertionResults: passing(4) }] };
    expect(countTests(green, 0)).toMatchObject({ passed: 4, failed: 0 });
    expect(countTests(green, 1)).toMatchObject({ passed: 4, failed: 1 });
    expect(closingLine(countTests(null, 1))).toBe('0 passed, 1 failed (vitest wrote no report)');
    expect(closingLine(countTests(null, 0))).toBe('0 passed, 0 failed');
  });

  it('a failing step before the tests is 1 failed and says which step', () => {
    expect(closingLine(failedStep('lint + format (biome)'))).toBe(
      '0 passed, 1 failed (lint + format (biome) failed: no test ran)',
    );
  });
});
