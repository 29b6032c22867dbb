import { useLayoutEffect, useRef } from 'react';

/**
 * The latest value, for handlers of a connection made once on mount: they read the parent's current props
 * without the connection being made again each time the parent renders.
 */
export function useLatest<T>(value: T) {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}
