import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, listHistory, listLiveSessions, monitorSession, terminateSession } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { HistoryIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { ActionsMenu } from '../components/session/ActionsMenu';
import { AuditInfoDialog } from '../components/session/AuditInfoDialog';
import { usePolling, type Polled } from '../components/session/usePolling';
import { EmptyState, ErrorAlert, ErrorState, LoadingState, StatusAlert } from '../components/States';
import { TableHead } from '../components/TableHead';
import {
  durationBetween,
  formatBytes,
  formatDate,
  formatDuration,
  formatTime,
  protocolLabel,
  recordingLabel,
  recordingStatusLabel,
} from '../labels';
import { RECORDING_IN_FLIGHT, type HistoryEntry, type LiveSession } from '../types';

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
  const live = usePolling(listLiveSessions, REFRESH_MS);
  const [recordedOnly, setRecordedOnly] = useState(false);
  const loadHistory = useCallback(
    (signal: AbortSignal) => listHistory(recordedOnly, HISTORY_LIMIT, signal),
    [recordedOnly],
  );
  const [historyInterval, setHistoryInterval] = useState<number | null>(null);
  const history = usePolling(loadHistory, historyInterval);
  const nextInterval = history.data === null ? null : refreshInterval(history.data);
  useEffect(() => setHistoryInterval(nextInterval), [nextInterval]);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [statusMessage, setStatusMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [monitoring, setMonitoring] = useState<ReadonlySet<number>>(new Set());

  const reloadLive = live.reload;
  const reloadHistory = history.reload;

  // A session starting or ending changes the history too: refresh it at once rather than on its next turn.
  const liveKey = live.data === null ? null : live.data.map((s) => s.id).join(',');
  const previousLiveKey = useRef<string | null>(null);
  useEffect(() => {
    if (liveKey === null) return;
    if (previousLiveKey.current !== null && previousLiveKey.current !== liveKey) reloadHistory();
    previousLiveKey.current = liveKey;
  }, [liveKey, reloadHistory]);

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
      reloadLive();
    } finally {
      setMonitoring((current) => {
        const next = new Set(current);
        next.delete(session.id);
        return next;
      });
    }
  }

  function refreshAll() {
    reloadLive();
    reloadHistory();
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
            await terminateSession(session.id);
            setDialog(null);
            announce(`Session #${session.id} of ${session.username} to ${session.assetName} was terminated.`);
            refreshAll();
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

// --- Live sessions -------------------------------------------------------------------------------

function Started({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {formatDate(iso)}
      <span className="cell-date-time">{formatTime(iso)}</span>
    </time>
  );
}

function AssetCell({ name, protocol, host, port }: { name: string; protocol: LiveSession['protocol']; host: string; port: number }) {
  return (
    <>
      <span className="cell-asset-name">{name}</span>
      <span className="cell-subtle cell-nowrap">
        {protocolLabel(protocol)} <span className="mono">{host}:{port}</span>
      </span>
    </>
  );
}

function LiveSection({
  live,
  monitoring,
  onMonitor,
  onTerminate,
}: {
  live: Polled<LiveSession[]>;
  monitoring: ReadonlySet<number>;
  onMonitor(session: LiveSession): void;
  onTerminate(session: LiveSession): void;
}) {
  const now = Date.now();
  return (
    <section className="history-section" aria-labelledby="live-heading" data-testid="live-section">
      <div className="section-header">
        <div>
          <h2 id="live-heading" className="section-title">
            Live sessions
          </h2>
          <p className="section-note">Refreshed every 5 seconds.</p>
        </div>
      </div>
      {live.loading && <LoadingState label="Loading live sessions…" />}
      {live.data === null && !live.loading && live.error !== null && (
        <ErrorState title="Live sessions could not be loaded." message={live.error} onRetry={live.reload} testId="live-error" />
      )}
      {live.data !== null && live.error !== null && (
        <p className="alert alert-warning" role="alert" data-testid="live-refresh-error">
          The list could not be refreshed and may be out of date: {live.error}
        </p>
      )}
      {live.data !== null && live.data.length === 0 && (
        <p className="empty-inline" data-testid="live-empty">
          No sessions are open right now.
        </p>
      )}
      {live.data !== null && live.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="live-table">
            <caption className="visually-hidden">Sessions open right now</caption>
            <TableHead columns={['Session', 'User', 'Asset', 'Group', 'Started', 'Traffic']} />
            <tbody>
              {live.data.map((session) => {
                const started = Date.parse(session.startedAt);
                const running = Number.isNaN(started) ? null : Math.max(0, now - started);
                const busy = monitoring.has(session.id);
                return (
                  <tr key={session.id} data-testid={`live-row-${session.id}`}>
                    <th scope="row" className="cell-nowrap">
                      #{session.id}
                      <span className="live-badges">
                        {session.recorded && <span className="badge badge-danger">Recording</span>}
                        {session.monitors > 0 && (
                          <span className="badge badge-info" data-testid={`live-monitors-${session.id}`}>
                            {session.monitors === 1 ? '1 monitor' : `${session.monitors} monitors`}
                          </span>
                        )}
                      </span>
                    </th>
                    <td>
                      <span className="cell-asset-name">{session.username}</span>
                      <span className="cell-subtle mono">{session.clientAddress}</span>
                    </td>
                    <td>
                      <AssetCell name={session.assetName} protocol={session.protocol} host={session.host} port={session.port} />
                    </td>
                    <td>{session.groupName}</td>
                    <td className="cell-date">
                      <Started iso={session.startedAt} />
                      {running !== null && <span className="cell-subtle">for {formatDuration(running)}</span>}
                    </td>
                    <td className="cell-nowrap">
                      <span className="cell-subtle" title="Sent to the equipment">
                        ↑ {formatBytes(session.bytesToEquipment)}
                      </span>
                      <span className="cell-subtle" title="Received from the equipment">
                        ↓ {formatBytes(session.bytesFromEquipment)}
                      </span>
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-disabled={busy || undefined}
                        onClick={() => onMonitor(session)}
                        aria-label={`Monitor session #${session.id} of ${session.username} (opens a new window)`}
                        data-testid={`live-monitor-${session.id}`}
                      >
                        {busy ? 'Opening…' : 'Monitor'}
                      </button>
                      <button
                        type="button"
                        className="button button-ghost button-ghost-danger button-small"
                        onClick={() => onTerminate(session)}
                        aria-label={`Terminate session #${session.id} of ${session.username}`}
                        data-testid={`live-terminate-${session.id}`}
                      >
                        Terminate
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// --- History -------------------------------------------------------------------------------------

const STATUS_BADGES: Readonly<Partial<Record<HistoryEntry['recordingStatus'], string>>> = {
  RECORDING: 'badge-danger',
  PROCESSING: 'badge-info',
  WAITING_FOR_STORAGE: 'badge-warning',
  FAILED: 'badge-danger',
};

const STATUS_FALLBACK_DETAIL: Readonly<Partial<Record<HistoryEntry['recordingStatus'], string>>> = {
  RECORDING: 'The session is being recorded.',
  PROCESSING: 'The video is being made and stored.',
  WAITING_FOR_STORAGE: 'The bucket cannot be reached; the upload is retried.',
  FAILED: 'A step failed; it is retried.',
};

/** Yes or No (seed), and beside No where the recording stands while it is under way or failed. */
function RecordedCell({ entry }: { entry: HistoryEntry }) {
  const badge = STATUS_BADGES[entry.recordingStatus];
  const detail = entry.recordingDetail ?? STATUS_FALLBACK_DETAIL[entry.recordingStatus] ?? null;
  return (
    <span className="recorded-cell">
      {entry.recorded ? (
        <span className="badge badge-success" data-testid={`history-recorded-value-${entry.id}`}>
          {recordingLabel(true)}
        </span>
      ) : (
        <span className="muted" data-testid={`history-recorded-value-${entry.id}`}>
          {recordingLabel(false)}
        </span>
      )}
      {!entry.recorded && badge !== undefined && (
        <span
          className={`badge ${badge} recording-status`}
          title={detail ?? undefined}
          data-testid={`history-recording-status-${entry.id}`}
          data-status={entry.recordingStatus}
        >
          {recordingStatusLabel(entry.recordingStatus, entry.recordingProgress)}
          {detail !== null && <span className="visually-hidden">: {detail}</span>}
        </span>
      )}
    </span>
  );
}

function HistoryTable({
  history,
  recordedOnly,
  onAudit,
}: {
  history: Polled<HistoryEntry[]>;
  recordedOnly: boolean;
  onAudit(entry: HistoryEntry): void;
}) {
  if (history.loading) return <LoadingState label="Loading session history…" />;
  if (history.data === null) {
    return (
      <ErrorState
        title="Session history could not be loaded."
        message={history.error ?? 'Reload the page and try again.'}
        onRetry={history.reload}
        testId="history-error"
      />
    );
  }
  const rows = history.data;
  return (
    <>
      {history.error !== null && (
        <p className="alert alert-warning" role="alert" data-testid="history-refresh-error">
          The history could not be refreshed and may be out of date: {history.error}
        </p>
      )}
      {rows.length === 0 && recordedOnly && (
        <p className="empty-inline" data-testid="session-history-empty">
          No recorded sessions yet. Sessions opened from access groups that enforce recording are listed here once
          their recording is stored.
        </p>
      )}
      {rows.length === 0 && !recordedOnly && (
        <EmptyState
          icon={<HistoryIcon width={32} height={32} />}
          title="No sessions have taken place yet."
          testId="session-history-empty"
        >
          <p>
            Each session is listed here with the user, the equipment and access method, its start and end, how it
            ended and whether it was recorded.
          </p>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="history-table">
            <caption className="visually-hidden">
              {recordedOnly ? 'Recorded sessions, newest first' : 'Sessions, newest first'}
            </caption>
            <TableHead columns={['User', 'Asset', 'Group', 'Started', 'Duration', 'Ended', 'Recorded']} />
            <tbody>
              {rows.map((entry) => {
                const duration = durationBetween(entry.startedAt, entry.endedAt);
                return (
                  <tr key={entry.id} data-testid={`history-row-${entry.id}`}>
                    <th scope="row" className="cell-username">
                      {entry.username}
                      <span className="cell-subtle">#{entry.id}</span>
                    </th>
                    <td>
                      <AssetCell name={entry.assetName} protocol={entry.protocol} host={entry.host} port={entry.port} />
                    </td>
                    <td>{entry.groupName}</td>
                    <td className="cell-date">
                      <Started iso={entry.startedAt} />
                    </td>
                    <td className="cell-nowrap" data-testid={`history-duration-${entry.id}`}>
                      {entry.endedAt === null ? (
                        <span className="live-dot">Live</span>
                      ) : duration === null ? (
                        <span className="muted">—</span>
                      ) : (
                        formatDuration(duration)
                      )}
                    </td>
                    <td className="cell-ended" data-testid={`history-ended-${entry.id}`}>
                      {entry.endedAt === null ? (
                        <span className="muted">In progress</span>
                      ) : (
                        <>
                          {entry.endReasonLabel ?? entry.endReason ?? 'Ended'}
                          {entry.endDetail && <span className="cell-ended-detail">{entry.endDetail}</span>}
                        </>
                      )}
                    </td>
                    <td data-testid={`history-recorded-${entry.id}`}>
                      <RecordedCell entry={entry} />
                    </td>
                    <td className="cell-actions">
                      <ActionsMenu
                        label={`Actions for session #${entry.id} of ${entry.username}`}
                        testId={`history-actions-${entry.id}`}
                        actions={[
                          {
                            label: 'View Full Auditing Info',
                            onSelect: () => onAudit(entry),
                            testId: `history-audit-${entry.id}`,
                          },
                        ]}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
