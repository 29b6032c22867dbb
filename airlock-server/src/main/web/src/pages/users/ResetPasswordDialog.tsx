import { FormDialog } from '../../components/Dialog';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useSchemaForm } from '../../forms/useSchemaForm';
import type { User } from '../../types';
import { useResetPassword } from './mutations';
import { passwordPairProps, passwordPairSchema, type PasswordPairValues } from './schema';

const IDS = { password: 'reset-password-password', confirm: 'reset-password-confirm' };
const EMPTY: PasswordPairValues = { password: '', confirm: '' };

export function ResetPasswordDialog({
  user,
  onClose,
  onReset,
}: {
  user: User;
  onClose(): void;
  onReset(user: User): void;
}) {
  const { field, formError, submitting, onSubmit } = useSchemaForm(passwordPairSchema, EMPTY, IDS);
  const reset = useResetPassword();
  const submit = onSubmit(
    async ({ password: newPassword }) => {
      await reset.mutateAsync({ user, newPassword });
      onReset(user);
    },
    // The request names the field newPassword; the form calls it password.
    (error, fields) => {
      const message = error.fields.newPassword;
      if (message !== undefined) fields.password = message;
    },
  );

  return (
    <FormDialog
      title={`Reset password of ${user.username}`}
      onClose={onClose}
      form={{ submit, submitting, formError }}
      submitLabel="Set temporary password"
      busyLabel="Saving…"
      testIdPrefix="user-reset"
      description={
        <p>
          Set a temporary password and give it to {user.displayName} through a trusted channel. They must replace it
          when they next sign in.
        </p>
      }
    >
      <NewPasswordFields
        idPrefix="reset-password"
        label="Temporary password"
        autoFocus
        {...passwordPairProps(field)}
        disabled={submitting}
      />
    </FormDialog>
  );
}
