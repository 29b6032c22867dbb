import type { ReactNode, TextareaHTMLAttributes } from 'react';

type NativeProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextAreaFieldProps extends NativeProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line input, wired like TextField: hint and error are tied to it for assistive technology. */
export function TextAreaField({ id, label, value, onChange, hint, error, className, ...props }: TextAreaFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        {...props}
        id={id}
        className={`input textarea${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
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
