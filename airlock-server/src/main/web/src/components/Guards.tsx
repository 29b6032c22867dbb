import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { hasRole, useAuth, useCurrentUser } from '../auth';
import type { Role } from '../types';
import { ForbiddenPage } from '../pages/ForbiddenPage';

/** Sends visitors who are not signed in to /login, remembering where they were going. */
export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status !== 'signedIn') {
    // After an explicit sign-out the next person starts from the default page.
    const from = state.status === 'signedOut' && state.reason === 'signedOut' ? undefined : location;
    return <Navigate to="/login" replace state={from === undefined ? undefined : { from }} />;
  }
  return <Outlet />;
}

/** Shows the page only to the given roles; others see an explanation (the server enforces the same rule). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return hasRole(user, roles) ? children : <ForbiddenPage />;
}
