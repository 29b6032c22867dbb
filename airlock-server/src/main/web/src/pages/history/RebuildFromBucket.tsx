import { useState } from 'react';
import { keys, useChange } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { rebuildFromBucket, type RebuildResult } from './api';

function resultMessage({ found, created, skipped }: RebuildResult): string {
  const recordings = found === 1 ? '1 recording' : `${found} recordings`;
  return `Rebuild from the bucket found ${recordings}: ${created} history rows created, ${skipped} already present.`;
}

/** Rebuild from the bucket (System Admin): recreates lost history rows from the recordings' metadata. */
export function RebuildFromBucket() {
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const rebuild = useChange(rebuildFromBucket, { invalidates: [keys.sessions.history] });
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setOutcome(null);
          setConfirming(true);
        }}
        data-testid="history-rebuild"
      >
        Rebuild from the bucket
      </button>
      {outcome !== null && (
        <p className="alert alert-success history-rebuild-result" role="status" data-testid="history-rebuild-result">
          {outcome}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Rebuild from the bucket?"
          description="Airlock lists the recordings in the active storage integration and recreates the history rows that are missing, from each recording's metadata. Rows already present are left as they are."
          confirmLabel="Rebuild"
          busyLabel="Rebuilding…"
          testId="history-rebuild-dialog"
          confirmTestId="history-rebuild-confirm"
          onClose={() => setConfirming(false)}
          tone="primary"
          onConfirm={async () => {
            // A failure stays in the dialog (ConfirmDialog shows it) so it can be tried again.
            setOutcome(resultMessage(await rebuild.mutateAsync(undefined)));
            setConfirming(false);
          }}
        />
      )}
    </>
  );
}
