import type { Db, FieldCipher } from '@donghanh/db';
import type { CaseClock } from '@donghanh/domain';
import type { Client } from '@temporalio/client';
import type { DisplaySession } from './auth/display-session';
import type { SignInSchedule } from './auth/throttle';

/** What every procedure receives: the database read model and the Temporal client. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue?: string;
  /** How long a person waits for the case workflow before getting a clear error (ms). */
  workflowTimeoutMs?: number;
  /** Seals and opens family circumstances; absent when DATA_KEY is not configured. */
  cipher?: FieldCipher | undefined;
  /** The sign-in slow-down (`SIGN_IN_SCHEDULE` unless a test shortens it). */
  signInSchedule?: SignInSchedule | undefined;
  /** The clock a new case runs on: `systemClock()` unless a test compresses the school year. */
  caseClock?: (() => CaseClock) | undefined;
}

/** A role a user holds on a unit of the organisation tree (a school, an office, the province). */
export interface RoleOnUnit {
  role: 'TEACHER' | 'HOMEROOM_TEACHER' | 'SCHOOL_COORDINATOR' | 'PRINCIPAL' | 'OFFICE_COORDINATOR' | 'ADMIN';
  unitId: string;
}

/** The signed-in person, resolved from the session cookie for every request. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: RoleOnUnit[];
  /**
   * A temporary password (a new account, an administrator's reset) is still in use: nothing but
   * `auth.me`, `auth.changePassword` and `auth.signOut` answers until it is replaced.
   */
  mustChangePassword?: boolean;
}

export interface Context extends ApiDeps {
  /** Null when nobody is signed in. */
  user: SessionUser | null;
  /** The current session's id (for sign-out), when there is one. */
  sessionId: string | null;
  /** The caller's IP address, for sign-in throttling. */
  clientAddress: string | null;
  /** The caller's User-Agent, kept on the session row (optional). */
  userAgent?: string | null | undefined;
  /** Lets the sign-in and sign-out procedures set or clear the session cookie. */
  setCookie?: ((cookie: string) => void) | undefined;
  requestId: string;
  // wall: the wall display (issue 14)
  /** A wall display's cookie (`dh_display`), resolved: it opens `displayProcedure`s only. */
  display?: DisplaySession | null | undefined;
}
