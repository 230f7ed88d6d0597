import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { failureConverterPath } from '../../../src/codec/config';
import { workflowsPath } from '../../../src/worker';

/**
 * Today's case workflow with the retention patch reading as absent: the code a case closed
 * before retention was deployed ran on. Its closed run waits with no erasure timer.
 */
export function bundlePreRetentionWorkflow() {
  const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  return bundleWorkflowCode({
    workflowsPath,
    failureConverterPath,
    logger: silent,
    webpackConfigHook: (config) => {
      config.resolve = {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string> | undefined),
          '@temporalio/workflow$': join(import.meta.dirname, 'workflow-api.ts'),
        },
      };
      return config;
    },
  });
}
