import { useState, type FormEvent } from 'react';
import { ApiError, changeOwnPassword, errorMessage } from '../api';
import { FormError, TextField } from './Field';

export const MIN_PASSWORD_LENGTH = 12;

type FieldName = 'currentPassword' | 'newPassword' | 'confirmPassword';
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_ORDER: FieldName[] = ['currentPassword', 'newPassword', 'confirmPassword'];
const FIELD_IDS: Record<FieldName, string> = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmPassword: 'password-confirm',
};

function validate(current: string, next: string, confirm: string): FieldErrors {
  const errors: FieldErrors = {};
  if (current === '') errors.currentPassword = 'Enter your current password.';
  if (next.length < MIN_PASSWORD_LENGTH) {
    errors.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  } else if (next === current) {
    errors.newPassword = 'Choose a password different from the current one.';
  }
  if (confirm !== next) errors.confirmPassword = 'The two new passwords do not match.';
  return errors;
}

function focusFirstError(errors: FieldErrors) {
  const first = FIELD_ORDER.find((name) => errors[name] !== undefined);
  if (first !== undefined) document.getElementById(FIELD_IDS[first])?.focus();
}

interface ChangePasswordFormProps {
  /** The signed-in user's name, offered to password managers. */
  username: string;
  submitLabel: string;
  /** Runs after the server accepted the new password. */
  onChanged(): Promise<void> | void;
}

export function ChangePasswordForm({ username, submitLabel, onChanged }: ChangePasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const clientErrors = validate(current, next, confirm);
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      focusFirstError(clientErrors);
      return;
    }
    setSubmitting(true);
    try {
      await changeOwnPassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setErrors({});
      await onChanged();
    } catch (error) {
      if (error instanceof ApiError) {
        const serverErrors: FieldErrors = {};
        for (const name of FIELD_ORDER) {
          const message = error.fields[name];
          if (message !== undefined) serverErrors[name] = message;
        }
        setErrors(serverErrors);
        setFormError(error.message);
        focusFirstError(serverErrors);
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
      {/* Lets password managers attach the new password to the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <FormError message={formError} testId="password-error" />
      <TextField
        id={FIELD_IDS.currentPassword}
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
        required
      />
      <TextField
        id={FIELD_IDS.newPassword}
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A passphrase of several words is easy to remember and hard to guess.`}
        error={errors.newPassword}
        minLength={MIN_PASSWORD_LENGTH}
        required
      />
      <TextField
        id={FIELD_IDS.confirmPassword}
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
        error={errors.confirmPassword}
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
