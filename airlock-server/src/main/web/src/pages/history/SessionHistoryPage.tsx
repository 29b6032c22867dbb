import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, monitorSession, terminateSession } from '../../api';
import { keys, queries, useChange } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { AuditInfoDialog } from './AuditInfoDialog';
import { ErrorAlert, StatusAlert } from '../../components/States';
import { protocolLabel } from '../../labels';
import { HistorySection } from './HistorySection';
import { LiveSection } from './LiveSection';
import type { HistoryEntry, LiveSession } from '../../types';

const REFRESH_MS = 5000;
const MONITOR_WINDOW_FEATURES = 'noopener=no,width=1024,height=700';

function monitorUrl(ticket: string, session: LiveSession): string {
  const params = new URLSearchParams({ ticket, session: String(session.id), protocol: session.protocol });
  return `/monitor?${params.toString()}`;
}

type DialogState = { kind: 'terminate'; session: LiveSession } | { kind: 'audit'; entry: HistoryEntry } | null;

export function SessionHistoryPage() {
  // Polling pauses while the tab is hidden and catches up when it is shown again (TanStack Query's default).
  const live = useQuery({ ...queries.liveSessions, refetchInterval: REFRESH_MS });
  const client = useQueryClient();
  const terminate = useChange((session: LiveSession) => terminateSession(session.id), {
    invalidates: [keys.sessions.live, keys.sessions.all],
  });
  const [dialog, setDialog] = useState<DialogState>(null);
  const [statusMessage, setStatusMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [monitoring, setMonitoring] = useState<ReadonlySet<number>>(new Set());

  // A session starting or ending changes the history too: refresh it at once rather than on its next turn.
  const liveKey = live.data === undefined ? null : live.data.map((s) => s.id).join(',');
  const previousLiveKey = useRef<string | null>(null);
  useEffect(() => {
    if (liveKey === null) return;
    if (previousLiveKey.current !== null && previousLiveKey.current !== liveKey) {
      void client.invalidateQueries({ queryKey: keys.sessions.history });
    }
    previousLiveKey.current = liveKey;
  }, [liveKey, client]);

  function announce(message: string) {
    setActionError(null);
    setStatusMessage(message);
  }

  async function monitor(session: LiveSession) {
    if (monitoring.has(session.id)) return;
    setStatusMessage(null);
    setActionError(null);
    // Open the window while the click still counts as the user's: pop-up blockers allow that, not a later one.
    const opened = window.open('', '_blank', MONITOR_WINDOW_FEATURES);
    if (opened === null) {
      setActionError(
        `The browser blocked the monitor window for session #${session.id}. Allow pop-up windows for this site, then select Monitor again.`,
      );
      return;
    }
    setMonitoring((current) => new Set(current).add(session.id));
    try {
      const { ticket } = await monitorSession(session.id);
      opened.location.href = monitorUrl(ticket, session);
      announce(`Monitoring session #${session.id} of ${session.username} in a new window.`);
    } catch (error) {
      opened.close();
      setActionError(`Session #${session.id} cannot be monitored: ${errorMessage(error)}`);
      void live.refetch();
    } finally {
      setMonitoring((current) => {
        const next = new Set(current);
        next.delete(session.id);
        return next;
      });
    }
  }

  function refreshAll() {
    void client.invalidateQueries({ queryKey: keys.sessions.all });
  }

  return (
    <>
      <PageHeader
        title="Session History"
        description="Live sessions and every remote session opened through Airlock, for review and audit."
        actions={
          <button type="button" className="button button-secondary" onClick={refreshAll} data-testid="history-refresh">
            Refresh
          </button>
        }
      />

      <StatusAlert message={statusMessage} testId="history-status" />
      <ErrorAlert message={actionError} testId="history-action-error" />

      <LiveSection
        live={live}
        monitoring={monitoring}
        onMonitor={(session) => void monitor(session)}
        onTerminate={(session) => {
          setStatusMessage(null);
          setActionError(null);
          setDialog({ kind: 'terminate', session });
        }}
      />

      <HistorySection onAudit={(entry) => setDialog({ kind: 'audit', entry })} />

      {dialog?.kind === 'terminate' && (
        <ConfirmDialog
          title={`Terminate session #${dialog.session.id}?`}
          description="The user's window will show that the session was terminated."
          confirmLabel="Terminate session"
          busyLabel="Terminating…"
          testId="terminate-dialog"
          confirmTestId="terminate-confirm"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const session = dialog.session;
            await terminate.mutateAsync(session);
            setDialog(null);
            announce(`Session #${session.id} of ${session.username} to ${session.assetName} was terminated.`);
          }}
        >
          <dl className="fingerprint-pair fingerprint-pair-dialog">
            <div>
              <dt>User</dt>
              <dd>{dialog.session.username}</dd>
            </div>
            <div>
              <dt>Equipment</dt>
              <dd>
                {dialog.session.assetName} ({protocolLabel(dialog.session.protocol)}{' '}
                <span className="mono">
                  {dialog.session.host}:{dialog.session.port}
                </span>
                )
              </dd>
            </div>
          </dl>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'audit' && <AuditInfoDialog entry={dialog.entry} onClose={() => setDialog(null)} />}
    </>
  );
}
