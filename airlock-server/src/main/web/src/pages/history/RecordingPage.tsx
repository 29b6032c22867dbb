import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { formatDateTime, protocolLabel } from '../../labels';
import { historyQueries, recordingUrl } from './api';
import { CastView, SpeedSelect } from './CastView';
import { isTerminal } from './recordingActions';
import { checkRecording, startSeconds, unplayable } from './recordingCheck';
import { UnplayableState } from './UnplayableState';

/** The player's address; `t` starts it that many seconds in, `text` opens a terminal recording's text view. */
export function playerPath(id: number, { t, text }: { t?: number; text?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (t !== undefined && t > 0) params.set('t', String(t));
  if (text === true) params.set('view', 'text');
  const query = params.toString();
  return `/sessions/${encodeURIComponent(String(id))}/recording${query === '' ? '' : `?${query}`}`;
}

/** View Inline Recording: the video streamed through the gateway, and for terminal sessions a text view. */
export function RecordingPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const start = startSeconds(params.get('t'));
  const text = params.get('view') === 'text';
  const audit = useQuery({ ...historyQueries.audit(id), enabled: Number.isInteger(id) && id > 0 });
  const session = audit.data?.session;
  // A desktop's raw recording holds no text: view=text on its address still plays the video.
  const view = !text ? 'video' : session === undefined ? 'loading' : isTerminal(session.protocol) ? 'text' : 'video';
  const historySearch = (useLocation().state as { historySearch?: string } | null)?.historySearch ?? '';

  useEffect(() => {
    document.title = `Recording of session #${id} · Airlock`;
  }, [id]);

  const switchView = (toText: boolean) => {
    const next = new URLSearchParams(params);
    if (toText) next.set('view', 'text');
    else next.delete('view');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={`Recording of session #${id}`}
        description={
          session === undefined
            ? 'View Inline Recording'
            : `${session.username} on ${session.assetName} (${protocolLabel(session.protocol)}), started ${formatDateTime(session.startedAt)}`
        }
        actions={
          <Link
            to={`/access/history${historySearch === '' ? '' : `?${historySearch}`}`}
            className="button button-secondary"
          >
            Back to Session History
          </Link>
        }
      />
      {audit.isError && (
        <ErrorState
          title="This session could not be loaded."
          message={errorMessage(audit.error)}
          onRetry={() => void audit.refetch()}
          testId="recording-session-error"
        />
      )}
      {session !== undefined && isTerminal(session.protocol) && (
        <div className="segmented" role="group" aria-label="Show the recording as">
          <button
            type="button"
            className={`button button-small ${text ? 'button-secondary' : 'button-primary'}`}
            aria-pressed={!text}
            onClick={() => switchView(false)}
            data-testid="recording-show-video"
          >
            Video
          </button>
          <button
            type="button"
            className={`button button-small ${text ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={text}
            onClick={() => switchView(true)}
            data-testid="recording-show-text"
          >
            View as text
          </button>
        </div>
      )}
      {/* An unknown or unreadable session is said once, above; the player would only repeat it. */}
      {!audit.isError && view === 'text' && <CastView sessionId={id} start={start} />}
      {!audit.isError && view === 'video' && <VideoPlayer sessionId={id} start={start} />}
    </>
  );
}

function VideoPlayer({ sessionId, start }: { sessionId: number; start: number }) {
  const check = useQuery({
    queryKey: ['sessions', 'recording-check', sessionId],
    queryFn: ({ signal }) => checkRecording(sessionId, 'video', signal),
    gcTime: 0,
  });
  const video = useRef<HTMLVideoElement>(null);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (video.current !== null) video.current.playbackRate = speed;
  }, [speed]);

  if (check.isPending) return <LoadingState label="Checking the recording in the bucket…" />;
  if (check.isError) {
    const reason = unplayable(check.error);
    if (reason.kind !== 'error') return <UnplayableState reason={reason} />;
    return (
      <ErrorState
        title="The recording cannot be played."
        message={reason.message}
        onRetry={() => void check.refetch()}
        testId="recording-error"
      />
    );
  }
  return (
    <div className="player" data-testid="recording-player">
      {failed && (
        <p className="alert alert-error" role="alert" data-testid="recording-playback-error">
          Playback stopped: the gateway refused or lost the recording. Reload the page to check it again.
        </p>
      )}
      <video
        ref={video}
        className="player-video"
        src={recordingUrl(sessionId)}
        controls
        preload="metadata"
        aria-label={`Recording of session #${sessionId}`}
        data-testid="recording-video"
        onLoadedMetadata={(event) => {
          event.currentTarget.playbackRate = speed;
          if (start > 0) event.currentTarget.currentTime = start;
        }}
        onError={() => setFailed(true)}
      />
      <div className="player-controls">
        <SpeedSelect id="recording-speed" value={speed} onChange={setSpeed} />
        {/* Offered only beside a recording that passed the check: a tampered one is not handed out either. */}
        <a
          href={recordingUrl(sessionId, 'video', true)}
          download
          className="button button-primary button-small"
          data-testid="recording-download"
        >
          Download Inline Recording
        </a>
      </div>
    </div>
  );
}
