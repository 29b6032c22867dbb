import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { Dialog } from './Dialog';
import { FormError } from './Field';

interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  /** Extra content between the description and the buttons (details, warnings). */
  children?: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Danger for destructive or security-relevant actions. */
  tone?: 'danger' | 'primary';
  onClose(): void;
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  onConfirm(): Promise<void>;
  testId: string;
  confirmTestId: string;
  /** The error message's test id; `<testId>-error` unless given. */
  errorTestId?: string;
  size?: 'narrow' | 'wide';
}

/** Asks before an action that cannot be undone. Cancel has initial focus so Enter never confirms by accident. */
export function ConfirmDialog({
  title,
  description,
  children,
  confirmLabel,
  busyLabel,
  tone = 'danger',
  onClose,
  onConfirm,
  testId,
  confirmTestId,
  errorTestId = `${testId}-error`,
  size = 'narrow',
}: ConfirmDialogProps) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setSubmitting(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setSubmitting(false);
      setError(errorMessage(e));
    }
  }

  return (
    <Dialog title={title} onClose={onClose} busy={submitting} testId={testId} description={description} size={size}>
      <div className="form">
        {children}
        <FormError message={error} testId={errorTestId} />
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onClose} disabled={submitting} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
            onClick={() => void confirm()}
            disabled={submitting}
            data-testid={confirmTestId}
          >
            {submitting ? busyLabel : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
