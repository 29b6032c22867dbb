import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../api';
import { HistoryIcon } from '../../components/Icons';
import { ActionsMenu } from '../../components/session/ActionsMenu';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { columnsFor, DataTable, type TableColumn } from '../../components/table/DataTable';
import { durationBetween, formatDuration, recordingLabel, recordingStatusLabel } from '../../labels';
import type { HistoryEntry } from '../../types';
import { AssetCell, Started } from './cells';

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

const column = columnsFor<HistoryEntry>();

/** The history's columns; Session History's server-side paging and sorting plug into DataTable's. */
const COLUMNS: TableColumn<HistoryEntry>[] = [
  column.display({
    id: 'user',
    header: 'User',
    meta: { rowHeader: true, className: 'cell-username' },
    cell: ({ row }) => (
      <>
        {row.original.username}
        <span className="cell-subtle">#{row.original.id}</span>
      </>
    ),
  }),
  column.display({
    id: 'asset',
    header: 'Asset',
    cell: ({ row: { original: e } }) => <AssetCell name={e.assetName} protocol={e.protocol} host={e.host} port={e.port} />,
  }),
  column.accessor('groupName', { header: 'Group' }),
  column.display({
    id: 'started',
    header: 'Started',
    meta: { className: 'cell-date' },
    cell: ({ row }) => <Started iso={row.original.startedAt} />,
  }),
  column.display({
    id: 'duration',
    header: 'Duration',
    meta: { className: 'cell-nowrap', testId: (e) => `history-duration-${e.id}` },
    cell: ({ row: { original: e } }) => {
      const duration = durationBetween(e.startedAt, e.endedAt);
      if (e.endedAt === null) return <span className="live-dot">Live</span>;
      return duration === null ? <span className="muted">—</span> : formatDuration(duration);
    },
  }),
  column.display({
    id: 'ended',
    header: 'Ended',
    meta: { className: 'cell-ended', testId: (e) => `history-ended-${e.id}` },
    cell: ({ row: { original: e } }) =>
      e.endedAt === null ? (
        <span className="muted">In progress</span>
      ) : (
        <>
          {e.endReasonLabel ?? e.endReason ?? 'Ended'}
          {e.endDetail && <span className="cell-ended-detail">{e.endDetail}</span>}
        </>
      ),
  }),
  column.display({
    id: 'recorded',
    header: 'Recorded',
    meta: { testId: (e) => `history-recorded-${e.id}` },
    cell: ({ row }) => <RecordedCell entry={row.original} />,
  }),
];

export function HistoryTable({
  history,
  recordedOnly,
  onAudit,
}: {
  history: UseQueryResult<HistoryEntry[]>;
  recordedOnly: boolean;
  onAudit(entry: HistoryEntry): void;
}) {
  if (history.isPending) return <LoadingState label="Loading session history…" />;
  if (history.data === undefined) {
    return (
      <ErrorState
        title="Session history could not be loaded."
        message={errorMessage(history.error)}
        onRetry={() => void history.refetch()}
        testId="history-error"
      />
    );
  }
  const rows = history.data;
  return (
    <>
      {history.isError && (
        <p className="alert alert-warning" role="alert" data-testid="history-refresh-error">
          The history could not be refreshed and may be out of date: {errorMessage(history.error)}
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
        <DataTable
          columns={COLUMNS}
          rows={rows}
          caption={recordedOnly ? 'Recorded sessions, newest first' : 'Sessions, newest first'}
          rowId={(entry) => String(entry.id)}
          rowTestId={(entry) => `history-row-${entry.id}`}
          testId="history-table"
          actions={(entry) => (
            <ActionsMenu
              label={`Actions for session #${entry.id} of ${entry.username}`}
              testId={`history-actions-${entry.id}`}
              actions={[
                { label: 'View Full Auditing Info', onSelect: () => onAudit(entry), testId: `history-audit-${entry.id}` },
              ]}
            />
          )}
        />
      )}
    </>
  );
}
