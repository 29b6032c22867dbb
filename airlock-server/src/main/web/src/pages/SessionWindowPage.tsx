import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, isAbortError, launchSession } from '../api';
import { DesktopPane, type DesktopControls, DesktopToolbar } from '../components/session/DesktopPane';
import { SignInForm } from '../components/session/SignInForm';
import { TerminalPane } from '../components/session/TerminalPane';
import {
  type ConnectionStatus,
  type ReadyNotice,
  type SessionEnd,
  type SessionWarning,
  SESSION_LINK_REFUSED,
  socketUrl,
  type TypedCredentials,
} from '../components/session/terminal';
import {
  ConnectingOverlay,
  EndedBanner,
  RecordedBanner,
  RecordingBadge,
  StatusPill,
  TerminalWindow,
  WarningBanner,
  WindowBar,
  WindowError,
} from '../components/session/WindowChrome';
import { LoadingState } from '../components/States';
import { protocolLabel } from '../labels';
import type { LaunchGrant } from '../types';

type Launch =
  | { status: 'launching' }
  | { status: 'refused'; message: string }
  | { status: 'granted'; grant: LaunchGrant; signedIn: boolean; receivedAt: number };

/**
 * The gateway honours a launch ticket for 30 seconds. Someone who took longer to type their password gets
 * a fresh ticket before connecting, rather than a refused link.
 */
const TICKET_FRESH_MS = 20_000;

