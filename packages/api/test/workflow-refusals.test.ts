import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, isStepRefusal, STEP_REFUSALS } from '@donghanh/domain';
import { STEP_REJECTED } from '@donghanh/workflows/messages';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { asWorkflowError } from '../src/operations/case/workflow-errors';

/**
 * The workflow refuses a step with a code; the API answers in both languages from the domain's
 * catalogue, so the English interface never shows the workflow's Vietnamese.
 */
const workflowSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? workflowSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const root = join(import.meta.dirname, '..', '..', 'workflows', 'src');
const used = workflowSources(root).flatMap((f) =>
  [...readFileSync(f, 'utf8').matchAll(/(?:reject|requireStage|requireStep)\([^)]*?'([A-Z_]+)'\)/g)].map(
    (m) => m[1] as string,
  ),
);

describe('refusals of a case step', () => {
  it('are codes from the catalogue, each with Vietnamese and English text', () => {
    expect(used.length).toBeGreaterThanOrEqual(46);
    expect(used.filter((c) => !isStepRefusal(c))).toEqual([]);
    for (const [code, text] of Object.entries(STEP_REFUSALS)) {
      expect(text.vi, code).not.toBe('');
      // English without Vietnamese letters: the English interface stays in one language.
      expect(text.en, code).toMatch(/^[\x20-\x7e’]+$/);
    }
  });

  it('reach the client as STEP_REJECTED with the code and both texts', () => {
    const failure = ApplicationFailure.create({
      type: STEP_REJECTED,
      message: 'TRANSFER_PENDING',
      nonRetryable: true,
      details: [{ refusal: 'TRANSFER_PENDING' }],
    });
    const error = asWorkflowError(new WorkflowUpdateFailedError('Update failed', failure));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'STEP_REJECTED',
      details: {
        refusal: 'TRANSFER_PENDING',
        reason: 'Hồ sơ đang chờ chuyển trường',
        reasonEn: 'The case is awaiting a transfer',
      },
    });
  });

  it('map a refusal by the database (a step that lost a race) to its own code', () => {
    const failure = ApplicationFailure.create({
      type: 'RuleViolation:CASE_MOVED_ON',
      message: 'x',
      nonRetryable: true,
    });
    expect(asWorkflowError(new WorkflowUpdateFailedError('Update failed', failure))).toMatchObject({
      code: 'CASE_MOVED_ON',
    });
  });
});
