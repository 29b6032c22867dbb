import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { errorMessage } from '../../api';
import {
  durationBetween,
  formatBytes,
  formatDateTime,
  formatDuration,
  protocolLabel,
  recordingEventLabel,
  recordingLabel,
  recordingStatusLabel,
} from '../../labels';
import type { HistoryEntry, RecordingEvent, RecordingInfo } from '../../types';
import { Dialog } from '../../components/Dialog';
import { ErrorState, LoadingState } from '../../components/States';
import { historyQueries } from './api';

const STATUS_BADGES: Readonly<Record<HistoryEntry['recordingStatus'], string>> = {
  NONE: 'badge-neutral',
  RECORDING: 'badge-danger',
  PROCESSING: 'badge-info',
  WAITING_FOR_STORAGE: 'badge-warning',
  FAILED: 'badge-danger',
  READY: 'badge-success',
  EXPIRED: 'badge-neutral',
};

/** The implicit group of System Admins (id 0), from which recording is never enforced. */
const ALL_ACCESS_METHOD_GROUP = 0;

/** Timeline entries that report a problem are marked as such, not by colour alone. */
const PROBLEM_EVENTS = new Set([
  'FAILED',
  'WAITING_FOR_STORAGE',
  'UPLOAD_ABORTED',
  'SPOOL_REPAIRED',
  'TAMPERED',
  'EXPIRED',
]);

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

const none = <span className="muted">—</span>;

