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
  onChange(event: { target: { value: string } }): void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface CommonFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string | undefined;
}

/**
 * The frame shared by every form field: the label, the control, an optional hint and an error
 * message, with the hint and the error tied to the control for assistive technology. `control` renders
 * the control itself from the control's own attributes and the wiring it must carry on top of them.
 */
function FieldFrame<Rest>({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  control,
  ...rest
}: CommonFieldProps & { control(wiring: ControlWiring, rest: Rest): ReactNode } & Rest) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const wiring: ControlWiring = {
    id,
    value,
    onChange: (event) => onChange(event.target.value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {control(wiring, rest as Rest)}
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

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextFieldProps extends InputProps, CommonFieldProps {
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with an optional hint and an error message tied to it for assistive technology. */
export function TextField({ ref, ...props }: TextFieldProps) {
  return (
    <FieldFrame<InputProps>
      {...props}
      control={(wiring, inputProps) => <input {...inputProps} ref={ref} {...wiring} className="input" />}
    />
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextAreaFieldProps extends TextAreaProps, CommonFieldProps {}

/** A labelled multi-line input, wired like TextField; an extra className is added to `input textarea`. */
export function TextAreaField({ className, ...props }: TextAreaFieldProps) {
  return (
    <FieldFrame<TextAreaProps>
      {...props}
      control={(wiring, areaProps) => (
        <textarea {...areaProps} {...wiring} className={`input textarea${className ? ` ${className}` : ''}`} />
      )}
    />
  );
}

type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

interface SelectFieldProps extends NativeSelectProps, CommonFieldProps {
  children: ReactNode;
}

/** A labelled select, wired like TextField. */
export function SelectField({ children, ...props }: SelectFieldProps) {
  return (
    <FieldFrame<NativeSelectProps>
      {...props}
      control={(wiring, selectProps) => (
        <select {...selectProps} {...wiring} className="select">
          {children}
        </select>
      )}
    />
  );
}

/** A form-level error, announced as soon as it appears. */
export { ErrorAlert as FormError } from './States';
