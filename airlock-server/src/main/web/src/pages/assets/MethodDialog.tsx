import { useState, type FormEvent } from 'react';
import { createMethod, fetchTerminalOptions, updateMethod } from '../../api';
import { Dialog, DialogFormActions } from '../../components/Dialog';
import { FormError, SelectField, TextField } from '../../components/Field';
import type { FieldErrors } from '../../components/formErrors';
import { DEFAULT_PORTS, protocolLabel } from '../../labels';
import {
  PROTOCOLS,
  TELNET_PROMPT_KINDS,
  type AccessMethod,
  type AccessMethodInput,
  type Asset,
  type CharsetOption,
  type CredentialKind,
  type Protocol,
  type TelnetPromptKind,
} from '../../types';
import { useResource } from '../../useResource';
import { CREDENTIAL_FIELD_IDS, CredentialFields, storesSecret } from './CredentialFields';
import { methodName, orNull } from './methods';
import { useFieldForm } from './useFieldForm';
import {
  PROMPT_MAX,
  promptFieldId,
  storedPrompts,
  TelnetPromptFields,
  type PromptValues,
} from './TelnetPromptFields';

const USERNAME_MAX = 128;
const UTF8 = 'UTF-8';

const PROMPT_FIELDS = {
  username: 'telnetUsernamePrompt',
  password: 'telnetPasswordPrompt',
  success: 'telnetSuccessPrompt',
  failure: 'telnetFailurePrompt',
} as const satisfies Record<TelnetPromptKind, string>;

type PromptField = (typeof PROMPT_FIELDS)[TelnetPromptKind];
type MethodField = 'protocol' | 'port' | 'username' | 'charset' | 'password' | 'privateKey' | PromptField;
type MethodErrors = FieldErrors<MethodField>;

const METHOD_FIELD_IDS: Record<MethodField, string> = {
  protocol: 'method-protocol',
  port: 'method-port',
  username: 'method-username',
  charset: 'method-charset',
  ...CREDENTIAL_FIELD_IDS,
  telnetUsernamePrompt: promptFieldId('username'),
  telnetPasswordPrompt: promptFieldId('password'),
  telnetSuccessPrompt: promptFieldId('success'),
  telnetFailurePrompt: promptFieldId('failure'),
};
const METHOD_ORDER: MethodField[] = [
  'protocol',
  'port',
  'username',
  'charset',
  'password',
  'privateKey',
  ...TELNET_PROMPT_KINDS.map((kind) => PROMPT_FIELDS[kind]),
];

const USERNAME_HINTS: Record<Protocol, string> = {
  SSH: 'The account Airlock signs in with on the equipment.',
  TELNET: 'Leave empty if the user types it at the login prompt.',
  VNC: 'Most VNC servers ask only for a password; leave empty unless the equipment needs one.',
  RDP: 'A local account, or DOMAIN\\user for a domain account.',
};

/** Terminal protocols carry text, so the equipment's character set matters to them alone. */
function isTerminal(protocol: Protocol): boolean {
  return protocol === 'SSH' || protocol === 'TELNET';
}

function hasPromptError(errors: MethodErrors): boolean {
  return TELNET_PROMPT_KINDS.some((kind) => errors[PROMPT_FIELDS[kind]] !== undefined);
}

/** The offered character sets, with the stored one added when it is not among them. */
function charsetChoices(offered: CharsetOption[], current: string): CharsetOption[] {
  const list = offered.length > 0 ? offered : [{ name: UTF8, description: 'Unicode' }];
  return list.some((option) => option.name === current) ? list : [...list, { name: current, description: 'Stored' }];
}

