import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../api';
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

/**
 * A success message announced politely. The region stays in the page while empty (taking no space)
 * so that later messages are announced.
 */
export function StatusAlert({ message, testId }: { message: string | null; testId: string }) {
  return (
    <div role="status" className={message ? 'alert alert-success' : 'alert-empty'} data-testid={testId}>
      {message}
    </div>
  );
}

/** An error announced as soon as it appears; like StatusAlert, the empty region stays in the page. */
export function ErrorAlert({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <div role="alert" className={message ? 'alert alert-error' : 'alert-empty'} data-testid={testId}>
      {message}
    </div>
  );
}

export interface ResourceStatesProps {
  query: Pick<UseQueryResult<unknown>, 'status' | 'error' | 'refetch'>;
  /** How many items the loaded data holds; none shows `empty`. */
  count: number;
  loadingLabel: string;
  errorTitle: string;
  errorTestId: string;
  empty: ReactNode;
  /** Renders the loaded, non-empty data; called only then. */
  children(): ReactNode;
}

/** The loading, error, empty and loaded states of a page's query, in one place: the one way load errors show. */
export function ResourceStates({
  query,
  count,
  loadingLabel,
  errorTitle,
  errorTestId,
  empty,
  children,
}: ResourceStatesProps) {
  if (query.status === 'pending') return <LoadingState label={loadingLabel} />;
  if (query.status === 'error') {
    return (
      <ErrorState
        title={errorTitle}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
        testId={errorTestId}
      />
    );
  }
  return count === 0 ? empty : children();
}
