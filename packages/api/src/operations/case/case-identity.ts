import { createHash } from 'node:crypto';

/**
 * One case per student per campaign: the id is derived from both, so identifying the same
 * student twice reaches the same workflow (`case-<id>`) instead of creating a second case.
 */
export function caseIdFor(campaignId: string, studentId: string): string {
  return `c${createHash('sha256').update(`${campaignId}\u0000${studentId}`).digest('hex').slice(0, 24)}`;
}
