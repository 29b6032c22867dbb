import { recordingLabel, recordingStatusLabel } from '../../labels';
import type { HistoryEntry } from '../../types';

const STATUS_BADGES: Readonly<Partial<Record<HistoryEntry['recordingStatus'], string>>> = {
  RECORDING: 'badge-danger',
  PROCESSING: 'badge-info',
  WAITING_FOR_STORAGE: 'badge-warning',
  FAILED: 'badge-danger',
  EXPIRED: 'badge-neutral',
};

const STATUS_FALLBACK_DETAIL: Readonly<Partial<Record<HistoryEntry['recordingStatus'], string>>> = {
  RECORDING: 'The session is being recorded.',
  PROCESSING: 'The video is being made and stored.',
  WAITING_FOR_STORAGE: 'The bucket cannot be reached; the upload is retried.',
  FAILED: 'A step failed; it is retried.',
  EXPIRED: 'The bucket no longer holds the recording.',
};

/** Yes or No (seed), and beside it where the recording stands while under way, failed or expired. */
export function RecordedCell({ entry }: { entry: HistoryEntry }) {
  const badge = STATUS_BADGES[entry.recordingStatus];
  const detail = entry.recordingDetail ?? STATUS_FALLBACK_DETAIL[entry.recordingStatus] ?? null;
  // Why a recording failed is worth reading without hovering; the other details are a hint.
  const shownReason = entry.recordingStatus === 'FAILED' ? entry.recordingDetail : null;
  return (
    <span className="recorded-cell">
      {entry.recorded ? (
        <span className="badge badge-success" data-testid={`history-recorded-value-${entry.id}`}>
          {recordingLabel(true)}
        </span>
      ) : (
        <span className="muted" data-testid={`history-recorded-value-${entry.id}`}>
          {recordingLabel(false)}
        </span>
      )}
      {badge !== undefined && (
        <span
          className={`badge ${badge} recording-status`}
          title={detail ?? undefined}
          data-testid={`history-recording-status-${entry.id}`}
          data-status={entry.recordingStatus}
        >
          {recordingStatusLabel(entry.recordingStatus, entry.recordingProgress)}
          {detail !== null && shownReason === null && <span className="visually-hidden">: {detail}</span>}
        </span>
      )}
      {shownReason !== null && (
        <span className="cell-subtle" data-testid={`history-recording-reason-${entry.id}`}>
          {shownReason}
        </span>
      )}
    </span>
  );
}
