import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from './ChangePasswordForm';
import { TextField } from './Field';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random password from an unambiguous alphabet, using the browser's CSPRNG without modulo bias. */
export function generatePassword(length = 16): string {
  const limit = Math.floor(0x1_0000_0000 / ALPHABET.length) * ALPHABET.length;
  let result = '';
  while (result.length < length) {
    const values = crypto.getRandomValues(new Uint32Array(length));
    for (const value of values) {
      if (value < limit && result.length < length) result += ALPHABET[value % ALPHABET.length];
    }
  }
  return result;
}

export interface PasswordPairErrors {
  password?: string | undefined;
  confirm?: string | undefined;
}

interface NewPasswordFieldsProps {
  idPrefix: string;
  label: string;
  password: string;
  confirm: string;
  onPasswordChange(value: string): void;
  onConfirmChange(value: string): void;
  errors: PasswordPairErrors;
  disabled?: boolean;
  /** Give the first field initial focus when shown in a dialog. */
  autoFocus?: boolean;
}

/** Temporary password + confirmation, with a generator and a show/hide switch for administrators. */
export function NewPasswordFields({
  idPrefix,
  label,
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  errors,
  disabled = false,
  autoFocus = false,
}: NewPasswordFieldsProps) {
  const [visible, setVisible] = useState(false);
  const type = visible ? 'text' : 'password';
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend className="field-label">{label}</legend>
      <TextField
        id={`${idPrefix}-password`}
        label="Password"
        type={type}
        autoComplete="new-password"
        spellCheck={false}
        value={password}
        onChange={onPasswordChange}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. The user must replace it at their next sign-in.`}
        error={errors.password}
        required
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      />
      <TextField
        id={`${idPrefix}-confirm`}
        label="Confirm password"
        type={type}
        autoComplete="new-password"
        spellCheck={false}
        value={confirm}
        onChange={onConfirmChange}
        error={errors.confirm}
        required
      />
      <div className="inline-controls">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            const generated = generatePassword();
            onPasswordChange(generated);
            onConfirmChange(generated);
            setVisible(true);
          }}
        >
          Generate password
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
          Show password
        </label>
      </div>
    </fieldset>
  );
}
