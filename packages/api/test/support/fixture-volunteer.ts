import type { Actor } from './fixture';

/** Inputs and expected callers of the volunteer router's procedures (spread into the access matrix). */
export const VOLUNTEER_INPUTS: Record<string, unknown> = {};
export const VOLUNTEER_EXPECTED: Record<string, Actor[]> = {};
