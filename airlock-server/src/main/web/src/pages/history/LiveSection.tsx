import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../api';
import { ErrorState, LoadingState } from '../../components/States';
import { TableHead } from '../../components/TableHead';
import { formatBytes, formatDuration } from '../../labels';
import type { LiveSession } from '../../types';
import { AssetCell, Started } from './cells';

export function LiveSection({
  live,
  monitoring,
  onMonitor,
  onTerminate,
}: {
  live: UseQueryResult<LiveSession[]>;
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
      {live.isPending && <LoadingState label="Loading live sessions…" />}
      {live.data === undefined && live.isError && (
        <ErrorState
          title="Live sessions could not be loaded."
          message={errorMessage(live.error)}
          onRetry={() => void live.refetch()}
          testId="live-error"
        />
      )}
      {live.data !== undefined && live.isError && (
        <p className="alert alert-warning" role="alert" data-testid="live-refresh-error">
          The list could not be refreshed and may be out of date: {errorMessage(live.error)}
        </p>
      )}
      {live.data !== undefined && live.data.length === 0 && (
        <p className="empty-inline" data-testid="live-empty">
          No sessions are open right now.
        </p>
      )}
      {live.data !== undefined && live.data.length > 0 && (
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
                      {severalNodes(live.data) && (
                        <span className="cell-subtle" data-testid={`live-node-${session.id}`}>
                          on {session.node}
                        </span>
                      )}
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

/** Which gateway node runs a session matters only where several share the database. */
function severalNodes(sessions: readonly { node: string }[]): boolean {
  return new Set(sessions.map((s) => s.node)).size > 1;
}
