import type { RoleOnUnit, SessionUser } from '@donghanh/api';
import { createContext, type ReactNode, useContext } from 'react';

type Role = RoleOnUnit['role'];

export interface Session {
  user: SessionUser;
  hasRole: (...roles: Role[]) => boolean;
  signOut: () => void;
  /** The server said the session is gone (signed out elsewhere, expired): back to sign-in. */
  sessionEnded: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user (the shell renders screens only after sign-in). */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function sessionOf(user: SessionUser, signOut: () => void, sessionEnded: () => void): Session {
  return {
    user,
    signOut,
    sessionEnded,
    hasRole: (...roles) => user.roles.some((r) => roles.includes(r.role)),
  };
}
