import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../../api/queries';
import { FormDialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { DEFAULT_PORTS, protocolLabel } from '../../labels';
import { PROTOCOLS, TELNET_PROMPT_KINDS, type AccessMethod, type Asset, type CharsetOption, type CredentialKind, type Protocol, type TelnetPromptKind } from '../../types';
import { CREDENTIAL_FIELD_IDS, CredentialFields } from './CredentialFields';
import { methodName } from './methods';
import { useSaveMethod } from './mutations';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { isTerminal, METHOD_LIMITS, methodSchema, UTF8 } from './schema';
import { promptFieldId, storedPrompts, TelnetPromptFields } from './TelnetPromptFields';


const PROMPT_FIELDS = {
  username: 'telnetUsernamePrompt',
  password: 'telnetPasswordPrompt',
  success: 'telnetSuccessPrompt',
  failure: 'telnetFailurePrompt',
} as const satisfies Record<TelnetPromptKind, string>;

type PromptField = (typeof PROMPT_FIELDS)[TelnetPromptKind];
type MethodField = 'protocol' | 'port' | 'username' | 'charset' | 'credential' | 'password' | 'privateKey' | PromptField;
type MethodErrors = Partial<Record<MethodField, string>>;

const METHOD_FIELD_IDS: Record<MethodField, string> = {
  protocol: 'method-protocol',
  port: 'method-port',
  username: 'method-username',
  charset: 'method-charset',
  credential: 'method-credential',
  ...CREDENTIAL_FIELD_IDS,
  telnetUsernamePrompt: promptFieldId('username'),
  telnetPasswordPrompt: promptFieldId('password'),
  telnetSuccessPrompt: promptFieldId('success'),
  telnetFailurePrompt: promptFieldId('failure'),
};

const USERNAME_HINTS: Record<Protocol, string> = {
  SSH: 'The account Airlock signs in with on the equipment.',
  TELNET: 'Leave empty if the user types it at the login prompt.',
  VNC: 'Most VNC servers ask only for a password; leave empty unless the equipment needs one.',
  RDP: 'A local account, or DOMAIN\\user for a domain account.',
};


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
  const options = useQuery(queries.terminalOptions);
  const prompts = storedPrompts(method?.telnetPrompts);
  const { form, field, lockedField, formError, submitting, onSubmit } = useSchemaForm(
    methodSchema(editing ? stored : null),
    {
      protocol: method?.protocol ?? 'SSH',
      port: String(method?.port ?? DEFAULT_PORTS.SSH),
      username: method?.username ?? '',
      charset: method?.charset ?? UTF8,
      credential: stored,
      password: '',
      privateKey: '',
      telnetUsernamePrompt: prompts.username,
      telnetPasswordPrompt: prompts.password,
      telnetSuccessPrompt: prompts.success,
      telnetFailurePrompt: prompts.failure,
    },
    METHOD_FIELD_IDS,
  );
  const [promptsOpen, setPromptsOpen] = useState(false);
  const { protocol, port, credential, charset } = form.watch();
  const errors = Object.fromEntries(
    Object.entries(form.formState.errors).map(([name, error]) => [name, error?.message]),
  ) as Partial<Record<MethodField, string>>;
  const offered = options.data?.charsets ?? [];
  const promptDefaults = options.data?.telnetPromptDefaults ?? null;

  function changeProtocol(next: Protocol) {
    // Follow the new protocol's default port unless the port was set by hand.
    if (port.trim() === '' || Number(port) === DEFAULT_PORTS[protocol]) form.setValue('port', String(DEFAULT_PORTS[next]));
    if (next !== 'SSH' && credential === 'PRIVATE_KEY') form.setValue('credential', 'PASSWORD');
    form.setValue('protocol', next);
  }

  const save = useSaveMethod();
  const submit = onSubmit(async (input) => {
    onSaved(await save.mutateAsync({ assetId: asset.id, id: method?.id ?? null, input }), method === null);
  });

  return (
    <FormDialog
      title={method === null ? `Add access method to ${asset.name}` : `Edit ${methodName(method)} of ${asset.name}`}
      onClose={onClose}
      size="wide"
      form={{ submit, submitting, formError }}
      submitLabel={method === null ? 'Add access method' : 'Save access method'}
      busyLabel="Saving…"
      testIdPrefix="method"
      description={
        <p>
          Connections go from the gateway to <span className="mono">{asset.host}</span>.
        </p>
      }
    >
      <div className="form-grid form-grid-top">
        <SelectField
          {...lockedField('protocol')}
          name="protocol"
          label="Protocol"
          onChange={(value) => changeProtocol(value as Protocol)}
          data-autofocus
        >
          {PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {protocolLabel(p)}
            </option>
          ))}
        </SelectField>
        <TextField
          {...lockedField('port')}
          name="port"
          label="Port"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          step={1}
          hint={`${protocolLabel(protocol)} usually listens on ${DEFAULT_PORTS[protocol]}.`}
          required
        />
      </div>
      <div className="form-grid form-grid-top">
        <TextField
          {...lockedField('username')}
          name="username"
          label="Username (optional)"
          hint={
            credential === 'ASK_USER'
              ? 'Left empty, the session window asks for it too.'
              : USERNAME_HINTS[protocol]
          }
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={METHOD_LIMITS.usernameMax}
        />
        {isTerminal(protocol) && (
          <SelectField
            {...lockedField('charset')}
            name="charset"
            label="Character set"
            hint="How the equipment encodes text. Older equipment often uses ISO-8859-1 or CP437 (IBM437)."
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
        onCredentialChange={(kind) => form.setValue('credential', kind)}
        password={field('password').value}
        onPasswordChange={field('password').onChange}
        privateKey={field('privateKey').value}
        onPrivateKeyChange={field('privateKey').onChange}
        errors={errors}
        disabled={submitting}
      />
      {protocol === 'TELNET' && (
        <TelnetPromptFields
          values={{
            username: field(PROMPT_FIELDS.username).value,
            password: field(PROMPT_FIELDS.password).value,
            success: field(PROMPT_FIELDS.success).value,
            failure: field(PROMPT_FIELDS.failure).value,
          }}
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
          onChange={(kind, value) => field(PROMPT_FIELDS[kind]).onChange(value)}
          disabled={submitting}
        />
      )}
    </FormDialog>
  );
}
