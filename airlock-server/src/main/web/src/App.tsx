import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ACCESS_MANAGERS, AuthProvider, SYSTEM_ADMINS, useAuth } from './auth';
import { AuthScreen } from './components/AuthScreen';
import { RequireAuth, RequireRole } from './components/Guards';
import { LogoMark } from './components/Icons';
import { Shell } from './components/Shell';
import { AccessGroupsPage } from './pages/access-groups/AccessGroupsPage';
import { AccountPasswordPage } from './pages/AccountPasswordPage';
import { AssetsPage } from './pages/assets/AssetsPage';
import { IntegrationsPage } from './pages/IntegrationsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RemoteSessionsPage } from './pages/RemoteSessionsPage';
import { RecordingPage } from './pages/history/RecordingPage';
import { SessionHistoryPage } from './pages/history/SessionHistoryPage';
import { ApiTokensPage } from './pages/account/ApiTokensPage';
import { SearchPage } from './pages/search/SearchPage';
import { UsersPage } from './pages/users/UsersPage';

// The terminal windows carry xterm.js: loaded only when one is opened.
const SessionWindowPage = lazy(() => import('./pages/SessionWindowPage').then((m) => ({ default: m.SessionWindowPage })));
const MonitorWindowPage = lazy(() => import('./pages/MonitorWindowPage').then((m) => ({ default: m.MonitorWindowPage })));

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AuthProvider>
  );
}

/** A page only access managers (System and Access Admins) may open; others see it is forbidden. */
const forAccessManagers = (page: ReactNode) => <RequireRole roles={ACCESS_MANAGERS}>{page}</RequireRole>;
/** A page only System Admins may open. */
const forSystemAdmins = (page: ReactNode) => <RequireRole roles={SYSTEM_ADMINS}>{page}</RequireRole>;
/** A full-window page, loaded on first use. */
const inWindow = (page: ReactNode) => <TerminalWindowLoader>{page}</TerminalWindowLoader>;

function AppRoutes() {
  const { state } = useAuth();
  if (state.status === 'loading') return <StartupScreen />;
  if (state.status === 'unavailable') return <UnavailableScreen message={state.message} />;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        {/* Session and monitor windows: full-window terminals without the app shell. */}
        <Route path="session" element={inWindow(<SessionWindowPage />)} />
        <Route path="monitor" element={inWindow(<MonitorWindowPage />)} />
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/sessions" replace />} />
          <Route path="sessions" element={<RemoteSessionsPage />} />
          <Route path="sessions/:id/recording" element={forAccessManagers(<RecordingPage />)} />
          <Route path="access">
            <Route index element={<Navigate to="/access/groups" replace />} />
            <Route path="groups" element={forAccessManagers(<AccessGroupsPage />)} />
            <Route path="assets" element={forSystemAdmins(<AssetsPage />)} />
            <Route path="history" element={forAccessManagers(<SessionHistoryPage />)} />
            <Route path="search" element={forAccessManagers(<SearchPage />)} />
          </Route>
          <Route path="admin">
            <Route index element={<Navigate to="/admin/users" replace />} />
            <Route path="users" element={forSystemAdmins(<UsersPage />)} />
            <Route path="integrations" element={forSystemAdmins(<IntegrationsPage />)} />
          </Route>
          <Route path="account/password" element={<AccountPasswordPage />} />
          <Route path="account/tokens" element={<ApiTokensPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function TerminalWindowLoader({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="term-window">
          <main className="term-message">
            <div className="state state-loading" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" />
              <span>Loading…</span>
            </div>
          </main>
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

function StartupScreen() {
  return (
    <div className="auth-screen">
      <div className="startup" role="status" aria-live="polite" data-testid="app-loading">
        <LogoMark className="brand-mark" width={40} height={40} />
        <span className="spinner" aria-hidden="true" />
        <span>Loading Airlock…</span>
      </div>
    </div>
  );
}

function UnavailableScreen({ message }: { message: string }) {
  const { retry } = useAuth();
  useEffect(() => {
    document.title = 'Airlock is unavailable';
  }, []);
  return (
    <AuthScreen testId="app-unavailable">
      <h1 className="auth-title">Airlock is not responding</h1>
      <p className="alert alert-error" role="alert">
        {message}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={retry}>
          Try again
        </button>
      </div>
    </AuthScreen>
  );
}