function positiveId(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The session window, opened by Remote Sessions' Open Session: `/session?group=<id>&method=<id>`.
 * Asks for a launch ticket, asks for the equipment's credentials when the access method wants the user to
 * type them, then runs the terminal full-window. Closing the window ends the session; an attempt that
 * failed before the equipment answered can be tried again, with a new ticket.
 */
export function SessionWindowPage() {
  const [params] = useSearchParams();
  const groupId = positiveId(params.get('group'));
  const methodId = positiveId(params.get('method'));
  const [launch, setLaunch] = useState<Launch>({ status: 'launching' });
  // Each attempt asks for a new ticket; signedIn: the credentials for it were typed already.
  const [attempt, setAttempt] = useState({ n: 0, signedIn: false });
  // Handed to the terminal once, when its socket opens; never kept after that.
  const credentials = useRef<TypedCredentials | null>(null);
  // The username typed on an earlier attempt, so trying again asks only for the password.
  const typedUsername = useRef('');

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
      (grant) => {
        if (!grant.askCredentials) credentials.current = null;
        setLaunch({
          status: 'granted',
          grant,
          signedIn: !grant.askCredentials || (attempt.signedIn && credentials.current !== null),
          receivedAt: Date.now(),
        });
      },
      (error: unknown) => {
        if (!isAbortError(error)) setLaunch({ status: 'refused', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [groupId, methodId, attempt]);

  const tryAgain = useCallback(() => {
    credentials.current = null;
    setAttempt(({ n }) => ({ n: n + 1, signedIn: false }));
  }, []);
  const takeCredentials = useCallback(() => {
    const typed = credentials.current;
    credentials.current = null;
    return typed;
  }, []);

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
  const { grant } = launch;
  if (!launch.signedIn) {
    return (
      <TerminalWindow>
        <SessionBar grant={grant} recorded={grant.recorded} status="sign-in" sessionId={null} />
        {grant.recorded && <RecordedBanner ended={false} testId="session-recorded-banner" />}
        <SignInForm
          grant={grant}
          initialUsername={typedUsername.current}
          onSubmit={(typed) => {
            credentials.current = typed;
            if (grant.username === null) typedUsername.current = typed.username;
            if (Date.now() - launch.receivedAt > TICKET_FRESH_MS) setAttempt(({ n }) => ({ n: n + 1, signedIn: true }));
            else setLaunch({ ...launch, signedIn: true });
          }}
        />
      </TerminalWindow>
    );
  }
  return (
    <LiveTerminal
      key={attempt.n}
      grant={grant}
      takeCredentials={grant.askCredentials ? takeCredentials : undefined}
      onTryAgain={tryAgain}
    />
  );
}

function SessionBar({
  grant,
  recorded,
  status,
  sessionId,
}: {
  grant: LaunchGrant;
  recorded: boolean;
  status: ConnectionStatus;
  sessionId: number | null;
}) {
  return (
    <WindowBar
      title={grant.assetName}
      status={
        <>
          {recorded && status !== 'ended' && <RecordingBadge testId="session-recorded" />}
          <StatusPill status={status} testId="session-status" />
        </>
      }
    >
      <span className="protocol">{protocolLabel(grant.protocol)}</span>
      <span className="term-bar-host mono">
        {grant.host}:{grant.port}
      </span>
      <span className="term-bar-group">
        <span className="visually-hidden">Access group: </span>
        {grant.groupName}
      </span>
      {sessionId !== null && (
        <span className="term-bar-id" data-testid="session-id">
          Session #{sessionId}
        </span>
      )}
    </WindowBar>
  );
}

interface LiveTerminalProps {
  grant: LaunchGrant;
  takeCredentials?: () => TypedCredentials | null;
  onTryAgain(): void;
}

function LiveTerminal({ grant, takeCredentials, onTryAgain }: LiveTerminalProps) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [recorded, setRecorded] = useState(grant.recorded);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [wasReady, setWasReady] = useState(false);
  const [end, setEnd] = useState<SessionEnd | null>(null);
  const [warning, setWarning] = useState<SessionWarning | null>(null);
  const [controls, setControls] = useState<DesktopControls | null>(null);
  const protocol = protocolLabel(grant.protocol);
  const desktop = grant.protocol === 'VNC' || grant.protocol === 'RDP';
  const onReady = useCallback((notice: ReadyNotice) => {
    setStatus('connected');
    setWasReady(true);
    setRecorded(notice.recorded);
    if (notice.sessionId > 0) setSessionId(notice.sessionId);
  }, []);
  const onEnded = useCallback((ending: SessionEnd) => {
    setStatus('ended');
    setEnd(ending);
  }, []);

  useEffect(() => {
    const prefix = status === 'ended' ? 'Ended · ' : '';
    document.title = `${prefix}${grant.assetName} (${protocol}) · Airlock`;
  }, [grant.assetName, protocol, status]);

  const url = useCallback(
    ({ cols, rows }: { cols: number; rows: number }) => socketUrl('/ws/terminal', { ticket: grant.ticket, cols, rows }),
    [grant.ticket],
  );
  /** What the terminal and the desktop pane are given alike. */
  const pane = {
    interactive: true,
    refusedMessage: SESSION_LINK_REFUSED,
    takeCredentials,
    onReady,
    onWarning: setWarning,
    onEnded,
  };

  return (
    <TerminalWindow>
      <SessionBar grant={grant} recorded={recorded} status={status} sessionId={sessionId} />
      {recorded && (status !== 'ended' || wasReady) && (
        <RecordedBanner ended={status === 'ended'} testId="session-recorded-banner" />
      )}
      {warning !== null && end === null && (
        <WarningBanner warning={warning} onDismiss={() => setWarning(null)} testId="session-warning" />
      )}
      {end !== null && (
        <EndedBanner
          title={endTitle(end, wasReady)}
          message={end.message}
          testId="session-ended"
          action={wasReady ? undefined : { label: 'Try again', onClick: onTryAgain }}
        />
      )}
      {desktop && <DesktopToolbar controls={controls} />}
      <main className="term-body">
        {desktop ? (
          <DesktopPane
            {...pane}
            url={socketUrl('/ws/terminal', desktopParams(grant))}
            label={`Remote desktop: ${grant.assetName}`}
            testId="session-desktop"
            onControls={setControls}
          />
        ) : (
          <TerminalPane {...pane} url={url} expose label={`Terminal: ${grant.assetName}`} testId="session-terminal" />
        )}
        {status === 'connecting' && <ConnectingOverlay label={`Connecting to ${grant.assetName}…`} />}
      </main>
    </TerminalWindow>
  );
}

/** An RDP desktop is drawn at the window's size; a VNC desktop keeps its own. */
function desktopParams(grant: LaunchGrant): Record<string, string | number> {
  if (grant.protocol !== 'RDP') return { ticket: grant.ticket };
  return { ticket: grant.ticket, width: window.innerWidth, height: Math.max(0, window.innerHeight - 96) };
}

function endTitle(end: SessionEnd, wasReady: boolean): string {
  if (!wasReady) return 'The session could not be opened';
  if (end.reason === null) return 'Disconnected';
  return 'The session has ended';
}
