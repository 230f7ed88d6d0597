import { z } from 'zod';
import { boardCardSchema } from './case-schemas';

/**
 * What socket.io pushes for each CaseEvent. `cursor` is the transaction watermark of the batch
 * the event was read in: a reconnecting client sends it back and is replayed everything from
 * there (it drops ids it has already seen), so late-committing transactions are never skipped.
 */
export const liveCaseEventSchema = z.object({
  id: z.string(),
  cursor: z.string(),
  caseId: z.string(),
  type: z.string(),
  at: z.string(),
  card: boardCardSchema,
});
export type LiveCaseEvent = z.infer<typeof liveCaseEventSchema>;

export const LIVE_EVENT = 'case-event' as const;
export const LIVE_RESUME = 'resume' as const;

/**
 * A case left this socket's audience (its helper was replaced, it moved to another school, an
 * offer lapsed): the board drops the card. Carries no card, only where the feed stands.
 */
export const liveCaseRemovedSchema = z.object({
  id: z.string(),
  cursor: z.string(),
  caseId: z.string(),
});
export type LiveCaseRemoved = z.infer<typeof liveCaseRemovedSchema>;

export const LIVE_REMOVED = 'case-removed' as const;
