import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/** What every field control gets on top of its own attributes. */
interface ControlWiring {
  id: string;
  value: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  /** Renders the control itself, given the id, value and accessibility wiring it must carry. */
  control(wiring: ControlWiring): ReactNode;
}

/**
 * The frame shared by every form field: the label, the control, an optional hint and an error
 * message, with the hint and the error tied to the control for assistive technology.
 */
function FieldFrame({ id, label, hint, error, value, control }: FieldFrameProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {control({
        id,
        value,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface CommonFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string | undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextFieldProps extends InputProps, CommonFieldProps {
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with an optional hint and an error message tied to it for assistive technology. */
export function TextField({ id, label, value, onChange, hint, error, ref, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      value={value}
      hint={hint}
      error={error}
      control={(wiring) => (
        <input
          {...inputProps}
          ref={ref}
          {...wiring}
          className="input"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    />
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextAreaFieldProps extends TextAreaProps, CommonFieldProps {}

/** A labelled multi-line input, wired like TextField; an extra className is added to `input textarea`. */
export function TextAreaField({ id, label, value, onChange, hint, error, className, ...props }: TextAreaFieldProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      value={value}
      hint={hint}
      error={error}
      control={(wiring) => (
        <textarea
          {...props}
          {...wiring}
          className={`input textarea${className ? ` ${className}` : ''}`}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    />
  );
}

type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

interface SelectFieldProps extends NativeSelectProps, CommonFieldProps {
  children: ReactNode;
}

/** A labelled select, wired like TextField. */
export function SelectField({ id, label, value, onChange, hint, error, children, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame
      id={id}
      label={label}
      value={value}
      hint={hint}
      error={error}
      control={(wiring) => (
        <select {...selectProps} {...wiring} className="select" onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    />
  );
}

/** A form-level error, announced as soon as it appears. */
export { ErrorAlert as FormError } from './States';
