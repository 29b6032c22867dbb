import type { ReactNode } from 'react';
import { AlertIcon } from './Icons';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
  testId,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  testId?: string;
}) {
  return (
    <div className="state state-error" role="alert" data-testid={testId}>
      <AlertIcon className="state-icon" />
      <div>
        <p className="state-title">{title}</p>
        <p className="state-text">{message}</p>
        {onRetry !== undefined && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
  testId,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="empty-state" data-testid={testId} aria-label={title}>
      <div className="empty-state-icon">{icon}</div>
      <p className="empty-state-title">{title}</p>
      {children !== undefined && <div className="empty-state-text">{children}</div>}
    </section>
  );
}
