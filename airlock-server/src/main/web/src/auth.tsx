import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import * as api from './api';
import type { Role, SessionInfo, SessionUser } from './types';

export type AuthState =
  | { status: 'loading' }
  | { status: 'unavailable'; message: string }
  | { status: 'signedOut'; reason: 'expired' | 'signedOut' | null }
  | { status: 'signedIn'; user: SessionUser };

interface AuthContextValue {
  state: AuthState;
  /** Signs in; throws ApiError on failure (401 invalid credentials, 429 locked out, ...). */
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Re-reads GET /api/session (also refreshes the CSRF cookie); throws ApiError when unreachable. */
  refresh(): Promise<void>;
  /** Starts over after the server was unreachable at start-up. */
  retry(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

function fromSession(info: SessionInfo): AuthState {
  return info.authenticated ? { status: 'signedIn', user: info.user } : { status: 'signedOut', reason: null };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const info = await api.fetchSession(signal);
      setState(fromSession(info));
    } catch (error) {
      if (api.isAbortError(error)) return;
      setState({ status: 'unavailable', message: api.errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    api.setUnauthorizedHandler(() => {
      setState((current) =>
        current.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : current,
      );
    });
    return () => api.setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const info = await api.signIn(username, password);
    if (!info.authenticated) {
      throw new api.ApiError(401, 'Invalid username or password.');
    }
    setState({ status: 'signedIn', user: info.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      // A 401 means the sign-in had already ended; anything else leaves the user signed in.
      if (!(error instanceof api.ApiError) || error.status !== 401) throw error;
    }
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const refresh = useCallback(async () => {
    const info = await api.fetchSession();
    setState((current) => {
      if (info.authenticated) return { status: 'signedIn', user: info.user };
      if (current.status === 'signedIn') return { status: 'signedOut', reason: 'expired' };
      return { status: 'signedOut', reason: current.status === 'signedOut' ? current.reason : null };
    });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void load();
  }, [load]);

  const value = useMemo<AuthContextValue>(
    () => ({ state, signIn, signOut, refresh, retry }),
    [state, signIn, signOut, refresh, retry],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user. Only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}

export const ACCESS_MANAGERS: readonly Role[] = ['SYSTEM_ADMIN', 'ACCESS_ADMIN'];
export const SYSTEM_ADMINS: readonly Role[] = ['SYSTEM_ADMIN'];

export function hasRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}
