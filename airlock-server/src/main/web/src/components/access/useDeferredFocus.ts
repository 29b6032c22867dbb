import { useCallback, useEffect, useState } from 'react';

type Finder = () => HTMLElement | null | undefined;

/**
 * Moves focus once React has rendered the state changes made together with the call: for example
 * to a field that was disabled while a request was in flight, or to a stable control after the
 * focused one was removed (a closed dialog's opener that no longer exists).
 */
export function useDeferredFocus(): (find: Finder) => void {
  const [request, setRequest] = useState<{ find: Finder } | null>(null);
  useEffect(() => {
    if (request === null) return;
    request.find()?.focus();
  }, [request]);
  return useCallback((find: Finder) => setRequest({ find }), []);
}

export function byId(id: string): Finder {
  return () => document.getElementById(id);
}

export function byTestId(testId: string): Finder {
  return () => document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`);
}

/** The page's heading; the shell makes it focusable. */
export function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1');
}
