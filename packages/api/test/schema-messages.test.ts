import { schemaMessageIn } from '@donghanh/domain';
import { describe, expect, it } from 'vitest';
import { previewClassListInput, startClassListImportInput } from '../src/router/class-list.schema';
import { proposalInput } from '../src/router/commendation.schema';
import { markReadInput } from '../src/router/notification.schema';

/** Every refusal of these inputs is in Vietnamese first, with its English beside it. */
function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('the inputs of class lists, notifications and commendations speak Vietnamese', () => {
  it('has a Vietnamese message and its English for each refusal', () => {
    const uploadId = 'clu-abcdefgh';
    const found = [
      ...messages(previewClassListInput.safeParse({ uploadId, sheet: '' })),
      ...messages(startClassListImportInput.safeParse({ uploadId, sheet: 'x'.repeat(101) })),
      ...messages(markReadInput.safeParse({ ids: [''] })),
      ...messages(markReadInput.safeParse({ ids: Array.from({ length: 201 }, (_, i) => `n${i}`) })),
      ...messages(proposalInput.safeParse({ proposalId: '' })),
      ...messages(proposalInput.safeParse({ proposalId: 'x'.repeat(201) })),
    ];
    expect(found.length).toBeGreaterThanOrEqual(6);
    // zod's own English (e.g. "Too small: expected string to have >=1 characters") is not Vietnamese.
    for (const m of found) expect(m).not.toMatch(/^(Too|Invalid|Expected|String)/);
    expect(found.filter((m) => schemaMessageIn('en', m) === m)).toEqual([]);
  });
});
