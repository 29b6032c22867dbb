import { QueryClient, queryOptions, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import {
  fetchGroupOptions,
  fetchTerminalOptions,
  listAssets,
  listGroups,
  listIntegrations,
  listLiveSessions,
  listRemoteSessions,
  listUsers,
} from '../api';

/**
 * Every resource the pages read, with its query key. A change invalidates the key of what it changed
 * (a prefix: `keys.groups.all` covers the groups and their options), so every page showing it refetches.
 */
export const keys = {
  users: ['users'] as const,
  integrations: ['integrations'] as const,
  assets: {
    all: ['assets'] as const,
    terminalOptions: ['assets', 'terminal-options'] as const,
  },
  groups: {
    all: ['groups'] as const,
    options: ['groups', 'options'] as const,
  },
  remoteSessions: ['remote-sessions'] as const,
  sessions: {
    all: ['sessions'] as const,
    live: ['sessions', 'live'] as const,
    /** Every history page, whatever its filter. */
    history: ['sessions', 'history'] as const,
  },
};

export const queries = {
  users: queryOptions({ queryKey: keys.users, queryFn: ({ signal }) => listUsers(signal) }),
  integrations: queryOptions({ queryKey: keys.integrations, queryFn: ({ signal }) => listIntegrations(signal) }),
  assets: queryOptions({ queryKey: keys.assets.all, queryFn: ({ signal }) => listAssets(signal) }),
  terminalOptions: queryOptions({
    queryKey: keys.assets.terminalOptions,
    queryFn: ({ signal }) => fetchTerminalOptions(signal),
  }),
  groups: queryOptions({ queryKey: keys.groups.all, queryFn: ({ signal }) => listGroups(signal) }),
  groupOptions: queryOptions({ queryKey: keys.groups.options, queryFn: ({ signal }) => fetchGroupOptions(signal) }),
  remoteSessions: queryOptions({
    queryKey: keys.remoteSessions,
    queryFn: ({ signal }) => listRemoteSessions(signal),
  }),
  liveSessions: queryOptions({ queryKey: keys.sessions.live, queryFn: ({ signal }) => listLiveSessions(signal) }),
};

/**
 * The app's cache. Pages show an error with a "Try again" button rather than retrying behind the user's
 * back, and refetch when they mount or when a change invalidates them, not when the window regains focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

/** Replaces the item with the same id in a cached list, or adds it. */
export function upsert<T extends { id: number }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

/** Removes the item with that id from a cached list. */
export function without<T extends { id: number }>(list: readonly T[], id: number): T[] {
  return list.filter((x) => x.id !== id);
}

interface ChangeOptions<TArgs, TResult> {
  /** The keys whose data the change alters; they are refetched once it succeeds. */
  invalidates: readonly QueryKey[];
  /** Puts the server's answer into the cache at once, so the page does not wait for the refetch. */
  apply?: (cache: Cache, result: TResult, args: TArgs) => void;
}

export interface Cache {
  set<T>(key: QueryKey, change: (current: T) => T): void;
}

/**
 * Every change to server state: on success it applies the answer to the cached data and invalidates what
 * it changed, so every page showing it refetches. A change with no answer to apply stays pending until
 * the refetch is done, so the page shows the new state when the change reports success. Failures reach
 * the caller (mutateAsync throws the ApiError), which shows them where the change was asked for: the
 * form's fields and message (useSchemaForm), the confirmation dialog, or the page's error alert.
 */
export function useChange<TArgs, TResult>(
  mutationFn: (args: TArgs) => Promise<TResult>,
  { invalidates, apply }: ChangeOptions<TArgs, TResult>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, args) => {
      apply?.(
        {
          set: (key, change) =>
            client.setQueryData(key, (current: unknown) => (current === undefined ? current : change(current as never))),
        },
        result,
        args,
      );
      const refetched = Promise.all(invalidates.map((key) => client.invalidateQueries({ queryKey: key })));
      if (apply === undefined) await refetched;
    },
  });
}
