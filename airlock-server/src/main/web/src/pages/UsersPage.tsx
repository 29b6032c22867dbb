import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, createUser, errorMessage, listUsers, resetUserPassword, updateUser } from '../api';
import { useCurrentUser } from '../auth';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog, DialogFormActions } from '../components/Dialog';
import { FormError, SelectField, TextField } from '../components/Field';
import { firstErrorId, serverFieldErrors, type FieldErrors } from '../components/formErrors';
import { UsersIcon } from '../components/Icons';
import { NewPasswordFields, validatePasswordPair, type PasswordPairErrors } from '../components/NewPasswordFields';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorAlert, ResourceStates, StatusAlert } from '../components/States';
import { TableHead } from '../components/TableHead';
import { useDeferredFocus } from '../components/access/useDeferredFocus';
import { formatDate, formatTime, roleLabel } from '../labels';
import { ROLES, type Role, type User } from '../types';
import { useBusyIds } from '../useBusyIds';
import { useResource } from '../useResource';

const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;
const USERNAME_MAX = 64;
const DISPLAY_NAME_MAX = 100;

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
  const { resource, reload, update } = useResource(listUsers);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [statusMessage, setStatusMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyIds, setBusy] = useBusyIds();
  /** Role chosen in a row's select but not saved yet. */
  const [drafts, setDrafts] = useState<Readonly<Record<number, Role>>>({});

  function replaceUser(user: User) {
    update((users) => users.map((u) => (u.id === user.id ? user : u)));
  }

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
      const saved = await updateUser(user.id, { role });
      replaceUser(saved);
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
      const saved = await updateUser(user.id, { enabled: true });
      replaceUser(saved);
      announce(`${saved.username} is enabled and can sign in.`);
    } catch (error) {
      setActionError(`${user.username} was not enabled: ${errorMessage(error)}`);
    } finally {
      setBusy(user.id, false);
    }
  }

  const users = resource.status === 'ready' ? [...resource.data].sort(byUsername) : [];

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
            disabled={resource.status !== 'ready'}
          >
            New user
          </button>
        }
      />

      <StatusAlert message={statusMessage} testId="users-status" />
      <ErrorAlert message={actionError} testId="users-action-error" />

      <ResourceStates
        resource={resource}
        count={users.length}
        loadingLabel="Loading users…"
        errorTitle="Users could not be loaded."
        errorTestId="users-error"
        onRetry={reload}
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
            update((list) => [...list.filter((u) => u.id !== user.id), user]);
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
            replaceUser(user);
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
            replaceUser({ ...user, mustChangePassword: true });
            setDialog(null);
            announce(`Temporary password set for ${user.username}. They must choose a new one at their next sign-in.`);
          }}
        />
      )}
    </>
  );
}

// --- New user ------------------------------------------------------------------------------------

type CreateField = 'username' | 'displayName' | 'role' | 'password' | 'confirm';
type CreateErrors = FieldErrors<CreateField>;
const CREATE_FIELD_IDS: Record<CreateField, string> = {
  username: 'new-user-username',
  displayName: 'new-user-display-name',
  role: 'new-user-role',
  password: 'new-user-password',
  confirm: 'new-user-confirm',
};
const CREATE_ORDER: CreateField[] = ['username', 'displayName', 'role', 'password', 'confirm'];

function focusFirst(errors: CreateErrors) {
  const id = firstErrorId(errors, CREATE_ORDER, CREATE_FIELD_IDS);
  if (id !== null) document.getElementById(id)?.focus();
}

function validateNewUser(username: string, displayName: string, password: string, confirm: string): CreateErrors {
  const errors: CreateErrors = {};
  const name = username.trim();
  if (name === '') errors.username = 'Enter a username.';
  else if (name.length > USERNAME_MAX) errors.username = `Use at most ${USERNAME_MAX} characters.`;
  else if (!USERNAME_PATTERN.test(name)) {
    errors.username = 'Use letters, digits, dots, hyphens, underscores or @, starting with a letter or digit.';
  }
  const display = displayName.trim();
  if (display === '') errors.displayName = 'Enter the name shown for this user.';
  else if (display.length > DISPLAY_NAME_MAX) errors.displayName = `Use at most ${DISPLAY_NAME_MAX} characters.`;
  const pair = validatePasswordPair(password, confirm);
  if (pair.password !== undefined) errors.password = pair.password;
  if (pair.confirm !== undefined) errors.confirm = pair.confirm;
  return errors;
}

