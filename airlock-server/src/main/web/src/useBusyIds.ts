import { useCallback, useState } from 'react';

/** The ids of the rows with a request in flight, and a setter that marks one row busy or done. */
export function useBusyIds() {
  const [busyIds, setBusyIds] = useState<ReadonlySet<number>>(new Set());
  const setBusy = useCallback((id: number, busy: boolean) => {
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  return [busyIds, setBusy] as const;
}
