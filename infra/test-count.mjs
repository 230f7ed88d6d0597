// The closing line of `npm test`, which CI reads: it counts tests, not steps or suites. Pure.
//
// Vitest's JSON report counts every suite (each file and each describe block) apart from the
// tests, so one failing test inside a describe made "3 failed" (test + describe + file). Here:
// each failed test counts once; a file that failed without a failed test (an import error, a
// failing beforeAll) counts once; a failed pre-step (lint, typecheck, build) counts once and is
// named; a Vitest that failed without saying why (no report, errors outside tests) counts once.

/**
 * @typedef {{ status?: string }} AssertionResult
 * @typedef {{ name?: string, status?: string, message?: string, assertionResults?: AssertionResult[] }} FileResult
 * @typedef {{ numPassedTests?: number, numPendingTests?: number, numTodoTests?: number, testResults?: FileResult[] }} VitestReport
 * @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} TestCount
 */

/**
 * @param {VitestReport | null} report Vitest's JSON report, or null when none was written
 * @param {number | null} exitStatus Vitest's exit status
 * @returns {TestCount}
 */
export function countTests(report, exitStatus) {
  if (!report) {
    const failed = exitStatus === 0 ? 0 : 1;
    return { passed: 0, failed, skipped: 0, notes: failed ? ['vitest wrote no report'] : [] };
  }
  const notes = [];
  let failedTests = 0;
  let failedFiles = 0;
  for (const file of report.testResults ?? []) {
    const failedHere = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    failedTests += failedHere;
    if (file.status === 'failed' && failedHere === 0) {
      failedFiles++;
      notes.push(
        `${file.name ?? 'a test file'} failed outside its tests${file.message ? `: ${file.message}` : ''}`,
      );
    }
  }
  let failed = failedTests + failedFiles;
  if (exitStatus !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited with ${exitStatus} (errors outside tests)`);
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes,
  };
}

/**
 * A step before the tests failed: nothing ran, and the line says which step stopped it.
 * @param {string} step
 * @returns {TestCount}
 */
export function failedStep(step) {
  return { passed: 0, failed: 1, skipped: 0, notes: [`${step} failed: no test ran`] };
}

/**
 * The line CI reads, e.g. "257 passed, 1 failed" or "0 passed, 1 failed (lint failed: no test ran)".
 * @param {TestCount} count
 * @returns {string}
 */
export function closingLine({ passed, failed, skipped, notes }) {
  const why = failed && notes.length ? ` (${notes.join('; ')})` : '';
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${why}`;
}
