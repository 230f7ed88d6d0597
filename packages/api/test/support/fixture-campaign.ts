import type { Actor } from './fixture';

/** Inputs and expected callers of the campaign router's procedures (spread into the access matrix). */
export const CAMPAIGN_INPUTS: Record<string, unknown> = {};
export const CAMPAIGN_EXPECTED: Record<string, Actor[]> = {};
