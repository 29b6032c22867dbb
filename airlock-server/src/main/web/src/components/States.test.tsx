import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { renderWithApp } from '../test/render';
import { ResourceStates } from './States';

function Things({ load }: { load: () => Promise<string[]> }) {
  const query = useQuery({ queryKey: ['things'], queryFn: load });
  return (
    <ResourceStates
      query={query}
      count={query.data?.length ?? 0}
      loadingLabel="Loading things…"
      errorTitle="Things could not be loaded."
      errorTestId="things-error"
      empty={<p>No things.</p>}
    >
      {() => <ul>{query.data?.map((thing) => <li key={thing}>{thing}</li>)}</ul>}
    </ResourceStates>
  );
}

describe('ResourceStates', () => {
  it('shows loading, then the server message of a failed load, and loads again on Try again', async () => {
    const load = vi
      .fn<() => Promise<string[]>>()
      .mockRejectedValueOnce(new ApiError(503, 'The gateway is starting.'))
      .mockResolvedValueOnce(['valve', 'pump']);
    const { user } = renderWithApp(<Things load={load} />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading things…');
    const error = await screen.findByTestId('things-error');
    expect(error).toHaveTextContent('Things could not be loaded.');
    expect(error).toHaveTextContent('The gateway is starting.');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('pump')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shows the empty state when the list is empty', async () => {
    renderWithApp(<Things load={() => Promise.resolve([])} />);
    expect(await screen.findByText('No things.')).toBeInTheDocument();
  });

  it('says something went wrong when the failure is not the server speaking', async () => {
    renderWithApp(<Things load={() => Promise.reject(new TypeError('boom'))} />);
    expect(await screen.findByTestId('things-error')).toHaveTextContent('Something went wrong.');
  });
});
