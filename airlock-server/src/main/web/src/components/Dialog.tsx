import { useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { FormError } from './Field';

interface DialogProps {
  title: string;
  /** Called when the user presses Escape or a close control. */
  onClose(): void;
  children: ReactNode;
  description?: ReactNode;
  /** Disables Escape while a request is in flight. */
  busy?: boolean;
  /** large: audit details with long identifiers (object keys, SHA-256 on one line). */
  size?: 'narrow' | 'wide' | 'large';
  testId?: string;
}

/**
 * A modal dialog built on the native <dialog> element: the browser makes the rest of the page
 * inert, traps focus and handles Escape. Render it only while it is open; on unmount it closes
 * and returns focus to the control that opened it. The first element marked data-autofocus
 * receives focus.
 */
export function Dialog({ title, onClose, children, description, busy = false, size = 'narrow', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const preferred = dialog.querySelector<HTMLElement>('[data-autofocus]');
    preferred?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {/* Announced as unavailable while busy but kept focusable: with every field of a busy form
            disabled, a dialog tall enough to scroll must still hold something keyboard users can reach. */}
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            if (!busy) onClose();
          }}
          aria-disabled={busy}
          aria-label="Close dialog"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {description !== undefined && (
        <div id={descriptionId} className="dialog-description">
          {description}
        </div>
      )}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

interface FormDialogProps extends Omit<DialogProps, 'busy'> {
  /** The form's submit handler (as useSchemaForm's onSubmit makes it), whether it runs, and its error. */
  form: { submit(event: FormEvent<HTMLFormElement>): Promise<void>; submitting: boolean; formError: string | null };
  submitLabel: string;
  busyLabel: string;
  /** Names the dialog `<prefix>-dialog`, its form error `<prefix>-error` and its submit button `<prefix>-submit`. */
  testIdPrefix: string;
  formClassName?: string;
}

/**
 * A dialog holding one form: its error above the fields, Cancel and submit below them. Escape, Cancel
 * and submit are disabled while the form is being sent.
 */
export function FormDialog({
  form: { submit, submitting, formError },
  submitLabel,
  busyLabel,
  testIdPrefix,
  formClassName = 'form',
  children,
  ...dialog
}: FormDialogProps) {
  return (
    <Dialog {...dialog} busy={submitting} testId={`${testIdPrefix}-dialog`}>
      <form className={formClassName} onSubmit={(event) => void submit(event)} noValidate aria-busy={submitting}>
        <FormError message={formError} testId={`${testIdPrefix}-error`} />
        {children}
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={dialog.onClose} disabled={submitting}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={submitting}
            data-testid={`${testIdPrefix}-submit`}
          >
            {submitting ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
