import type { UseQueryResult } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { errorMessage } from '../../api';
import { HistoryIcon } from '../../components/Icons';
import { ActionsMenu, type MenuAction } from '../../components/session/ActionsMenu';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { columnsFor, DataTable, type TableColumn } from '../../components/table/DataTable';
import { durationBetween, formatBytes, formatDuration } from '../../labels';
import type { HistoryEntry } from '../../types';
import type { SessionPage } from './api';
import { AssetCell, Started } from './cells';
import { isFiltered, PAGE_SIZE, SORT_COLUMNS, type HistoryView, type SortColumn } from './historyUrl';
import { RecordedCell } from './RecordedCell';
import { availableActions, type HistoryAction } from './recordingActions';

const column = columnsFor<HistoryEntry>();

/** The history's columns; those whose id is a SortColumn sort on the server. */
const COLUMNS: TableColumn<HistoryEntry>[] = [
  column.accessor('username', {
    id: 'user' satisfies SortColumn,
    header: 'User',
    meta: { rowHeader: true, className: 'cell-username' },
    cell: ({ row }) => (
      <>
        {row.original.username}
        <span className="cell-subtle">#{row.original.id}</span>
      </>
    ),
  }),
  // The protocol sits under the asset's name (as in the live list), which keeps the Actions in view.
  column.accessor('assetName', {
    id: 'asset' satisfies SortColumn,
    header: 'Asset',
    cell: ({ row: { original: e } }) => (
      <AssetCell name={e.assetName} protocol={e.protocol} host={e.host} port={e.port} />
    ),
  }),
  column.accessor('groupName', { id: 'group' satisfies SortColumn, header: 'Group' }),
  column.accessor('startedAt', {
    id: 'startedAt' satisfies SortColumn,
    header: 'Started',
    sortDescFirst: true,
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
  column.accessor('bytesFromEquipment', {
    id: 'bytesFromEquipment' satisfies SortColumn,
    header: 'Received',
    sortDescFirst: true,
    meta: { className: 'cell-nowrap' },
    cell: ({ row }) => formatBytes(row.original.bytesFromEquipment),
  }),
  column.display({
    id: 'recorded',
    header: 'Recorded',
    meta: { testId: (e) => `history-recorded-${e.id}` },
    cell: ({ row }) => <RecordedCell entry={row.original} />,
  }),
];

const ACTION_LABELS: Readonly<Record<HistoryAction, string>> = {
  audit: 'View Full Auditing Info',
  view: 'View Inline Recording',
  text: 'View as text',
  download: 'Download Inline Recording',
};

export function HistoryTable({
  history,
  view,
  onView,
  onAction,
}: {
  history: UseQueryResult<SessionPage>;
  view: HistoryView;
  onView(view: HistoryView): void;
  onAction(action: HistoryAction, entry: HistoryEntry): void;
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
  const { items, total } = history.data;
  const sorting: SortingState = [{ id: view.sort, desc: view.descending }];
  return (
    <>
      {history.isError && (
        <p className="alert alert-warning" role="alert" data-testid="history-refresh-error">
          The history could not be refreshed and may be out of date: {errorMessage(history.error)}
        </p>
      )}
      {items.length === 0 && <EmptyHistory view={view} onView={onView} />}
      {items.length > 0 && (
        <>
          <p className="section-note" data-testid="history-total" aria-live="polite">
            {total === 1 ? '1 session' : `${total.toLocaleString()} sessions`}
          </p>
          <DataTable
            columns={COLUMNS}
            rows={items}
            caption={view.recordedOnly ? 'Recorded sessions' : 'Sessions'}
            rowId={(entry) => String(entry.id)}
            rowTestId={(entry) => `history-row-${entry.id}`}
            testId="history-table"
            sorting={{
              state: sorting,
              onChange: (next) => {
                const first = next[0];
                const sort = SORT_COLUMNS.find((c) => c === first?.id);
                // A third click clears the order: back to newest first.
                onView({ ...view, sort: sort ?? 'startedAt', descending: first?.desc ?? true, page: 0 });
              },
            }}
            paging={{
              state: { pageIndex: view.page, pageSize: PAGE_SIZE },
              rowCount: total,
              onChange: (next) => onView({ ...view, page: next.pageIndex }),
            }}
            actions={(entry) => (
              <ActionsMenu
                label={`Actions for session #${entry.id} of ${entry.username}`}
                testId={`history-actions-${entry.id}`}
                actions={availableActions(entry).map((action): MenuAction => ({
                  label: ACTION_LABELS[action],
                  onSelect: () => onAction(action, entry),
                  testId: `history-${action}-${entry.id}`,
                }))}
              />
            )}
          />
        </>
      )}
    </>
  );
}

function EmptyHistory({ view, onView }: { view: HistoryView; onView(view: HistoryView): void }) {
  if (view.page > 0) {
    return (
      <p className="empty-inline" data-testid="session-history-empty">
        This page is past the last session.{' '}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onView({ ...view, page: 0 })}
        >
          Go to the first page
        </button>
      </p>
    );
  }
  const filtered = isFiltered(view);
  return (
    <EmptyState
      icon={<HistoryIcon width={32} height={32} />}
      title={filtered ? 'No sessions match these filters.' : 'No sessions have taken place yet.'}
      testId="session-history-empty"
    >
      <p>
        {view.recordedOnly
          ? 'Sessions opened from access groups that enforce recording are listed here once their recording is stored.'
          : 'Each session is listed here with the user, the equipment and access method, its start and end, how it ended and whether it was recorded.'}
      </p>
    </EmptyState>
  );
}