/** Adds an access method to an asset, or edits one. */
export function MethodDialog({
  asset,
  method,
  onClose,
  onSaved,
}: {
  asset: Asset;
  method: AccessMethod | null;
  onClose(): void;
  onSaved(method: AccessMethod, created: boolean): void;
}) {
  const editing = method !== null;
  const stored: CredentialKind = method?.credential ?? 'NONE';
  const { resource: options } = useResource(fetchTerminalOptions);
  const [protocol, setProtocol] = useState<Protocol>(method?.protocol ?? 'SSH');
  const [port, setPort] = useState(String(method?.port ?? DEFAULT_PORTS.SSH));
  const [username, setUsername] = useState(method?.username ?? '');
  const [charset, setCharset] = useState(method?.charset ?? UTF8);
  const [credential, setCredential] = useState<CredentialKind>(stored);
  const [password, setPassword] = useState('');
  const [privateKey, setPrivateKey] = useState('');
  const [prompts, setPrompts] = useState<PromptValues>(() => storedPrompts(method?.telnetPrompts));
  const [promptsOpen, setPromptsOpen] = useState(false);
  const { errors, formError, submitting, submit } = useFieldForm(METHOD_ORDER, METHOD_FIELD_IDS);

  const keepsStored = editing && credential === stored && storesSecret(stored);
  const offered = options.status === 'ready' ? options.data.charsets : [];
  const promptDefaults = options.status === 'ready' ? options.data.telnetPromptDefaults : null;

  function changeProtocol(next: Protocol) {
    // Follow the new protocol's default port unless the port was set by hand.
    if (port.trim() === '' || Number(port) === DEFAULT_PORTS[protocol]) setPort(String(DEFAULT_PORTS[next]));
    if (next !== 'SSH' && credential === 'PRIVATE_KEY') setCredential('PASSWORD');
    setProtocol(next);
  }

  function validate(): MethodErrors {
    const result: MethodErrors = {};
    const portNumber = Number(port.trim());
    if (port.trim() === '') result.port = 'Enter the port.';
    else if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
      result.port = 'Enter a whole number from 1 to 65535.';
    }
    if (username.trim().length > USERNAME_MAX) result.username = `Use at most ${USERNAME_MAX} characters.`;
    if (credential === 'PASSWORD' && password === '' && !keepsStored) result.password = 'Enter the password.';
    if (credential === 'PRIVATE_KEY' && privateKey.trim() === '' && !keepsStored) {
      result.privateKey = 'Paste the private key.';
    }
    if (protocol === 'TELNET') {
      for (const kind of TELNET_PROMPT_KINDS) {
        if (prompts[kind].length > PROMPT_MAX) result[PROMPT_FIELDS[kind]] = `Use at most ${PROMPT_MAX} characters.`;
      }
    }
    return result;
  }

  function input(): AccessMethodInput {
    const telnet = protocol === 'TELNET';
    const pattern = (kind: TelnetPromptKind) => (telnet && prompts[kind].trim() !== '' ? prompts[kind] : null);
    const result: AccessMethodInput = {
      protocol,
      port: Number(port.trim()),
      username: orNull(username),
      credential,
      charset: isTerminal(protocol) ? charset : UTF8,
      telnetUsernamePrompt: pattern('username'),
      telnetPasswordPrompt: pattern('password'),
      telnetSuccessPrompt: pattern('success'),
      telnetFailurePrompt: pattern('failure'),
    };
    if (credential === 'PASSWORD' && password !== '') result.password = password;
    if (credential === 'PRIVATE_KEY' && privateKey.trim() !== '') result.privateKey = privateKey.trim() + '\n';
    return result;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(validate(), async () => {
      const saved = method === null ? await createMethod(asset.id, input()) : await updateMethod(method.id, input());
      onSaved(saved, method === null);
    });
  }

  return (
    <Dialog
      title={method === null ? `Add access method to ${asset.name}` : `Edit ${methodName(method)} of ${asset.name}`}
      onClose={onClose}
      busy={submitting}
      size="wide"
      testId="method-dialog"
      description={
        <p>
          Connections go from the gateway to <span className="mono">{asset.host}</span>.
        </p>
      }
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
        <FormError message={formError} testId="method-error" />
        <div className="form-grid form-grid-top">
          <SelectField
            id={METHOD_FIELD_IDS.protocol}
            name="protocol"
            label="Protocol"
            value={protocol}
            onChange={(value) => changeProtocol(value as Protocol)}
            error={errors.protocol}
            disabled={submitting}
            data-autofocus
          >
            {PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {protocolLabel(p)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={METHOD_FIELD_IDS.port}
            name="port"
            label="Port"
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            step={1}
            value={port}
            onChange={setPort}
            error={errors.port}
            hint={`${protocolLabel(protocol)} usually listens on ${DEFAULT_PORTS[protocol]}.`}
            disabled={submitting}
            required
          />
        </div>
        <div className="form-grid form-grid-top">
          <TextField
            id={METHOD_FIELD_IDS.username}
            name="username"
            label="Username (optional)"
            value={username}
            onChange={setUsername}
            error={errors.username}
            hint={
              credential === 'ASK_USER'
                ? 'Left empty, the session window asks for it too.'
                : USERNAME_HINTS[protocol]
            }
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={USERNAME_MAX}
            disabled={submitting}
          />
          {isTerminal(protocol) && (
            <SelectField
              id={METHOD_FIELD_IDS.charset}
              name="charset"
              label="Character set"
              value={charset}
              onChange={setCharset}
              error={errors.charset}
              hint="How the equipment encodes text. Older equipment often uses ISO-8859-1 or CP437 (IBM437)."
              disabled={submitting}
            >
              {charsetChoices(offered, charset).map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name} — {option.description}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <CredentialFields
          protocol={protocol}
          stored={stored}
          editing={editing}
          credential={credential}
          onCredentialChange={setCredential}
          password={password}
          onPasswordChange={setPassword}
          privateKey={privateKey}
          onPrivateKeyChange={setPrivateKey}
          errors={errors}
          disabled={submitting}
        />
        {protocol === 'TELNET' && (
          <TelnetPromptFields
            values={prompts}
            defaults={promptDefaults}
            errors={{
              username: errors.telnetUsernamePrompt,
              password: errors.telnetPasswordPrompt,
              success: errors.telnetSuccessPrompt,
              failure: errors.telnetFailurePrompt,
            }}
            // A field inside the folded section must be visible to show its error and take focus.
            open={promptsOpen || hasPromptError(errors)}
            onToggle={setPromptsOpen}
            onChange={(kind, value) => setPrompts((current) => ({ ...current, [kind]: value }))}
            disabled={submitting}
          />
        )}
        <DialogFormActions
          onCancel={onClose}
          submitting={submitting}
          submitLabel={method === null ? 'Add access method' : 'Save access method'}
          busyLabel="Saving…"
          submitTestId="method-submit"
        />
      </form>
    </Dialog>
  );
}
