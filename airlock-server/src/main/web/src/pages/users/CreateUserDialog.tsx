import { FormDialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { roleLabel } from '../../labels';
import { ROLES, type User } from '../../types';
import { useCreateUser } from './mutations';
import { newUserSchema, passwordPairProps, USER_LIMITS, type NewUserValues } from './schema';

const IDS = {
  username: 'new-user-username',
  displayName: 'new-user-display-name',
  role: 'new-user-role',
  password: 'new-user-password',
  confirm: 'new-user-confirm',
};

const EMPTY: NewUserValues = { username: '', displayName: '', role: 'USER', password: '', confirm: '' };

export function CreateUserDialog({ onClose, onCreated }: { onClose(): void; onCreated(user: User): void }) {
  const { field, lockedField, formError, submitting, onSubmit } = useSchemaForm(newUserSchema, EMPTY, IDS);
  const create = useCreateUser();
  const submit = onSubmit(
    async (user) => onCreated(await create.mutateAsync(user)),
    (error, fields) => {
      if (error.status === 409 && fields.username === undefined) fields.username = error.message;
    },
  );

  return (
    <FormDialog
      title="New user"
      onClose={onClose}
      size="wide"
      form={{ submit, submitting, formError }}
      submitLabel="Create user"
      busyLabel="Creating…"
      testIdPrefix="user-create"
    >
      <div className="form-grid">
        <TextField
          {...lockedField('username')}
          label="Username"
          hint="Used to sign in. It cannot be changed later."
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={USER_LIMITS.usernameMax}
          required
          data-autofocus
        />
        <TextField
          {...lockedField('displayName')}
          label="Display name"
          hint="Shown in the menu, in session history and in audit records."
          autoComplete="off"
          maxLength={USER_LIMITS.displayNameMax}
          required
        />
      </div>
      <SelectField
        {...lockedField('role')}
        label="Role"
        hint="System Admins manage users and integrations; Access Admins manage access groups and review session history; Users open sessions to the equipment they are granted."
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
        {...passwordPairProps(field)}
        disabled={submitting}
      />
    </FormDialog>
  );
}
