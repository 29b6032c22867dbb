import { useState } from 'react';
import { TextAreaField, TextField } from '../../components/Field';
import { credentialLabel } from '../../labels';
import type { CredentialKind, Protocol } from '../../types';

export const CREDENTIAL_FIELD_IDS = {
  password: 'method-password',
  privateKey: 'method-private-key',
} as const;

/** Kinds that keep a secret in the vault. */
export function storesSecret(kind: CredentialKind): boolean {
  return kind === 'PASSWORD' || kind === 'PRIVATE_KEY';
}

function choices(protocol: Protocol): { kind: CredentialKind; label: string; hint: string }[] {
  const vnc = protocol === 'VNC';
  const list: { kind: CredentialKind; label: string; hint: string }[] = [
    {
      kind: 'NONE',
      label: 'None',
      hint: vnc
        ? 'Nothing is stored; for VNC servers that ask for no password.'
        : "Nothing is stored; the user signs in at the equipment's own prompt.",
    },
    { kind: 'PASSWORD', label: 'Password', hint: 'Airlock signs in for the user; they never see it.' },
  ];
  if (protocol === 'SSH') {
    list.push({ kind: 'PRIVATE_KEY', label: 'Private key', hint: 'For SSH public-key sign-in.' });
  }
  list.push({
    kind: 'ASK_USER',
    label: 'Ask the user when the session opens',
    hint: vnc
      ? 'The session window asks for the VNC password each time. Nothing secret is stored.'
      : 'The session window asks for the password (and the username if none is set above) each time. ' +
        'Nothing secret is stored.',
  });
  return list;
}

/**
 * The credential choice and, for a stored one, its write-only field. Editing with the same kind already
 * stored, an empty field keeps it.
 */
export function CredentialFields({
  protocol,
  stored,
  editing,
  credential,
  onCredentialChange,
  password,
  onPasswordChange,
  privateKey,
  onPrivateKeyChange,
  errors,
  disabled,
}: {
  protocol: Protocol;
  stored: CredentialKind;
  editing: boolean;
  credential: CredentialKind;
  onCredentialChange(kind: CredentialKind): void;
  password: string;
  onPasswordChange(value: string): void;
  privateKey: string;
  onPrivateKeyChange(value: string): void;
  errors: { password?: string; privateKey?: string };
  disabled: boolean;
}) {
  const [showPassword, setShowPassword] = useState(false);
  const keepsStored = editing && credential === stored && storesSecret(stored);
  const keepHint = 'Stored encrypted; leave empty to keep the current one.';
  return (
    <fieldset className="fieldset" disabled={disabled} data-testid="method-credential">
      <legend className="field-label">Credential</legend>
      <div className="choice-list">
        {choices(protocol).map((choice) => (
          <label key={choice.kind} className="choice">
            <input
              type="radio"
              name="credential"
              id={`method-credential-${choice.kind.toLowerCase()}`}
              value={choice.kind}
              checked={credential === choice.kind}
              onChange={() => onCredentialChange(choice.kind)}
            />
            <span>
              <span className="choice-label">{choice.label}</span>
              <span className="choice-hint">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {credential === 'PASSWORD' && (
        <>
          <TextField
            id={CREDENTIAL_FIELD_IDS.password}
            name="password"
            label={keepsStored ? 'New password' : 'Password'}
            type={showPassword ? 'text' : 'password'}
            autoComplete="new-password"
            spellCheck={false}
            value={password}
            onChange={onPasswordChange}
            error={errors.password}
            hint={keepsStored ? keepHint : 'Stored encrypted and never shown again.'}
            required={!keepsStored}
          />
          <label className="checkbox">
            <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
            Show password
          </label>
        </>
      )}
      {credential === 'PRIVATE_KEY' && (
        <TextAreaField
          id={CREDENTIAL_FIELD_IDS.privateKey}
          name="privateKey"
          label={keepsStored ? 'New private key' : 'Private key'}
          className="mono"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          placeholder={'-----BEGIN OPENSSH PRIVATE KEY-----\n…'}
          value={privateKey}
          onChange={onPrivateKeyChange}
          error={errors.privateKey}
          hint={keepsStored ? keepHint : 'OpenSSH or PEM format. Stored encrypted and never shown again.'}
          required={!keepsStored}
        />
      )}
      {editing && !storesSecret(credential) && storesSecret(stored) && (
        <p className="alert alert-warning" data-testid="method-credential-clear-note">
          The stored {credentialLabel(stored).toLowerCase()} will be deleted when you save.
        </p>
      )}
    </fieldset>
  );
}
