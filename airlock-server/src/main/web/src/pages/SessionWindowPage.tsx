import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, isAbortError, launchSession } from '../api';
import { TerminalPane } from '../components/session/TerminalPane';
import { type ConnectionStatus, type SessionEnd, socketUrl } from '../components/session/terminal';
import {
  ConnectingOverlay,
  EndedBanner,
  RecordedBanner,
  RecordingBadge,
  StatusPill,
  TerminalWindow,
  WindowBar,
  WindowError,
} from '../components/session/WindowChrome';
import { LoadingState } from '../components/States';
import { protocolLabel } from '../labels';
import type { LaunchGrant } from '../types';

type Launch =
  | { status: 'launching' }
  | { status: 'refused'; message: string }
  | { status: 'granted'; grant: LaunchGrant };

function positiveId(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The session window, opened by Remote Sessions' Open Session: `/session?group=<id>&method=<id>`.
 * Asks for a launch ticket, then runs the terminal full-window. Closing the window ends the session.
 */
export function SessionWindowPage() {
  const [params] = useSearchParams();
  const groupId = positiveId(params.get('group'));
  const methodId = positiveId(params.get('method'));
  const [launch, setLaunch] = useState<Launch>({ status: 'launching' });

  useEffect(() => {
    document.title = 'Opening session · Airlock';
    if (groupId === null || methodId === null) {
      setLaunch({
        status: 'refused',
        message: 'This session link is incomplete. Open the session again from Remote Sessions.',
      });
      return undefined;
    }
    const controller = new AbortController();
    setLaunch({ status: 'launching' });
    launchSession(groupId, methodId, controller.signal).then(
      (grant) => setLaunch({ status: 'granted', grant }),
      (error: unknown) => {
        if (!isAbortError(error)) setLaunch({ status: 'refused', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [groupId, methodId]);

  if (launch.status === 'launching') {
    return (
      <TerminalWindow>
        <main className="term-message">
          <LoadingState label="Opening the session…" />
        </main>
      </TerminalWindow>
    );
  }
  if (launch.status === 'refused') {
    return (
      <TerminalWindow>
        <WindowError title="The session could not be opened." message={launch.message} testId="session-error" />
      </TerminalWindow>
    );
  }
  return <LiveTerminal grant={launch.grant} />;
}

function LiveTerminal({ grant }: { grant: LaunchGrant }) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [recorded, setRecorded] = useState(grant.recorded);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [wasReady, setWasReady] = useState(false);
  const [end, setEnd] = useState<SessionEnd | null>(null);
  const protocol = protocolLabel(grant.protocol);

  useEffect(() => {
    const prefix = status === 'ended' ? 'Ended · ' : '';
    document.title = `${prefix}${grant.assetName} (${protocol}) · Airlock`;
  }, [grant.assetName, protocol, status]);

  const url = useCallback(
    ({ cols, rows }: { cols: number; rows: number }) => socketUrl('/ws/terminal', { ticket: grant.ticket, cols, rows }),
    [grant.ticket],
  );

  return (
    <TerminalWindow>
      <WindowBar
        title={grant.assetName}
        status={
          <>
            {recorded && status !== 'ended' && <RecordingBadge testId="session-recorded" />}
            <StatusPill status={status} testId="session-status" />
          </>
        }
      >
        <span className="protocol">{protocol}</span>
        <span className="term-bar-host mono">
          {grant.host}:{grant.port}
        </span>
        <span className="term-bar-group">
          <span className="visually-hidden">Access group: </span>
          {grant.groupName}
        </span>
        {sessionId !== null && <span className="term-bar-id">Session #{sessionId}</span>}
      </WindowBar>
      {recorded && (status !== 'ended' || wasReady) && (
        <RecordedBanner ended={status === 'ended'} testId="session-recorded-banner" />
      )}
      {end !== null && (
        <EndedBanner
          title={endTitle(end, wasReady)}
          message={end.message}
          testId="session-ended"
        />
      )}
      <main className="term-body">
        <TerminalPane
          url={url}
          interactive
          expose
          label={`Terminal: ${grant.assetName}`}
          testId="session-terminal"
          onReady={(notice) => {
            setStatus('connected');
            setWasReady(true);
            setRecorded(notice.recorded);
            if (notice.sessionId > 0) setSessionId(notice.sessionId);
          }}
          onEnded={(ending) => {
            setStatus('ended');
            setEnd(ending);
          }}
        />
        {status === 'connecting' && <ConnectingOverlay label={`Connecting to ${grant.assetName}…`} />}
      </main>
    </TerminalWindow>
  );
}

function endTitle(end: SessionEnd, wasReady: boolean): string {
  if (!wasReady) return 'The session could not be opened';
  if (end.reason === null) return 'Disconnected';
  return 'The session has ended';
}
