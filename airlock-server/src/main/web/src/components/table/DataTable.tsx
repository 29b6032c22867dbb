import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

/**
 * What every Airlock table can do. Sorting and paging are the server's (manual): the table shows the
 * page it is given, and asks for another through onSortingChange and onPaginationChange, which the page
 * turns into a query key.
 */
export const tableFeatureSet = tableFeatures({ rowSortingFeature, rowPaginationFeature });
type Features = typeof tableFeatureSet;

export type TableColumn<Row extends RowData> = ColumnDef<Features, Row, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Columns for rows of type Row; `meta.rowHeader` marks the column whose cells name the row (th scope=row). */
export function columnsFor<Row extends RowData>() {
  return createColumnHelper<Features, Row>();
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TFeatures, TData, TValue> {
    /** The cell names the row: rendered as a row header. */
    rowHeader?: boolean;
    className?: string;
    /** The cell's test id, from the row. */
    testId?: (row: TData) => string;
  }
}

export interface ServerSorting {
  state: SortingState;
  onChange(state: SortingState): void;
}

export interface ServerPaging {
  state: PaginationState;
  /** All rows the server has for this query, across pages. */
  rowCount: number;
  onChange(state: PaginationState): void;
}

interface DataTableProps<Row extends RowData> {
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  caption: string;
  rowId(row: Row): string;
  rowTestId?(row: Row): string;
  testId?: string;
  sorting?: ServerSorting;
  paging?: ServerPaging;
  /** The actions column (a header without a title), rendered last. */
  actions?(row: Row): ReactNode;
}

const NO_SORTING: SortingState = [];

/** A table on TanStack Table; the page owns the data (a query) and, when it pages or sorts, the state. */
export function DataTable<Row extends RowData>({
  columns,
  rows,
  caption,
  rowId,
  rowTestId,
  testId,
  sorting,
  paging,
  actions,
}: DataTableProps<Row>) {
  const table = useTable({
    features: tableFeatureSet,
    columns,
    data: rows as Row[],
    getRowId: (row) => rowId(row),
    manualSorting: true,
    manualPagination: true,
    enableSorting: sorting !== undefined,
    ...(paging === undefined ? {} : { rowCount: paging.rowCount }),
    state: {
      sorting: sorting?.state ?? NO_SORTING,
      ...(paging === undefined ? {} : { pagination: paging.state }),
    },
    onSortingChange: (updater) => {
      if (sorting === undefined) return;
      sorting.onChange(typeof updater === 'function' ? updater(sorting.state) : updater);
    },
    onPaginationChange: (updater) => {
      if (paging === undefined) return;
      paging.onChange(typeof updater === 'function' ? updater(paging.state) : updater);
    },
  });

  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {label}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
                {actions !== undefined && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid={rowTestId?.(row.original)}>
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const content = <table.FlexRender cell={cell} />;
                  const props = { className: meta?.className, 'data-testid': meta?.testId?.(row.original) };
                  return meta?.rowHeader ? (
                    <th key={cell.id} scope="row" {...props}>
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} {...props}>
                      {content}
                    </td>
                  );
                })}
                {actions !== undefined && <td className="cell-actions">{actions(row.original)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {paging !== undefined && table.getPageCount() > 1 && (
        <nav className="pager" aria-label={`${caption}: pages`}>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            Previous
          </button>
          <span className="pager-position">
            Page {paging.state.pageIndex + 1} of {table.getPageCount()}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
          >
            Next
          </button>
        </nav>
      )}
    </>
  );
}
