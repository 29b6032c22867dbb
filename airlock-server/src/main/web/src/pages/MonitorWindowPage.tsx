import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, monitorSession } from '../api';
import { ACCESS_MANAGERS, hasRole, useCurrentUser } from '../auth';
import { DesktopPane } from '../components/session/DesktopPane';
import { TerminalPane } from '../components/session/TerminalPane';
import {
  type ConnectionStatus,
  MONITOR_FELL_BEHIND,
  MONITOR_LINK_REFUSED,
  type ReadyNotice,
  type SessionEnd,
  socketUrl,
} from '../components/session/terminal';
import {
  ConnectingOverlay,
  EndedBanner,
  StatusPill,
  TerminalWindow,
  WindowBar,
  WindowError,
} from '../components/session/WindowChrome';

/**
 * A read-only view of someone's live session, opened from Session History's Monitor action:
 * `/monitor?ticket=<one-time ticket>&session=<id>&protocol=<SSH|TELNET|VNC>`. Nothing typed here reaches
 * the equipment. The bar names whose session it is and on which equipment once the gateway says so. A VNC
 * session's monitor is a view-only remote desktop, which the gateway serves from its own copy of the screen.
 */
export function MonitorWindowPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const ticket = params.get('ticket') ?? '';
  const session = params.get('session') ?? '';
  const sessionLabel = /^\d+$/.test(session) ? `#${session}` : '';
  const desktop = params.get('protocol') === 'VNC';

  if (!hasRole(user, ACCESS_MANAGERS)) {
    return (
      <TerminalWindow>
        <WindowError
          title="Monitoring is not available to you."
          message="Only System Admins and Access Admins can watch live sessions."
          testId="monitor-error"
        />
      </TerminalWindow>
    );
  }
  if (ticket === '') {
    return (
      <TerminalWindow>
        <WindowError
          title="The session cannot be monitored."
          message="This monitor link is incomplete. Select Monitor again in Session History."
          testId="monitor-error"
        />
      </TerminalWindow>
    );
  }
  return (
    <MonitorTerminal
      ticket={ticket}
      sessionLabel={sessionLabel}
      sessionId={sessionLabel === '' ? null : Number(session)}
      desktop={desktop}
    />
  );
}

type Watched = { username: string | null; assetName: string | null };

/** "alice on PLC-7 (session #12)", or as much of it as is known. */
function monitorTitle({ username, assetName }: Watched, sessionLabel: string): string {
  const session = sessionLabel === '' ? 'session' : `session ${sessionLabel}`;
  if (username !== null && assetName !== null) return `Monitoring ${username} on ${assetName} (${session})`;
  if (username !== null) return `Monitoring ${username} (${session})`;
  if (assetName !== null) return `Monitoring ${assetName} (${session})`;
  return `Monitoring ${session}`;
}

interface MonitorProps {
  ticket: string;
  sessionLabel: string;
  sessionId: number | null;
  /** A VNC session: a view-only desktop instead of a terminal. */
  desktop: boolean;
}

function MonitorTerminal({ ticket, sessionLabel, sessionId, desktop }: MonitorProps) {
  // A monitor the gateway dropped (it fell behind) comes back with a new ticket and a fresh terminal.
  const [current, setCurrent] = useState({ ticket, attempt: 0 });
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [end, setEnd] = useState<SessionEnd | null>(null);
  const [watched, setWatched] = useState<Watched>({ username: null, assetName: null });
  const [reconnecting, setReconnecting] = useState(false);
  const [reconnectError, setReconnectError] = useState<string | null>(null);
  const url = useCallback(() => socketUrl('/ws/monitor', { ticket: current.ticket }), [current.ticket]);
  const title = monitorTitle(watched, sessionLabel);

  useEffect(() => {
    document.title = `${status === 'ended' ? 'Ended · ' : ''}${title} · Airlock`;
  }, [title, status]);

  async function reconnect() {
    if (sessionId === null || reconnecting) return;
    setReconnecting(true);
    setReconnectError(null);
    try {
      const grant = await monitorSession(sessionId);
      setEnd(null);
      setStatus('connecting');
      setCurrent((previous) => ({ ticket: grant.ticket, attempt: previous.attempt + 1 }));
    } catch (error) {
      setReconnectError(errorMessage(error));
    } finally {
      setReconnecting(false);
    }
  }

  const canReconnect = end !== null && end.closeCode === MONITOR_FELL_BEHIND && sessionId !== null;
  const onReady = (notice: ReadyNotice) => {
    setStatus((now) => (now === 'connecting' ? 'connected' : now));
    setWatched((known) => ({
      username: notice.username ?? known.username,
      assetName: notice.assetName ?? known.assetName,
    }));
  };
  const onEnded = (ending: SessionEnd) => {
    setStatus('ended');
    setEnd(ending);
  };
  return (
    <TerminalWindow>
      <WindowBar
        title={<span data-testid="monitor-title">{watched.assetName ?? `Session ${sessionLabel}`.trim()}</span>}
        status={<StatusPill status={status} testId="monitor-status" />}
      >
        <span className="protocol">Monitor · read-only</span>
        {watched.username !== null && (
          <span className="term-bar-user" data-testid="monitor-user">
            User <span className="term-bar-user-name">{watched.username}</span>
          </span>
        )}
        {sessionLabel !== '' && <span className="term-bar-id">Session {sessionLabel}</span>}
      </WindowBar>
      {end !== null && (
        <EndedBanner
          title="Monitoring has ended"
          message={reconnectError ?? end.message}
          testId="monitor-ended"
          action={canReconnect ? { label: reconnecting ? 'Reconnecting…' : 'Reconnect', onClick: reconnect } : undefined}
        />
      )}
      <main className="term-body">
        {desktop ? (
          <DesktopPane
            key={current.attempt}
            url={socketUrl('/ws/monitor', { ticket: current.ticket })}
            interactive={false}
            label={`${title} (read-only)`}
            testId="monitor-desktop"
            refusedMessage={MONITOR_LINK_REFUSED}
            onReady={onReady}
            onEnded={onEnded}
          />
        ) : (
          <TerminalPane
            key={current.attempt}
            url={url}
            interactive={false}
            expose
            label={`${title} (read-only)`}
            testId="monitor-terminal"
            refusedMessage={MONITOR_LINK_REFUSED}
            onOpen={() => setStatus((now) => (now === 'connecting' ? 'connected' : now))}
            onReady={onReady}
            onEnded={onEnded}
          />
        )}
        {status === 'connecting' && <ConnectingOverlay label="Connecting to the session…" />}
      </main>
    </TerminalWindow>
  );
}
