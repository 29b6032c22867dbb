import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UsersIcon } from '../../components/Icons';
import { ListPage, RowButton, useRowActions } from '../../components/ListPage';
import { EmptyState } from '../../components/States';
import { ResourceTable } from '../../components/TableHead';
import { formatDate, formatTime, roleLabel } from '../../labels';
import { ROLES, type Role, type User } from '../../types';
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
  const { status, actionError, busyIds, announce, run } = useRowActions();
  /** Role chosen in a row's select but not saved yet. */
  const [drafts, setDrafts] = useState<Readonly<Record<number, Role>>>({});

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

  function saveRole(user: User, role: Role) {
    return run(user.id, `The role of ${user.username} was not changed`, async () => {
      const saved = await change.mutateAsync({ id: user.id, changes: { role } });
      setDraft(user.id, null);
      focusRoleSelect(user);
      return `${saved.username} is now ${roleLabel(saved.role)}.`;
    });
  }

  function enable(user: User) {
    return run(user.id, `${user.username} was not enabled`, async () => {
      const saved = await change.mutateAsync({ id: user.id, changes: { enabled: true } });
      return `${saved.username} is enabled and can sign in.`;
    });
  }

  const users = query.data === undefined ? [] : [...query.data].sort(byUsername);

  return (
    <>
      <ListPage
        title="Users"
        description="Accounts that can sign in to Airlock, and the role each one has."
        newLabel="New user"
        canCreate={query.data !== undefined}
        onNew={() => setDialog({ kind: 'create' })}
        testIdPrefix="users"
        status={status}
        actionError={actionError}
        query={query}
        count={users.length}
        loadingLabel="Loading users…"
        errorTitle="Users could not be loaded."
        empty={
          <EmptyState icon={<UsersIcon width={32} height={32} />} title="No users yet." testId="users-empty">
            <p>Create an account for each person who needs to reach equipment or administer Airlock.</p>
          </EmptyState>
        }
      >
        {() => (
          <ResourceTable
            testId="users-table"
            caption="User accounts, sorted by username"
            columns={['Username', 'Display name', 'Role', 'Status', 'Last sign-in']}
          >
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
                            <RowButton
                              tone="primary"
                              busy={busy}
                              onClick={() => void saveRole(user, draft)}
                              label={`Save role ${roleLabel(draft)} for ${user.username}`}
                              testId={`user-role-save-${user.username}`}
                            >
                              {busy ? 'Saving…' : 'Save'}
                            </RowButton>
                            <RowButton
                              tone="ghost"
                              busy={busy}
                              onClick={() => {
                                setDraft(user.id, null);
                                focusRoleSelect(user);
                              }}
                              label={`Keep role ${roleLabel(user.role)} for ${user.username}`}
                            >
                              Cancel
                            </RowButton>
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
                        <RowButton
                          busy={busy}
                          onClick={() => {
                            if (user.enabled) setDialog({ kind: 'disable', user });
                            else void enable(user);
                          }}
                          label={`${user.enabled ? 'Disable' : 'Enable'} ${user.username}`}
                          testId={`user-toggle-${user.username}`}
                        >
                          {user.enabled ? 'Disable' : 'Enable'}
                        </RowButton>
                        <RowButton
                          busy={busy}
                          onClick={() => setDialog({ kind: 'reset', user })}
                          label={`Reset password of ${user.username}`}
                          testId={`user-reset-${user.username}`}
                        >
                          Reset password
                        </RowButton>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </ResourceTable>
        )}
      </ListPage>

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
