import type { ReactNode } from 'react';
import { Dialog } from '../Dialog';
import { durationBetween, formatBytes, formatDateTime, formatDuration, protocolLabel, recordingLabel } from '../../labels';
import type { HistoryEntry } from '../../types';

const RECORDING_STATUS_TEXT: Readonly<Record<string, string>> = {
  NONE: 'Not recorded',
  SPOOLED: 'Captured on the gateway, not stored yet',
  STORED: 'Stored',
};

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="detail" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function bytes(value: number): string {
  const human = formatBytes(value);
  return value >= 1024 ? `${human} (${value.toLocaleString()} bytes)` : human;
}

/** Everything the gateway recorded about one session, for audits. */
export function AuditInfoDialog({ entry, onClose }: { entry: HistoryEntry; onClose(): void }) {
  const duration = durationBetween(entry.startedAt, entry.endedAt);
  const none = <span className="muted">—</span>;
  return (
    <Dialog title={`Session #${entry.id}`} description="Full auditing information." onClose={onClose} size="wide" testId="audit-dialog">
      <dl className="details audit-details">
        <Row label="Session">#{entry.id}</Row>
        <Row label="User">{entry.username}</Row>
        <Row label="Client address" testId="audit-client-address">
          <span className="mono">{entry.clientAddress || '—'}</span>
        </Row>
        <Row label="Access group">
          {entry.groupName} <span className="muted">(id {entry.groupId})</span>
        </Row>
        <Row label="Asset">{entry.assetName}</Row>
        <Row label="Access method">
          {protocolLabel(entry.protocol)}{' '}
          <span className="mono">
            {entry.host}:{entry.port}
          </span>
        </Row>
        <Row label="Started">
          <time dateTime={entry.startedAt}>{formatDateTime(entry.startedAt)}</time>
        </Row>
        <Row label="Ended">
          {entry.endedAt === null ? (
            <span className="live-dot">Live</span>
          ) : (
            <time dateTime={entry.endedAt}>{formatDateTime(entry.endedAt)}</time>
          )}
        </Row>
        <Row label="Duration">{duration === null ? (entry.endedAt === null ? 'In progress' : '—') : formatDuration(duration)}</Row>
        <Row label="End reason">{entry.endReasonLabel ?? entry.endReason ?? none}</Row>
        <Row label="End detail">{entry.endDetail ?? none}</Row>
        <Row label="Ended by" testId="audit-ended-by">
          {entry.endedBy ?? none}
        </Row>
        <Row label="Sent to equipment">{bytes(entry.bytesToEquipment)}</Row>
        <Row label="Received from equipment">{bytes(entry.bytesFromEquipment)}</Row>
        <Row label="Recording enforced">{entry.enforceRecording ? 'Yes' : 'No'}</Row>
        <Row label="Recorded">
          {recordingLabel(entry.recordingStatus, entry.recorded)}{' '}
          <span className="muted">({RECORDING_STATUS_TEXT[entry.recordingStatus] ?? entry.recordingStatus})</span>
        </Row>
      </dl>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
