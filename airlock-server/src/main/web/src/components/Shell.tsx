import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { errorMessage } from '../api';
import { ACCESS_MANAGERS, hasRole, SYSTEM_ADMINS, useAuth, useCurrentUser } from '../auth';
import { roleLabel } from '../labels';
import { AuthScreen } from './AuthScreen';
import { ChangePasswordForm } from './ChangePasswordForm';
import {
  EquipmentIcon,
  GroupIcon,
  HistoryIcon,
  LockIcon,
  LogoMark,
  SearchIcon,
  StorageIcon,
  TerminalIcon,
  UsersIcon,
} from './Icons';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]?.[0], parts[parts.length - 1]?.[0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase();
}

/** A group of the main navigation's links under a heading that names the list. */
function NavSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <div className="nav-section">
      <span className="nav-heading" id={id}>
        {heading}
      </span>
      <ul className="nav-list" aria-labelledby={id}>
        {children}
      </ul>
    </div>
  );
}

/** A link of the main navigation; its id is also its test id. */
function NavItem({ to, end, id, icon, label }: { to: string; end?: boolean; id: string; icon: ReactNode; label: string }) {
  return (
    <li>
      <NavLink to={to} end={end} className="nav-link" data-testid={id} id={id}>
        {icon}
        <span>{label}</span>
      </NavLink>
    </li>
  );
}

function useSignOut() {
  const { signOut } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (e) {
      setError(`Sign-out did not complete: ${errorMessage(e)}`);
      setBusy(false);
    }
  }
  return { run, error, busy };
}

/** Layout for every signed-in page. Users who must change their password see only that form. */
export function Shell() {
  const user = useCurrentUser();
  return user.mustChangePassword ? <RequiredPasswordChange /> : <AppLayout />;
}

function AppLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const signOut = useSignOut();

  // After client-side navigation, move focus to the new page's heading so keyboard and
  // screen-reader users start at the top of the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);

  const showAccess = hasRole(user, ACCESS_MANAGERS);
  const showAdmin = hasRole(user, SYSTEM_ADMINS);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <LogoMark className="brand-mark" width={30} height={30} />
          <span className="brand-name">Airlock</span>
        </div>
        <nav aria-label="Main" className="nav">
          <ul className="nav-list">
            <NavItem to="/sessions" end id="nav-remote-sessions" icon={<TerminalIcon />} label="Remote Sessions" />
          </ul>
          {showAccess && (
            <NavSection id="nav-heading-access" heading="Access Management">
              <NavItem to="/access/groups" id="nav-access-groups" icon={<GroupIcon />} label="Access Groups" />
              {showAdmin && <NavItem to="/access/assets" id="nav-assets" icon={<EquipmentIcon />} label="Assets" />}
              <NavItem to="/access/history" id="nav-session-history" icon={<HistoryIcon />} label="Session History" />
              <NavItem to="/access/search" id="nav-search" icon={<SearchIcon />} label="Search Recordings" />
            </NavSection>
          )}
          {showAdmin && (
            <NavSection id="nav-heading-admin" heading="Administration">
              <NavItem to="/admin/users" id="nav-users" icon={<UsersIcon />} label="Users" />
              <NavItem to="/admin/integrations" id="nav-integrations" icon={<StorageIcon />} label="External Integrations" />
            </NavSection>
          )}
        </nav>
      </aside>
      <div className="workspace">
        <header className="topbar">
          <div className="topbar-user">
            <span className="avatar" aria-hidden="true">
              {initials(user.displayName || user.username)}
            </span>
            <span className="topbar-identity">
              <span className="topbar-name" data-testid="user-menu-name" id="user-menu-name">
                {user.displayName || user.username}
              </span>
              <span className="topbar-role" data-testid="user-menu-role">
                {roleLabel(user.role)}
              </span>
            </span>
          </div>
          <div className="topbar-actions">
            <NavLink to="/account/password" className="topbar-link" data-testid="change-password">
              Change password
            </NavLink>
            <NavLink to="/account/tokens" className="topbar-link" data-testid="api-tokens">
              API tokens
            </NavLink>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => void signOut.run()}
              disabled={signOut.busy}
              data-testid="sign-out"
              id="sign-out"
            >
              {signOut.busy ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </header>
        {signOut.error !== null && (
          <div className="banner" role="alert">
            {signOut.error}
          </div>
        )}
        <main id="main" className="main" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function RequiredPasswordChange() {
  const user = useCurrentUser();
  const { refresh } = useAuth();
  const signOut = useSignOut();

  useEffect(() => {
    document.title = 'Choose a new password · Airlock';
  }, []);

  return (
    <AuthScreen testId="required-password-change">
      <div className="auth-heading">
        <LockIcon className="auth-heading-icon" />
        <h1 className="auth-title">Choose a new password</h1>
      </div>
      <p className="auth-intro">
        Signed in as <strong>{user.username}</strong>. Your password was set by an administrator; choose your own
        before you continue.
      </p>
      <ChangePasswordForm username={user.username} submitLabel="Change password and continue" onChanged={refresh} />
      {signOut.error !== null && (
        <p className="alert alert-error" role="alert">
          {signOut.error}
        </p>
      )}
      <div className="auth-footer">
        <button
          type="button"
          className="button-link"
          onClick={() => void signOut.run()}
          disabled={signOut.busy}
          data-testid="sign-out"
        >
          Sign out instead
        </button>
      </div>
    </AuthScreen>
  );
}