function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(user: User): void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('USER');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<CreateErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The inputs are disabled while the request runs: focus can only move once they are enabled again.
  const focusLater = useDeferredFocus();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const clientErrors = validateNewUser(username, displayName, password, confirm);
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      focusFirst(clientErrors);
      return;
    }
    setSubmitting(true);
    try {
      const created = await createUser({
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        password,
      });
      onCreated(created);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const serverErrors = serverFieldErrors(error, CREATE_ORDER);
        if (error.status === 409 && serverErrors.username === undefined) serverErrors.username = error.message;
        setErrors(serverErrors);
        setFormError(error.message);
        focusLater(() => {
          const id = firstErrorId(serverErrors, CREATE_ORDER, CREATE_FIELD_IDS);
          return id === null ? null : document.getElementById(id);
        });
      } else {
        setFormError(errorMessage(error));
      }
    }
  }

  const pairErrors: PasswordPairErrors = { password: errors.password, confirm: errors.confirm };

  return (
    <Dialog title="New user" onClose={onClose} busy={submitting} size="wide" testId="user-create-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
        <FormError message={formError} testId="user-create-error" />
        <div className="form-grid">
          <TextField
            id={CREATE_FIELD_IDS.username}
            label="Username"
            value={username}
            onChange={setUsername}
            error={errors.username}
            hint="Used to sign in. It cannot be changed later."
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={USERNAME_MAX}
            disabled={submitting}
            required
            data-autofocus
          />
          <TextField
            id={CREATE_FIELD_IDS.displayName}
            label="Display name"
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName}
            hint="Shown in the menu, in session history and in audit records."
            autoComplete="off"
            maxLength={DISPLAY_NAME_MAX}
            disabled={submitting}
            required
          />
        </div>
        <SelectField
          id={CREATE_FIELD_IDS.role}
          label="Role"
          value={role}
          onChange={(value) => setRole(value as Role)}
          error={errors.role}
          hint="System Admins manage users and integrations; Access Admins manage access groups and review session history; Users open sessions to the equipment they are granted."
          disabled={submitting}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <NewPasswordFields
          idPrefix="new-user"
          label="Temporary password"
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={pairErrors}
          disabled={submitting}
        />
        <DialogFormActions
          onCancel={onClose}
          submitting={submitting}
          submitLabel="Create user"
          busyLabel="Creating…"
          submitTestId="user-create-submit"
        />
      </form>
    </Dialog>
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
        onDisabled(await updateUser(user.id, { enabled: false }));
      }}
    />
  );
}

// --- Reset password ------------------------------------------------------------------------------

function ResetPasswordDialog({
  user,
  onClose,
  onReset,
}: {
  user: User;
  onClose(): void;
  onReset(user: User): void;
}) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PasswordPairErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const clientErrors = validatePasswordPair(password, confirm);
    setErrors(clientErrors);
    setFormError(null);
    if (clientErrors.password !== undefined || clientErrors.confirm !== undefined) {
      document.getElementById(clientErrors.password !== undefined ? 'reset-password-password' : 'reset-password-confirm')?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await resetUserPassword(user.id, password);
      onReset(user);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const fieldMessage = error.fields.newPassword;
        setErrors(fieldMessage === undefined ? {} : { password: fieldMessage });
        if (fieldMessage !== undefined) document.getElementById('reset-password-password')?.focus();
      }
      setFormError(errorMessage(error));
    }
  }

  return (
    <Dialog
      title={`Reset password of ${user.username}`}
      onClose={onClose}
      busy={submitting}
      testId="user-reset-dialog"
      description={
        <p>
          Set a temporary password and give it to {user.displayName} through a trusted channel. They must replace it
          when they next sign in.
        </p>
      }
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
        <FormError message={formError} testId="user-reset-error" />
        <NewPasswordFields
          idPrefix="reset-password"
          label="Temporary password"
          autoFocus
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={errors}
          disabled={submitting}
        />
        <DialogFormActions
          onCancel={onClose}
          submitting={submitting}
          submitLabel="Set temporary password"
          busyLabel="Saving…"
          submitTestId="user-reset-submit"
        />
      </form>
    </Dialog>
  );
}
