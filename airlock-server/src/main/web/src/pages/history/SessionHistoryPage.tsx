import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, monitorSession, terminateSession } from '../../api';
import { keys, queries, useChange } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { AuditInfoDialog } from '../../components/session/AuditInfoDialog';
import { ErrorAlert, StatusAlert } from '../../components/States';
import { protocolLabel } from '../../labels';
import { HistoryTable } from './HistoryTable';
import { LiveSection } from './LiveSection';
import { RECORDING_IN_FLIGHT, type HistoryEntry, type LiveSession } from '../../types';

const REFRESH_MS = 5000;
/**
 * History refreshes at once whenever a session starts or ends (seen in the live list), and on its own only
 * while a recording is under way, so that Recorded turns to Yes without a reload: often while a video is
 * being made, less often while a session records or the bucket cannot be reached.
 */
const PROCESSING_REFRESH_MS = 2000;
const RECORDING_REFRESH_MS = 10000;
const HISTORY_LIMIT = 200;
const MONITOR_WINDOW_FEATURES = 'noopener=no,width=1024,height=700';

function monitorUrl(ticket: string, sessionId: number): string {
  const params = new URLSearchParams({ ticket, session: String(sessionId) });
  return `/monitor?${params.toString()}`;
}

type DialogState = { kind: 'terminate'; session: LiveSession } | { kind: 'audit'; entry: HistoryEntry } | null;

export function SessionHistoryPage() {
  // Polling pauses while the tab is hidden and catches up when it is shown again (TanStack Query's default).
  const live = useQuery({ ...queries.liveSessions, refetchInterval: REFRESH_MS });
  const [recordedOnly, setRecordedOnly] = useState(false);
  const history = useQuery({
    ...queries.history(recordedOnly, HISTORY_LIMIT),
    refetchInterval: (query) => (query.state.data === undefined ? false : (refreshInterval(query.state.data) ?? false)),
  });
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
      opened.location.href = monitorUrl(ticket, session.id);
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

      <section className="history-section" aria-labelledby="history-heading" data-testid="history-section">
        <div className="section-header">
          <div>
            <h2 id="history-heading" className="section-title">
              History
            </h2>
            <p className="section-note">Newest first, up to {HISTORY_LIMIT} sessions.</p>
          </div>
          <div className="section-tools">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={recordedOnly}
                onChange={(event) => setRecordedOnly(event.target.checked)}
                data-testid="only-recorded"
              />
              Only Show Recorded Sessions
            </label>
          </div>
        </div>
        <HistoryTable
          history={history}
          recordedOnly={recordedOnly}
          onAudit={(entry) => setDialog({ kind: 'audit', entry })}
        />
      </section>

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

/** How soon the history should look again, or null when no recording is under way. */
function refreshInterval(rows: readonly HistoryEntry[]): number | null {
  if (rows.some((row) => row.recordingStatus === 'PROCESSING')) return PROCESSING_REFRESH_MS;
  if (rows.some((row) => RECORDING_IN_FLIGHT.includes(row.recordingStatus))) return RECORDING_REFRESH_MS;
  return null;
}
