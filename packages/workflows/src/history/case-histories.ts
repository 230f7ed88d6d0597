import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { caseHistoryErasureWorkflowId, caseWorkflowId } from '../messages';

/** One run of a case's workflow, as Temporal's visibility lists it. */
export interface CaseRun {
  runId: string;
  /** RUNNING, COMPLETED, CONTINUED_AS_NEW, TERMINATED … */
  status: string;
}

/**
 * What the erasure of a case's Temporal histories needs of the Temporal service, behind one
 * interface so the activities get it as a dependency (the worker passes the real client).
 */
export interface CaseHistories {
  /** Every run of the case's workflow Temporal still holds, open or closed. */
  runs(caseId: string): Promise<CaseRun[]>;
  /** Whether Temporal still holds this run's history (describe answers NotFound once it is gone). */
  holds(caseId: string, runId: string): Promise<boolean>;
  /** Deletes one closed run's history (Temporal removes it asynchronously). */
  deleteRun(caseId: string, runId: string): Promise<void>;
  /** Starts the workflow that erases the case's histories (once per case: a second start is a no-op). */
  startErasure(caseId: string, taskQueue: string): Promise<void>;
}

/** The product's CaseHistories: a Temporal client with the sealed data converter. */
export function temporalCaseHistories(client: Client): CaseHistories {
  const namespace = client.options.namespace;
  return {
    async runs(caseId) {
      const found: CaseRun[] = [];
      const query = `WorkflowId = '${caseWorkflowId(caseId)}'`;
      for await (const run of client.workflow.list({ query }))
        found.push({ runId: run.runId, status: run.status.name });
      return found;
    },
    async holds(caseId, runId) {
      try {
        await client.workflow.getHandle(caseWorkflowId(caseId), runId).describe();
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
    async deleteRun(caseId, runId) {
      try {
        await client.workflowService.deleteWorkflowExecution({
          namespace,
          workflowExecution: { workflowId: caseWorkflowId(caseId), runId },
        });
      } catch (error) {
        // Already gone (deleted by an earlier attempt, or by the namespace's retention).
        if ((error as { code?: number }).code === 5) return;
        throw error;
      }
    },
    async startErasure(caseId, taskQueue) {
      try {
        await client.workflow.start('caseHistoryErasure', {
          workflowId: caseHistoryErasureWorkflowId(caseId),
          taskQueue,
          args: [{ caseId }],
        });
      } catch (error) {
        if ((error as Error).name === 'WorkflowExecutionAlreadyStartedError') return;
        throw error;
      }
    },
  };
}
