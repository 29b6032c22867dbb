import {
  activateIntegration,
  checkIntegration,
  createIntegration,
  deactivateIntegration,
  updateIntegration,
} from '../../api';
import { keys, upsert, useChange, type Cache } from '../../api/queries';
import type { IntegrationInput, StorageIntegration } from '../../types';

const invalidates = [keys.integrations];

function saved(cache: Cache, integration: StorageIntegration) {
  cache.set<StorageIntegration[]>(keys.integrations, (list) => upsert(list, integration));
}

/** Creates an S3 integration (`id` null) or saves one. */
export function useSaveIntegration() {
  return useChange(
    ({ id, input }: { id: number | null; input: IntegrationInput }) =>
      id === null ? createIntegration(input) : updateIntegration(id, input),
    { invalidates, apply: saved },
  );
}

/** Probes each S3 permission; the answer carries the new check. */
export function useCheckIntegration() {
  return useChange((integration: StorageIntegration) => checkIntegration(integration.id), { invalidates, apply: saved });
}

/** Activating one integration deactivates the one active before: the whole list is fetched again. */
export function useActivation() {
  return useChange(
    ({ integration, active }: { integration: StorageIntegration; active: boolean }) =>
      active ? activateIntegration(integration.id) : deactivateIntegration(integration.id),
    { invalidates },
  );
}
