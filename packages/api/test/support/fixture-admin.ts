import type { Actor } from './fixture';

/** Inputs and expected callers of the admin router's procedures (spread into the access matrix). */
export const ADMIN_INPUTS: Record<string, unknown> = {};
export const ADMIN_EXPECTED: Record<string, Actor[]> = {};
