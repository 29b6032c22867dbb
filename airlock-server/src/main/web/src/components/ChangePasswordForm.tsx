import { z } from 'zod';
import { changeOwnPassword } from '../api';
import { useChange } from '../api/queries';
import { useSchemaForm } from '../forms/useSchemaForm';
import { FormError, TextField } from './Field';

export const MIN_PASSWORD_LENGTH = 12;

const IDS = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmPassword: 'password-confirm',
};

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** One's own new password: the request carries the current and the new one. */
const changeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
    confirmPassword: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.newPassword.length >= MIN_PASSWORD_LENGTH && values.newPassword === values.currentPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'Choose a password different from the current one.',
      });
    }
    if (values.confirmPassword !== values.newPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords do not match.' });
    }
  });

interface ChangePasswordFormProps {
  /** The signed-in user's name, offered to password managers. */
  username: string;
  submitLabel: string;
  /** Runs after the server accepted the new password. */
  onChanged(): Promise<void> | void;
}

export function ChangePasswordForm({ username, submitLabel, onChanged }: ChangePasswordFormProps) {
  const { form, field, formError, submitting, onSubmit } = useSchemaForm(changeSchema, EMPTY, IDS);
  // Nothing cached holds the password: the caller refreshes the sign-in it may have unlocked.
  const change = useChange(
    ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      changeOwnPassword(currentPassword, newPassword),
    { invalidates: [] },
  );
  const submit = onSubmit(async (passwords) => {
    await change.mutateAsync(passwords);
    form.reset(EMPTY);
    await onChanged();
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={submitting}>
      {/* Lets password managers attach the new password to the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <FormError message={formError} testId="password-error" />
      <TextField
        {...field('currentPassword')}
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        {...field('newPassword')}
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A passphrase of several words is easy to remember and hard to guess.`}
        minLength={MIN_PASSWORD_LENGTH}
        required
      />
      <TextField
        {...field('confirmPassword')}
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submitting} data-testid="password-submit">
          {submitting ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
