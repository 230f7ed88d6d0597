// The workflow API as the case workflow saw it before retention existed: the patch
// 'retention-after-closure' reads as absent, so a closed run takes the plain wait with no
// erasure timer. Aliased for '@temporalio/workflow' when the test bundles that older code; the
// real module is reached through its file path, which the alias does not match.
import { patched as realPatched } from '@temporalio/workflow/lib/index';

export * from '@temporalio/workflow/lib/index';

export function patched(patchId: string): boolean {
  return patchId === 'retention-after-closure' ? false : realPatched(patchId);
}
