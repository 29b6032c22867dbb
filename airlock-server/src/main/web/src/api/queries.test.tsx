import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createQueryClient, keys, upsert, useChange } from './queries';

type Row = { id: number; name: string };

function setUp() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

describe('useChange', () => {
  it('puts the answer into the cached list at once and invalidates every key the change alters', async () => {
    const { client, wrapper } = setUp();
    client.setQueryData<Row[]>(keys.users, [{ id: 1, name: 'old' }]);
    client.setQueryData(keys.groups.options, { users: [] });
    const { result } = renderHook(
      () =>
        useChange(async (name: string) => ({ id: 1, name }), {
          invalidates: [keys.users, keys.groups.options],
          apply: (cache, row) => cache.set<Row[]>(keys.users, (list) => upsert(list, row)),
        }),
      { wrapper },
    );

    await act(() => result.current.mutateAsync('new'));

    expect(client.getQueryData(keys.users)).toEqual([{ id: 1, name: 'new' }]);
    expect(client.getQueryState(keys.users)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.groups.options)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.integrations)).toBeUndefined();
  });

  it('without an answer to apply, reports success only once the changed list was fetched again', async () => {
    const { client, wrapper } = setUp();
    const answers: ((rows: Row[]) => void)[] = [];
    const fetchList = () => new Promise<Row[]>((resolve) => answers.push(resolve));
    const { result } = renderHook(
      () => ({
        list: useQuery({ queryKey: keys.integrations, queryFn: fetchList }),
        change: useChange(async () => undefined, { invalidates: [keys.integrations] }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(answers).toHaveLength(1));
    act(() => answers[0]?.([{ id: 2, name: 'stale' }]));
    await waitFor(() => expect(result.current.list.data).toEqual([{ id: 2, name: 'stale' }]));

    let settled = false;
    let change: Promise<unknown> = Promise.resolve();
    act(() => {
      change = result.current.change.mutateAsync(undefined).then(() => (settled = true));
    });
    await waitFor(() => expect(answers).toHaveLength(2));
    expect(settled).toBe(false);
    await act(async () => {
      answers[1]?.([{ id: 2, name: 'fresh' }]);
      await change;
    });
    expect(settled).toBe(true);
    expect(client.getQueryData(keys.integrations)).toEqual([{ id: 2, name: 'fresh' }]);
  });
});
