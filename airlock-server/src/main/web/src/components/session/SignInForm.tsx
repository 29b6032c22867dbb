import { useLayoutEffect } from 'react';
import { z } from 'zod';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { protocolLabel } from '../../labels';
import type { LaunchGrant } from '../../types';
import { TextField } from '../Field';
import type { TypedCredentials } from './terminal';
import './session-window.css';

const IDS = { username: 'session-sign-in-username', password: 'session-sign-in-password' };

/** What the session's socket accepts in its sign-in message. */
const LIMITS = { usernameMax: 256, passwordMax: 1024 } as const;

/** The equipment's credentials; the username is asked for only when the access method does not set one. */
function signInSchema(asksUsername: boolean) {
  return z.object({
    username: asksUsername
      ? z.string().trim().min(1, 'Enter your username on the equipment.').max(LIMITS.usernameMax)
      : z.string(),
    password: z.string().min(1, 'Enter your password on the equipment.').max(LIMITS.passwordMax),
  });
}

interface SignInFormProps {
  grant: LaunchGrant;
  /** What the user typed on an earlier attempt (never the password), when the grant has no username. */
  initialUsername: string;
  onSubmit(credentials: TypedCredentials): void;
}

/**
 * Asks for the equipment's credentials when the access method does not store them. Shown before the
 * session's socket opens; the password lives in this form's state only until Connect hands it over. A VNC
 * server knows no usernames: its form asks for the password alone.
 */
export function SignInForm({ grant, initialUsername, onSubmit }: SignInFormProps) {
  const storedUsername = grant.username !== null && grant.username !== '' ? grant.username : null;
  const withUsername = grant.protocol !== 'VNC';
  const { form, field, onSubmit: validated } = useSchemaForm(
    signInSchema(withUsername && storedUsername === null),
    { username: storedUsername ?? initialUsername, password: '' },
    IDS,
  );

  // Focus the first field still to fill in.
  useLayoutEffect(() => {
    const username = withUsername && storedUsername === null && initialUsername === '';
    document.getElementById(username ? IDS.username : IDS.password)?.focus();
  }, [withUsername, storedUsername, initialUsername]);

  const submit = validated(async (typed) => {
    form.setValue('password', '');
    onSubmit(typed);
  });

  return (
    <main className="term-message">
      <form
        className="term-message-card form session-sign-in"
        onSubmit={(event) => void submit(event)}
        noValidate
        data-testid="session-sign-in"
      >
        <h1 className="term-message-title">Sign in to {grant.assetName}</h1>
        <p className="term-message-text">
          {protocolLabel(grant.protocol)} to <span className="mono">{grant.host}:{grant.port}</span>. What you enter
          is used for this connection only; Airlock does not keep it.
        </p>
        {withUsername && (
          <TextField
            {...field('username')}
            label="Username"
            readOnly={storedUsername !== null}
            hint={storedUsername !== null ? 'Set by the access method.' : undefined}
            // The equipment's account, not Airlock's: the browser must not fill in the gateway sign-in.
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={LIMITS.usernameMax}
            required
          />
        )}
        <TextField
          {...field('password')}
          label="Password"
          type="password"
          autoComplete="off"
          maxLength={LIMITS.passwordMax}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="session-sign-in-submit">
            Connect
          </button>
        </div>
      </form>
    </main>
  );
}
