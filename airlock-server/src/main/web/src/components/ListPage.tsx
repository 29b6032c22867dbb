import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { PageHeader } from './PageHeader';
import { ErrorAlert, ResourceStates, StatusAlert, type ResourceStatesProps } from './States';

interface ListPageProps extends Omit<ResourceStatesProps, 'errorTestId'> {
  title: string;
  description: ReactNode;
  /** The create button's label; the button is enabled once `canCreate`. */
  newLabel: string;
  canCreate: boolean;
  onNew(): void;
  /**
   * Names the create button `<prefix>-new`, the messages `<prefix>-status` and `<prefix>-action-error`,
   * and the load error `<prefix>-error`.
   */
  testIdPrefix: string;
  status: string | null;
  /** Left out on a page whose actions all report their failures in their dialogs. */
  actionError?: string | null;
  /** A page-wide warning between the messages and the list. */
  notice?: ReactNode;
}

/**
 * An administration page listing one kind of resource: its heading with a create button, the messages
 * its actions announce, and the list's loading, error, empty and loaded states.
 */
export function ListPage({
  title,
  description,
  newLabel,
  canCreate,
  onNew,
  testIdPrefix,
  status,
  actionError,
  notice,
  ...states
}: ListPageProps) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={onNew}
            data-testid={`${testIdPrefix}-new`}
            disabled={!canCreate}
          >
            {newLabel}
          </button>
        }
      />
      <StatusAlert message={status} testId={`${testIdPrefix}-status`} />
      {actionError !== undefined && <ErrorAlert message={actionError} testId={`${testIdPrefix}-action-error`} />}
      {notice}
      <ResourceStates {...states} errorTestId={`${testIdPrefix}-error`} />
    </>
  );
}

/** What a list page says about its row actions, and the rows whose request is in flight. */
export function useRowActions() {
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  /** The rows with a request in flight. */
  const [busyIds, setBusyIds] = useState<ReadonlySet<number>>(new Set());

  function setBusy(id: number, busy: boolean) {
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function announce(message: string) {
    setActionError(null);
    setStatus(message);
  }

  function fail(message: string) {
    setStatus(null);
    setActionError(message);
  }

  function clear() {
    setStatus(null);
    setActionError(null);
  }

  /**
   * Runs a row's request unless one is already in flight for that row: the message `action` returns is
   * announced; a failure shows as `<failure>: <error>`.
   */
  async function run(id: number, failure: string, action: () => Promise<string>) {
    if (busyIds.has(id)) return;
    clear();
    setBusy(id, true);
    try {
      announce(await action());
    } catch (error) {
      setActionError(`${failure}: ${errorMessage(error)}`);
    } finally {
      setBusy(id, false);
    }
  }

  return { status, actionError, busyIds, announce, fail, clear, run };
}

const ROW_BUTTON_CLASSES = {
  primary: 'button button-primary button-small',
  secondary: 'button button-secondary button-small',
  ghost: 'button button-ghost button-small',
  danger: 'button button-ghost button-small button-ghost-danger',
} as const;

interface RowButtonProps {
  tone?: keyof typeof ROW_BUTTON_CLASSES;
  /** While busy the button stays focusable (and so announced) but does nothing. */
  busy?: boolean;
  onClick(): void;
  /** The accessible name, when the visible text alone does not say which row it acts on. */
  label?: string;
  title?: string;
  testId?: string;
  children: ReactNode;
}

/** A small action button of a list's row or card. */
export function RowButton({ tone = 'secondary', busy = false, onClick, label, title, testId, children }: RowButtonProps) {
  return (
    <button
      type="button"
      className={ROW_BUTTON_CLASSES[tone]}
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
      aria-label={label}
      title={title}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
