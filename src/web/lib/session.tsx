import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  getSession,
  signOut as signOutEndpoint,
  type SessionInfo,
  type User,
} from '../../contracts/auth.contract.js';
import { ApiError, createApiClient, type ApiClient } from '../../contracts/client.js';

export type SessionState =
  | { status: 'loading' }
  /** `ended`: the person signed out here; `expired`: the server no longer knows the session. */
  | { status: 'signed-out'; reason: 'anonymous' | 'ended' | 'expired' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'signed-in'; user: User };

interface SessionContextValue {
  session: SessionState;
  api: ApiClient;
  /** Store the session answered by sign-up or sign-in. */
  signedIn(info: SessionInfo): void;
  signOut(): Promise<void>;
  updateUser(user: User): void;
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Holds the signed-in user and the CSRF token (in memory only) and hands out an API client that sends it.
 * Any `auth.required` answer means the session ended elsewhere, so the app falls back to signed out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [holder] = useState(() => {
    let csrfToken: string | undefined;
    const client = createApiClient({ baseUrl: '', credentials: 'same-origin', csrfToken: () => csrfToken });
    const api: ApiClient = {
      call: (async (endpoint, input) => {
        try {
          return await client.call(endpoint, input);
        } catch (error) {
          if (
            error instanceof ApiError &&
            error.code === 'auth.required' &&
            endpoint.operationId !== getSession.operationId
          ) {
            csrfToken = undefined;
            setSession({ status: 'signed-out', reason: 'expired' });
          }
          throw error;
        }
      }) as ApiClient['call'],
    };
    return { api, setCsrfToken: (token: string | undefined) => (csrfToken = token) };
  });

  useEffect(() => {
    let active = true;
    holder.api.call(getSession, {}).then(
      (info) => {
        if (!active) return;
        holder.setCsrfToken(info.csrfToken);
        setSession({ status: 'signed-in', user: info.user });
      },
      (error: unknown) => {
        if (!active) return;
        const signedOut = error instanceof ApiError && error.code === 'auth.required';
        setSession(
          signedOut ? { status: 'signed-out', reason: 'anonymous' } : { status: 'unavailable', error },
        );
      },
    );
    return () => {
      active = false;
    };
  }, [holder, attempt]);

  const signedIn = useCallback(
    (info: SessionInfo) => {
      holder.setCsrfToken(info.csrfToken);
      setSession({ status: 'signed-in', user: info.user });
    },
    [holder],
  );

  const signOut = useCallback(async () => {
    try {
      await holder.api.call(signOutEndpoint, {});
    } catch (error) {
      // An ended session is already what the person asked for; anything else keeps them signed in.
      if (!(error instanceof ApiError && error.code === 'auth.required')) throw error;
    }
    holder.setCsrfToken(undefined);
    setSession({ status: 'signed-out', reason: 'ended' });
  }, [holder]);

  const updateUser = useCallback((user: User) => setSession({ status: 'signed-in', user }), []);
  const retry = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ session, api: holder.api, signedIn, signOut, updateUser, retry }),
    [session, holder, signedIn, signOut, updateUser, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useUser(): User {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser needs a signed-in session.');
  return session.user;
}

export function useApi(): ApiClient {
  return useSession().api;
}
