// Holds the signed-in session for the whole app. Loads GET /api/auth/session once;
// login/join/logout update it and the CSRF token of the API client.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setCsrfToken } from '../api/client';
import * as api from '../api/endpoints';
import type { Session } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'signed_in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  session: Session | null;
  signIn: (login: string, password: string) => Promise<Session>;
  joinWithToken: (token: string) => Promise<Session>;
  signOut: () => Promise<void>;
  // Forget the session locally (after a 401 from the server).
  clear: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Bumped by every login/join/logout, so that a slower initial session probe cannot
  // overwrite what happened after it started.
  const generation = useRef(0);

  const accept = useCallback((session: Session) => {
    generation.current += 1;
    setCsrfToken(session.csrf_token);
    setState({ status: 'signed_in', session });
    return session;
  }, []);

  const clear = useCallback(() => {
    generation.current += 1;
    setCsrfToken(null);
    setState({ status: 'signed_out' });
  }, []);

  useEffect(() => {
    let cancelled = false;
    const started = generation.current;
    const current = () => !cancelled && generation.current === started;
    api.getSession().then(
      (session) => {
        if (current()) accept(session);
      },
      () => {
        if (current()) clear();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [accept, clear]);

  const signIn = useCallback(
    async (login: string, password: string) => accept(await api.login(login, password)),
    [accept],
  );
  const joinWithToken = useCallback(async (token: string) => accept(await api.join(token)), [accept]);
  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      clear();
    }
  }, [clear]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      session: state.status === 'signed_in' ? state.session : null,
      signIn,
      joinWithToken,
      signOut,
      clear,
    }),
    [state, signIn, joinWithToken, signOut, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
