import { createUser, resetUserPassword, updateUser } from '../../api';
import { keys, upsert, useChange, type Cache } from '../../api/queries';
import type { User, UserChanges } from '../../types';

// Access groups offer users as members: their options change with the users.
const invalidates = [keys.users, keys.groups.options];

function saved(cache: Cache, user: User) {
  cache.set<User[]>(keys.users, (list) => upsert(list, user));
}

export function useCreateUser() {
  return useChange(createUser, { invalidates, apply: saved });
}

export function useUpdateUser() {
  return useChange(({ id, changes }: { id: number; changes: UserChanges }) => updateUser(id, changes), {
    invalidates,
    apply: saved,
  });
}

/** A temporary password: the user must choose a new one at the next sign-in. */
export function useResetPassword() {
  return useChange(({ user, newPassword }: { user: User; newPassword: string }) => resetUserPassword(user.id, newPassword), {
    invalidates,
    apply: (cache, _, { user }) => saved(cache, { ...user, mustChangePassword: true }),
  });
}
