import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { protocolLabel } from '../../labels';
import type { LaunchGrant } from '../../types';
import { TextField } from '../Field';
import type { TypedCredentials } from './terminal';
import './session-window.css';

interface SignInFormProps {
  grant: LaunchGrant;
  /** What the user typed on an earlier attempt (never the password), when the grant has no username. */
  initialUsername: string;
  onSubmit(credentials: TypedCredentials): void;
}

/**
 * Asks for the equipment's credentials when the access method does not store them. Shown before the
 * session's socket opens; the password lives in this form's state only until Connect hands it over.
 */
export function SignInForm({ grant, initialUsername, onSubmit }: SignInFormProps) {
  const storedUsername = grant.username !== null && grant.username !== '' ? grant.username : null;
  const [username, setUsername] = useState(storedUsername ?? initialUsername);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Focus the first field still to fill in.
  useLayoutEffect(() => {
    (storedUsername === null && initialUsername === '' ? usernameRef : passwordRef).current?.focus();
  }, [storedUsername, initialUsername]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: typeof errors = {};
    if (storedUsername === null && username.trim() === '') missing.username = 'Enter your username on the equipment.';
    if (password === '') missing.password = 'Enter your password on the equipment.';
    setErrors(missing);
    if (missing.username !== undefined) {
      usernameRef.current?.focus();
      return;
    }
    if (missing.password !== undefined) {
      passwordRef.current?.focus();
      return;
    }
    const typed = { username: storedUsername ?? username.trim(), password };
    setPassword('');
    onSubmit(typed);
  }

  return (
    <main className="term-message">
      <form className="term-message-card form session-sign-in" onSubmit={submit} noValidate data-testid="session-sign-in">
        <h1 className="term-message-title">Sign in to {grant.assetName}</h1>
        <p className="term-message-text">
          {protocolLabel(grant.protocol)} to <span className="mono">{grant.host}:{grant.port}</span>. What you enter
          is used for this connection only; Airlock does not keep it.
        </p>
        <TextField
          ref={usernameRef}
          id="session-sign-in-username"
          label="Username"
          value={username}
          onChange={setUsername}
          error={errors.username}
          readOnly={storedUsername !== null}
          hint={storedUsername !== null ? 'Set by the access method.' : undefined}
          // The equipment's account, not Airlock's: the browser must not fill in the gateway sign-in.
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={256}
          required
        />
        <TextField
          ref={passwordRef}
          id="session-sign-in-password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          autoComplete="off"
          maxLength={1024}
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
