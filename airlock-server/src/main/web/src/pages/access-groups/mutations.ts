import { createGroup, deleteGroup, updateGroup } from '../../api';
import { keys, upsert, useChange, without } from '../../api/queries';
import type { AccessGroup, AccessGroupInput } from '../../types';

// Remote Sessions lists what the groups grant.
const invalidates = [keys.groups.all, keys.remoteSessions];

/** Creates an access group (`id` null) or saves one. */
export function useSaveGroup() {
  return useChange(
    ({ id, input }: { id: number | null; input: AccessGroupInput }) => (id === null ? createGroup(input) : updateGroup(id, input)),
    { invalidates, apply: (cache, group) => cache.set<AccessGroup[]>(keys.groups.all, (list) => upsert(list, group)) },
  );
}

export function useDeleteGroup() {
  return useChange((group: AccessGroup) => deleteGroup(group.id), {
    invalidates,
    apply: (cache, _, group) => cache.set<AccessGroup[]>(keys.groups.all, (list) => without(list, group.id)),
  });
}
