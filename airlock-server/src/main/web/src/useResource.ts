import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isAbortError } from './api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

/** Loads data when the component mounts; `reload` fetches again, `update` edits the loaded copy. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    load(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setResource({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (data: T) => T) => {
    setResource((current) => (current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current));
  }, []);

  return { resource, reload, update };
}
