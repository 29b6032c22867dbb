import { acceptHostKey, createAsset, createMethod, deleteAsset, deleteMethod, updateAsset, updateMethod } from '../../api';
import { keys, upsert, useChange, without, type Cache } from '../../api/queries';
import type { AccessMethod, AccessMethodInput, Asset, AssetInput } from '../../types';

// Methods are what access groups grant and what Remote Sessions lists: both change with them.
const invalidates = [keys.assets.all, keys.groups.all, keys.remoteSessions];

function assets(cache: Cache, change: (list: Asset[]) => Asset[]) {
  cache.set<Asset[]>(keys.assets.all, change);
}

function methodsOf(cache: Cache, assetId: number, change: (methods: AccessMethod[]) => AccessMethod[]) {
  assets(cache, (list) => list.map((a) => (a.id === assetId ? { ...a, methods: change(a.methods) } : a)));
}

/** Creates an asset (`id` null) or saves one. */
export function useSaveAsset() {
  return useChange(
    ({ id, input }: { id: number | null; input: AssetInput }) => (id === null ? createAsset(input) : updateAsset(id, input)),
    { invalidates, apply: (cache, asset) => assets(cache, (list) => upsert(list, asset)) },
  );
}

export function useDeleteAsset() {
  return useChange((asset: Asset) => deleteAsset(asset.id), {
    invalidates,
    apply: (cache, _, asset) => assets(cache, (list) => without(list, asset.id)),
  });
}

/** Adds an access method to an asset (`id` null) or saves one. */
export function useSaveMethod() {
  return useChange(
    ({ assetId, id, input }: { assetId: number; id: number | null; input: AccessMethodInput }) =>
      id === null ? createMethod(assetId, input) : updateMethod(id, input),
    { invalidates, apply: (cache, method, { assetId }) => methodsOf(cache, assetId, (list) => upsert(list, method)) },
  );
}

export function useDeleteMethod() {
  return useChange(({ method }: { assetId: number; method: AccessMethod }) => deleteMethod(method.id), {
    invalidates,
    apply: (cache, _, { assetId, method }) => methodsOf(cache, assetId, (list) => without(list, method.id)),
  });
}

/** Pins the pending host key the admin was shown, and only that one. */
export function useAcceptHostKey() {
  return useChange(
    ({ method }: { assetId: number; method: AccessMethod }) =>
      acceptHostKey(method.id, method.hostKey.pendingFingerprint ?? ''),
    { invalidates, apply: (cache, method, { assetId }) => methodsOf(cache, assetId, (list) => upsert(list, method)) },
  );
}
