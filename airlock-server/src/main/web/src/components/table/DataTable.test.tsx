import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { columnsFor, DataTable, type ServerPaging, type ServerSorting, type TableColumn } from './DataTable';

interface Valve {
  id: number;
  name: string;
  site: string;
}

const column = columnsFor<Valve>();
const COLUMNS: TableColumn<Valve>[] = [
  column.accessor('name', { header: 'Name', meta: { rowHeader: true } }),
  column.accessor('site', { header: 'Site', enableSorting: false }),
];
const ROWS: Valve[] = [
  { id: 1, name: 'V-101', site: 'North' },
  { id: 2, name: 'V-102', site: 'South' },
];

function renderValves(server: { sorting?: ServerSorting; paging?: ServerPaging } = {}) {
  render(<DataTable columns={COLUMNS} rows={ROWS} caption="Valves" rowId={(v) => String(v.id)} {...server} />);
}

describe('DataTable', () => {
  it('renders the rows it is given, naming each by its row header', () => {
    renderValves();
    const table = screen.getByRole('table', { name: 'Valves' });
    expect(within(table).getByRole('rowheader', { name: 'V-102' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('asks the server for another order and shows the current one', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderValves({ sorting: { state: [{ id: 'name', desc: false }], onChange } });
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(within(screen.getByRole('columnheader', { name: 'Site' })).queryByRole('button')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Name/ }));
    expect(onChange).toHaveBeenCalledWith([{ id: 'name', desc: true }]);
  });

  it('pages through the server rows: the first page cannot go back, the next asks for page 2', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderValves({ paging: { state: { pageIndex: 0, pageSize: 2 }, rowCount: 5, onChange } });
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(onChange).toHaveBeenCalledWith({ pageIndex: 1, pageSize: 2 });
  });
});
