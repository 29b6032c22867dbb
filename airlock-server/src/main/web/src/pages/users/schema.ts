import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../components/ChangePasswordForm';
import { ROLES, type NewUser } from '../../types';

/** The limits of a user's fields, as the server enforces them; the inputs' maxLength come from here too. */
export const USER_LIMITS = {
  usernameMax: 64,
  displayNameMax: 100,
  usernamePattern: /^[A-Za-z0-9][A-Za-z0-9._@-]*$/,
} as const;

const passwordPair = {
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
  confirm: z.string(),
};

function matching<T extends { password: string; confirm: string }>(values: T, ctx: z.RefinementCtx) {
  if (values.confirm !== values.password) {
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two passwords do not match.' });
  }
}

/** A temporary password and its confirmation, as an administrator sets it. */
export const passwordPairSchema = z.object(passwordPair).superRefine(matching);

export type PasswordPairValues = z.input<typeof passwordPairSchema>;

/** New user: what the form holds, and the request it becomes. */
export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, 'Enter a username.')
      .max(USER_LIMITS.usernameMax, `Use at most ${USER_LIMITS.usernameMax} characters.`)
      .regex(
        USER_LIMITS.usernamePattern,
        'Use letters, digits, dots, hyphens, underscores or @, starting with a letter or digit.',
      ),
    displayName: z
      .string()
      .trim()
      .min(1, 'Enter the name shown for this user.')
      .max(USER_LIMITS.displayNameMax, `Use at most ${USER_LIMITS.displayNameMax} characters.`),
    role: z.enum(ROLES),
    ...passwordPair,
  })
  .superRefine(matching)
  .transform(({ confirm: _confirm, ...user }): NewUser => user);

export type NewUserValues = z.input<typeof newUserSchema>;

interface BoundField {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}

/** NewPasswordFields' props from a form's password and confirm fields. */
export function passwordPairProps(field: (name: 'password' | 'confirm') => BoundField) {
  const password = field('password');
  const confirm = field('confirm');
  return {
    password: password.value,
    confirm: confirm.value,
    onPasswordChange: password.onChange,
    onConfirmChange: confirm.onChange,
    errors: { password: password.error, confirm: confirm.error },
  };
}
