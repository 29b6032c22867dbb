import { useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { z } from 'zod';
import { ApiError, fetchSession } from '../api';
import { useAuth } from '../auth';
import { AuthScreen } from '../components/AuthScreen';
import { TextField } from '../components/Field';
import { useSchemaForm } from '../forms/useSchemaForm';

const DEFAULT_ROUTE = '/sessions';

const IDS = { username: 'login-username', password: 'login-password' };
const EMPTY = { username: '', password: '' };

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});

/** The route the visitor was sent away from, if it is a safe in-app path. */
function returnPath(state: unknown): string {
  if (state === null || typeof state !== 'object' || !('from' in state)) return DEFAULT_ROUTE;
  const from = (state as { from: unknown }).from;
  if (from === null || typeof from !== 'object') return DEFAULT_ROUTE;
  const { pathname, search, hash } = from as { pathname?: unknown; search?: unknown; hash?: unknown };
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//')) return DEFAULT_ROUTE;
  if (pathname === '/login' || pathname === '/') return DEFAULT_ROUTE;
  return pathname + (typeof search === 'string' ? search : '') + (typeof hash === 'string' ? hash : '');
}

export function LoginPage() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'signedIn') {
    return <Navigate to={returnPath(location.state)} replace />;
  }
  const reason = state.status === 'signedOut' ? state.reason : null;
  return <LoginForm reason={reason} />;
}

function LoginForm({ reason }: { reason: 'expired' | 'signedOut' | null }) {
  const { signIn, refresh } = useAuth();
  const { form, field, formError, setFormError, submitting, onSubmit } = useSchemaForm(signInSchema, EMPTY, IDS);
  const [notice, setNotice] = useState<string | null>(
    reason === 'expired'
      ? 'Your sign-in has ended. Sign in again to continue.'
      : reason === 'signedOut'
        ? 'You have signed out.'
        : null,
  );
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    document.title = 'Sign in · Airlock';
  }, []);

  // Fetch the session before signing in: it issues the CSRF cookie, and notices a sign-in
  // completed in another tab.
  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal)
      .then((info) => {
        if (info.authenticated) void refresh();
      })
      .catch(() => {
        // Aborted, or the server is unreachable: the sign-in request reports that itself.
      });
    return () => controller.abort();
  }, [refresh]);

  useEffect(() => {
    if (lockedUntil === null) return undefined;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= lockedUntil) {
        setLockedUntil(null);
        setFormError(null);
        setNotice('You can try to sign in again.');
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [lockedUntil, setFormError]);

  const secondsLeft = lockedUntil === null ? 0 : Math.max(0, Math.ceil((lockedUntil - now) / 1000));
  const locked = lockedUntil !== null;

  async function attempt(name: string, secret: string) {
    try {
      await signIn(name, secret);
    } catch (e) {
      // A stale CSRF token is refused with 403: fetch a fresh one and try once more.
      if (e instanceof ApiError && e.status === 403) {
        await fetchSession();
        await signIn(name, secret);
        return;
      }
      throw e;
    }
  }

  const submit = onSubmit(async ({ username, password }) => {
    if (locked) return;
    setNotice(null);
    try {
      await attempt(username, password);
      // Success: the auth state changes and <LoginPage> redirects.
    } catch (e) {
      form.setValue('password', '');
      if (e instanceof ApiError && e.status === 429) {
        const start = Date.now();
        setNow(start);
        setLockedUntil(start + (e.retryAfterSeconds ?? 30) * 1000);
      } else {
        document.getElementById(IDS.password)?.focus();
      }
      throw e;
    }
  });

  return (
    <AuthScreen
      below={
        <p className="auth-legal">Access to this system is monitored. Sessions may be recorded for audit.</p>
      }
    >
      <h1 className="auth-title">Sign in</h1>
      <p className="auth-intro">Secure access to plant equipment. Use the account your administrator gave you.</p>

      <div role="status" className={notice ? 'alert alert-info' : 'alert-empty'} data-testid="login-notice">
        {notice}
      </div>
      <div role="alert" className={formError ? 'alert alert-error' : 'alert-empty'} data-testid="login-error">
        {formError}
      </div>

      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={submitting}>
        <TextField
          {...field('username')}
          label="Username"
          data-testid="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          autoFocus
          required
        />
        <TextField
          {...field('password')}
          label="Password"
          data-testid="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button
          type="submit"
          className="button button-primary button-block"
          id="login-submit"
          data-testid="login-submit"
          disabled={submitting || locked}
        >
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
        {locked && (
          <p className="countdown" role="timer" aria-atomic="true" data-testid="login-countdown">
            Sign-in is paused. You can try again in {secondsLeft} {secondsLeft === 1 ? 'second' : 'seconds'}.
          </p>
        )}
      </form>
    </AuthScreen>
  );
}
