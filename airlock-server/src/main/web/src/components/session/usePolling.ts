import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isAbortError } from '../../api';

export interface Polled<T> {
  /** The latest data; null until the first load succeeds. */
  data: T | null;
  /** The first load is in flight. */
  loading: boolean;
  /** Why the latest load failed (the previous data, if any, is kept). */
  error: string | null;
  reload(): void;
}

/**
 * Loads on mount and again every `intervalMs` while the page is visible; with `intervalMs` null it loads
 * only on mount and on `reload`. Refreshes keep the shown data until the new answer arrives, so tables do
 * not flicker; a failed refresh keeps the last good data. Changing `load` (new filter) starts over;
 * changing only `intervalMs` keeps the data and waits the new interval before the next load.
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number | null): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const previousLoad = useRef(load);
  const previousGeneration = useRef(generation);
  /** The latest load finished (it was not cut short by a new filter, a reload or an unmount). */
  const settled = useRef(false);

  useEffect(() => {
    const loadChanged = previousLoad.current !== load;
    if (loadChanged) {
      previousLoad.current = load;
      setData(null);
      setLoading(true);
    }
    // Only the interval changed and the data is fresh: the next load waits its turn.
    const onlyInterval = settled.current && !loadChanged && previousGeneration.current === generation;
    previousGeneration.current = generation;
    let controller: AbortController | null = null;
    let timer: number | undefined;
    let stopped = false;

    async function tick() {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      settled.current = false;
      try {
        const result = await load(current.signal);
        if (stopped) return;
        setData(result);
        setError(null);
      } catch (e) {
        if (stopped || isAbortError(e)) return;
        setError(errorMessage(e));
      } finally {
        if (!stopped) {
          settled.current = true;
          setLoading(false);
          later();
        }
      }
    }

    function later() {
      if (intervalMs !== null) timer = window.setTimeout(() => void schedule(), intervalMs);
    }

    async function schedule() {
      // A hidden tab does not need fresh data; catch up as soon as it is shown again.
      if (document.hidden) {
        timer = window.setTimeout(() => void schedule(), 1000);
        return;
      }
      await tick();
    }

    if (onlyInterval) later();
    else void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller?.abort();
    };
  }, [load, intervalMs, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, loading: loading && data === null, error, reload };
}
