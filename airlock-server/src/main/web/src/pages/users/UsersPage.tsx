import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api';
import { useCurrentUser } from '../../auth';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UsersIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorAlert, ResourceStates, StatusAlert } from '../../components/States';
import { TableHead } from '../../components/TableHead';
import { formatDate, formatTime, roleLabel } from '../../labels';
import { ROLES, type Role, type User } from '../../types';
import { useBusyIds } from '../../useBusyIds';
import { queries } from '../../api/queries';
import { CreateUserDialog } from './CreateUserDialog';
import { useUpdateUser } from './mutations';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type DialogState =
  | { kind: 'create' }
  | { kind: 'disable'; user: User }
  | { kind: 'reset'; user: User }
  | null;

function byUsername(a: User, b: User): number {
  return a.username.localeCompare(b.username, undefined, { sensitivity: 'base' });
}

export function UsersPage() {
  const me = useCurrentUser();
  const query = useQuery(queries.users);
  const change = useUpdateUser();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [statusMessage, setStatusMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyIds, setBusy] = useBusyIds();
  /** Role chosen in a row's select but not saved yet. */
  const [drafts, setDrafts] = useState<Readonly<Record<number, Role>>>({});

  function announce(message: string) {
    setActionError(null);
    setStatusMessage(message);
  }

  function setDraft(id: number, role: Role | null) {
    setDrafts((current) => {
      const next = { ...current };
      if (role === null) delete next[id];
      else next[id] = role;
      return next;
    });
  }

  function focusRoleSelect(user: User) {
    document.getElementById(`user-role-${user.id}`)?.focus();
  }

  async function saveRole(user: User, role: Role) {
    if (busyIds.has(user.id)) return;
    setStatusMessage(null);
    setActionError(null);
    setBusy(user.id, true);
    try {
      const saved = await change.mutateAsync({ id: user.id, changes: { role } });
      setDraft(user.id, null);
      focusRoleSelect(user);
      announce(`${saved.username} is now ${roleLabel(saved.role)}.`);
    } catch (error) {
      setActionError(`The role of ${user.username} was not changed: ${errorMessage(error)}`);
    } finally {
      setBusy(user.id, false);
    }
  }

  async function enable(user: User) {
    if (busyIds.has(user.id)) return;
    setStatusMessage(null);
    setActionError(null);
    setBusy(user.id, true);
    try {
      const saved = await change.mutateAsync({ id: user.id, changes: { enabled: true } });
      announce(`${saved.username} is enabled and can sign in.`);
    } catch (error) {
      setActionError(`${user.username} was not enabled: ${errorMessage(error)}`);
    } finally {
      setBusy(user.id, false);
    }
  }

  const users = query.data === undefined ? [] : [...query.data].sort(byUsername);

  return (
    <>
      <PageHeader
        title="Users"
        description="Accounts that can sign in to Airlock, and the role each one has."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="users-new"
            disabled={query.data === undefined}
          >
            New user
          </button>
        }
      />

      <StatusAlert message={statusMessage} testId="users-status" />
      <ErrorAlert message={actionError} testId="users-action-error" />

      <ResourceStates
        query={query}
        count={users.length}
        loadingLabel="Loading users…"
        errorTitle="Users could not be loaded."
        errorTestId="users-error"
        empty={
          <EmptyState icon={<UsersIcon width={32} height={32} />} title="No users yet." testId="users-empty">
            <p>Create an account for each person who needs to reach equipment or administer Airlock.</p>
          </EmptyState>
        }
      >
        {() => (
          <div className="table-wrap">
            <table className="table" data-testid="users-table">
              <caption className="visually-hidden">User accounts, sorted by username</caption>
              <TableHead columns={['Username', 'Display name', 'Role', 'Status', 'Last sign-in']} />
              <tbody>
                {users.map((user) => {
                  const self = user.id === me.id;
                  const busy = busyIds.has(user.id);
                  const draft = drafts[user.id];
                  return (
                    <tr key={user.id} data-testid={`user-row-${user.username}`} aria-busy={busy || undefined}>
                      <th scope="row" className="mono cell-username">
                        {user.username}
                        {self && <span className="badge badge-info badge-inline">You</span>}
                      </th>
                      <td>{user.displayName}</td>
                      <td>
                        {self ? (
                          <span title="You cannot change your own role.">{roleLabel(user.role)}</span>
                        ) : (
                          <span className="role-editor">
                            <select
                              id={`user-role-${user.id}`}
                              className="select select-compact"
                              aria-label={`Role of ${user.username}`}
                              value={draft ?? user.role}
                              onChange={(e) => {
                                const role = e.target.value as Role;
                                setDraft(user.id, role === user.role ? null : role);
                              }}
                              data-testid={`user-role-${user.username}`}
                            >
                              {ROLES.map((role) => (
                                <option key={role} value={role}>
                                  {roleLabel(role)}
                                </option>
                              ))}
                            </select>
                            {draft !== undefined && (
                              <span className="role-editor-actions">
                                <button
                                  type="button"
                                  className="button button-primary button-small"
                                  aria-disabled={busy || undefined}
                                  onClick={() => void saveRole(user, draft)}
                                  aria-label={`Save role ${roleLabel(draft)} for ${user.username}`}
                                  data-testid={`user-role-save-${user.username}`}
                                >
                                  {busy ? 'Saving…' : 'Save'}
                                </button>
                                <button
                                  type="button"
                                  className="button button-ghost button-small"
                                  aria-disabled={busy || undefined}
                                  onClick={() => {
                                    if (busy) return;
                                    setDraft(user.id, null);
                                    focusRoleSelect(user);
                                  }}
                                  aria-label={`Keep role ${roleLabel(user.role)} for ${user.username}`}
                                >
                                  Cancel
                                </button>
                              </span>
                            )}
                          </span>
                        )}
                      </td>
                      <td>
                        <span className="status-stack">
                          {user.enabled ? (
                            <span className="badge badge-success">Enabled</span>
                          ) : (
                            <span className="badge badge-danger">Disabled</span>
                          )}
                          {user.mustChangePassword && (
                            <span className="badge badge-warning" title="The user must choose a new password at next sign-in.">
                              Temporary password
                            </span>
                          )}
                        </span>
                      </td>
                      <td className="cell-date">
                        {user.lastLoginAt === null ? (
                          <span className="muted">Never</span>
                        ) : (
                          <time dateTime={user.lastLoginAt} title={user.lastLoginAt}>
                            {formatDate(user.lastLoginAt)}
                            <span className="cell-date-time">{formatTime(user.lastLoginAt)}</span>
                          </time>
                        )}
                      </td>
                      <td className="cell-actions">
                        {self ? (
                          <Link to="/account/password" className="button button-ghost button-small">
                            My password
                          </Link>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              aria-disabled={busy || undefined}
                              onClick={() => {
                                if (busy) return;
                                if (user.enabled) setDialog({ kind: 'disable', user });
                                else void enable(user);
                              }}
                              aria-label={`${user.enabled ? 'Disable' : 'Enable'} ${user.username}`}
                              data-testid={`user-toggle-${user.username}`}
                            >
                              {user.enabled ? 'Disable' : 'Enable'}
                            </button>
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              aria-disabled={busy || undefined}
                              onClick={() => {
                                if (!busy) setDialog({ kind: 'reset', user });
                              }}
                              aria-label={`Reset password of ${user.username}`}
                              data-testid={`user-reset-${user.username}`}
                            >
                              Reset password
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ResourceStates>

      {dialog?.kind === 'create' && (
        <CreateUserDialog
          onClose={() => setDialog(null)}
          onCreated={(user) => {
            setDialog(null);
            announce(`User ${user.username} created. They must choose their own password at first sign-in.`);
          }}
        />
      )}
      {dialog?.kind === 'disable' && (
        <DisableUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDisabled={(user) => {
            setDialog(null);
            announce(`${user.username} is disabled and can no longer sign in.`);
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onReset={(user) => {
            setDialog(null);
            announce(`Temporary password set for ${user.username}. They must choose a new one at their next sign-in.`);
          }}
        />
      )}
    </>
  );
}

// --- Disable -------------------------------------------------------------------------------------

function DisableUserDialog({
  user,
  onClose,
  onDisabled,
}: {
  user: User;
  onClose(): void;
  onDisabled(user: User): void;
}) {
  const change = useUpdateUser();
  return (
    <ConfirmDialog
      title={`Disable ${user.username}?`}
      testId="user-disable-dialog"
      confirmTestId="user-disable-confirm"
      errorTestId="user-disable-error"
      confirmLabel="Disable user"
      busyLabel="Disabling…"
      onClose={onClose}
      description={
        <p>
          {user.displayName} will not be able to sign in until an administrator enables the account again. Their
          session history and recordings are kept.
        </p>
      }
      onConfirm={async () => {
        onDisabled(await change.mutateAsync({ id: user.id, changes: { enabled: false } }));
      }}
    />
  );
}
