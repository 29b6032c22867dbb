import { TextField } from '../../components/Field';
import { telnetPromptLabel } from '../../labels';
import { TELNET_PROMPT_KINDS, type TelnetPromptKind, type TelnetPromptPatterns } from '../../types';
import { METHOD_LIMITS } from './schema';

export type PromptValues = Record<TelnetPromptKind, string>;

export function promptFieldId(kind: TelnetPromptKind): string {
  return `method-telnet-${kind}-prompt`;
}

/** The form's starting values: the stored patterns, empty where the default applies. */
export function storedPrompts(prompts: TelnetPromptPatterns | undefined): PromptValues {
  return {
    username: prompts?.username ?? '',
    password: prompts?.password ?? '',
    success: prompts?.success ?? '',
    failure: prompts?.failure ?? '',
  };
}

/**
 * Telnet automatic login's prompt patterns, folded away because the defaults suit most equipment. An empty
 * field keeps the default, which shows as its placeholder.
 */
export function TelnetPromptFields({
  values,
  defaults,
  errors,
  open,
  onToggle,
  onChange,
  disabled,
}: {
  values: PromptValues;
  /** Null while the defaults load, or when they could not be. */
  defaults: TelnetPromptPatterns | null;
  errors: Partial<Record<TelnetPromptKind, string>>;
  open: boolean;
  onToggle(open: boolean): void;
  onChange(kind: TelnetPromptKind, value: string): void;
  disabled: boolean;
}) {
  const customised = TELNET_PROMPT_KINDS.filter((kind) => values[kind].trim() !== '').length;
  return (
    <details
      className="disclosure"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
      data-testid="method-telnet-prompts"
    >
      <summary className="disclosure-summary">
        <span className="field-label">Automatic login prompts</span>
        <span className="disclosure-note">
          {customised === 0 ? 'Defaults' : `${customised} customised`}
        </span>
      </summary>
      <div className="disclosure-body">
        <p className="field-hint">
          When a username or password is stored, Airlock watches the equipment&apos;s output for these regular
          expressions (case-insensitive, matched at the end of the latest output) to sign in. Leave a field empty to
          use the default shown in it.
        </p>
        <div className="form-grid form-grid-top">
          {TELNET_PROMPT_KINDS.map((kind) => (
            <TextField
              key={kind}
              id={promptFieldId(kind)}
              name={`telnet-${kind}-prompt`}
              label={telnetPromptLabel(kind).label}
              value={values[kind]}
              onChange={(value) => onChange(kind, value)}
              error={errors[kind]}
              hint={telnetPromptLabel(kind).hint}
              placeholder={defaults?.[kind] ?? undefined}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={METHOD_LIMITS.promptMax}
              disabled={disabled}
            />
          ))}
        </div>
      </div>
    </details>
  );
}