/** An object key; a long one wraps after a '/' rather than inside a name. */
function ObjectKey({ value, testId }: { value: string | null; testId: string }) {
  if (value === null) return none;
  const parts = value.split('/');
  return (
    <span className="mono object-key" data-testid={testId}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}

function Sha256({ value, testId }: { value: string | null; testId: string }) {
  if (value === null) return none;
  return (
    <span className="mono sha256" data-testid={testId}>
      {value}
    </span>
  );
}

/** Everything the gateway recorded about one session, for audits: the row as listed, then its recording. */
export function AuditInfoDialog({ entry, onClose }: { entry: HistoryEntry; onClose(): void }) {
  const query = useQuery(historyQueries.audit(entry.id));
  // The fresh row once it arrives (the recording may have moved on since the list was loaded).
  const session = query.data?.session ?? entry;
  const duration = durationBetween(session.startedAt, session.endedAt);
  return (
    <Dialog
      title={`Session #${session.id}`}
      description="Full auditing information."
      onClose={onClose}
      size="large"
      testId="audit-dialog"
    >
      <section aria-labelledby="audit-session-heading">
        <h3 id="audit-session-heading" className="audit-heading">
          Session
        </h3>
        <dl className="details audit-details audit-details-columns">
          <Row label="Session">#{session.id}</Row>
          <Row label="User">{session.username}</Row>
          <Row label="Client address" testId="audit-client-address">
            <span className="mono">{session.clientAddress || '—'}</span>
          </Row>
          <Row label="Access group">
            {session.groupName} <span className="muted">(id {session.groupId})</span>
          </Row>
          <Row label="Asset">{session.assetName}</Row>
          <Row label="Access method">
            {protocolLabel(session.protocol)}{' '}
            <span className="mono">
              {session.host}:{session.port}
            </span>
          </Row>
          <Row label="Started">
            <time dateTime={session.startedAt}>{formatDateTime(session.startedAt)}</time>
          </Row>
          <Row label="Ended">
            {session.endedAt === null ? (
              <span className="live-dot">Live</span>
            ) : (
              <time dateTime={session.endedAt}>{formatDateTime(session.endedAt)}</time>
            )}
          </Row>
          <Row label="Duration">
            {duration === null ? (session.endedAt === null ? 'In progress' : '—') : formatDuration(duration)}
          </Row>
          <Row label="End reason">{session.endReasonLabel ?? session.endReason ?? none}</Row>
          <Row label="End detail">{session.endDetail ?? none}</Row>
          <Row label="Ended by" testId="audit-ended-by">
            {session.endedBy ?? none}
          </Row>
          <Row label="Sent to equipment">{bytes(session.bytesToEquipment)}</Row>
          <Row label="Received from equipment">{bytes(session.bytesFromEquipment)}</Row>
          <Row label="Recording enforced">{session.enforceRecording ? 'Yes' : 'No'}</Row>
          <Row label="Recorded" testId="audit-recorded">
            {recordingLabel(session.recorded)}
          </Row>
        </dl>
      </section>

      <section aria-labelledby="audit-recording-heading" aria-busy={query.isPending} data-testid="audit-recording">
        <h3 id="audit-recording-heading" className="audit-heading">
          Recording
        </h3>
        {query.isPending && <LoadingState label="Loading the recording's details…" />}
        {query.isError && (
          <ErrorState
            title="The recording's details could not be loaded."
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
            testId="audit-recording-error"
          />
        )}
        {query.data !== undefined && <RecordingDetails session={session} recording={query.data.recording} />}
      </section>

      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function notRecordedReason(session: HistoryEntry): string {
  if (session.groupId === ALL_ACCESS_METHOD_GROUP) {
    return 'This session was not recorded: recording is never enforced for sessions opened from the All Access Method group.';
  }
  if (session.enforceRecording) {
    return 'This session was not recorded: it ended before the equipment answered, so there was nothing to keep.';
  }
  return 'This session was not recorded: its access group does not enforce recording.';
}

function RecordingDetails({ session, recording }: { session: HistoryEntry; recording: RecordingInfo }) {
  const status = session.recordingStatus;
  if (status === 'NONE' && recording.timeline.length === 0) {
    return (
      <p className="audit-note" data-testid="audit-recording-none">
        {notRecordedReason(session)}
      </p>
    );
  }
  const stored = recording.videoKey !== null;
  return (
    <>
      <dl className="details audit-details">
        <Row label="Status" testId="audit-recording-status">
          <span className="audit-status">
            <span className={`badge ${STATUS_BADGES[status] ?? 'badge-neutral'}`} data-status={status}>
              {recordingStatusLabel(status, session.recordingProgress)}
            </span>
            {session.recordingDetail !== null && <span className="audit-status-detail">{session.recordingDetail}</span>}
          </span>
        </Row>
        <Row label="Storage integration" testId="audit-integration">
          {recording.integrationName ?? (
            <span className="muted">{status === 'NONE' ? '—' : 'Deleted since; the active integration is used'}</span>
          )}
        </Row>
        <Row label="Bucket" testId="audit-bucket">
          {recording.bucket === null ? none : <span className="mono">{recording.bucket}</span>}
        </Row>
        <Row label="Key prefix" testId="audit-key-prefix">
          {recording.keyPrefix === null || recording.keyPrefix === '' ? none : <span className="mono">{recording.keyPrefix}</span>}
        </Row>
        <Row label="Video object">
          <ObjectKey value={recording.videoKey} testId="audit-video-key" />
        </Row>
        <Row label="Video SHA-256">
          <Sha256 value={recording.videoSha256} testId="audit-video-sha256" />
        </Row>
        <Row label="Video size" testId="audit-video-size">
          {recording.videoSize === null ? none : bytes(recording.videoSize)}
        </Row>
        <Row label="Raw recording object">
          <ObjectKey value={recording.castKey} testId="audit-cast-key" />
        </Row>
        <Row label="Raw recording SHA-256">
          <Sha256 value={recording.castSha256} testId="audit-cast-sha256" />
        </Row>
        <Row label="Session metadata" testId="audit-tags">
          {recording.tagsApplied === null
            ? stored
              ? none
              : <span className="muted">Not stored yet</span>
            : recording.tagsApplied
              ? 'Stored as object tags and object metadata'
              : 'Metadata only (kept as object metadata, not as object tags)'}
        </Row>
        <Row label="Attempts" testId="audit-attempts">
          {recording.attempts}
        </Row>
      </dl>
      <h4 className="audit-subheading" id="audit-timeline-heading">
        Timeline
      </h4>
      {recording.timeline.length === 0 ? (
        <p className="audit-note">Nothing has happened to this recording yet.</p>
      ) : (
        <ol className="timeline" aria-labelledby="audit-timeline-heading" data-testid="audit-timeline">
          {recording.timeline.map((event, index) => (
            <TimelineItem key={`${event.at}-${index}`} event={event} />
          ))}
        </ol>
      )}
    </>
  );
}

function TimelineItem({ event }: { event: RecordingEvent }) {
  const problem = PROBLEM_EVENTS.has(event.kind);
  return (
    <li className={`timeline-item${problem ? ' timeline-item-problem' : ''}`} data-kind={event.kind}>
      <time className="timeline-time" dateTime={event.at} title={event.at}>
        {formatDateTime(event.at)}
      </time>
      <div className="timeline-body">
        <p className="timeline-label">{recordingEventLabel(event.kind)}</p>
        {event.detail !== '' && <p className="timeline-detail">{event.detail}</p>}
      </div>
    </li>
  );
}
