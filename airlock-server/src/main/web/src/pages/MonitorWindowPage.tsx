import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ACCESS_MANAGERS, hasRole, useCurrentUser } from '../auth';
import { TerminalPane } from '../components/session/TerminalPane';
import { type ConnectionStatus, type SessionEnd, socketUrl } from '../components/session/terminal';
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
 * `/monitor?ticket=<one-time ticket>&session=<id>`. Nothing typed here reaches the equipment.
 */
export function MonitorWindowPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const ticket = params.get('ticket') ?? '';
  const session = params.get('session') ?? '';
  const sessionLabel = /^\d+$/.test(session) ? `#${session}` : '';

  useEffect(() => {
    document.title = `Monitoring session ${sessionLabel} · Airlock`;
  }, [sessionLabel]);

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
  return <MonitorTerminal ticket={ticket} sessionLabel={sessionLabel} />;
}

function MonitorTerminal({ ticket, sessionLabel }: { ticket: string; sessionLabel: string }) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [end, setEnd] = useState<SessionEnd | null>(null);
  const url = useCallback(() => socketUrl('/ws/monitor', { ticket }), [ticket]);
  const title = `Monitoring session ${sessionLabel}`.trim();

  return (
    <TerminalWindow>
      <WindowBar title={`${title} — read-only`} status={<StatusPill status={status} testId="monitor-status" />} />
      {end !== null && <EndedBanner title="Monitoring has ended" message={end.message} testId="monitor-ended" />}
      <main className="term-body">
        <TerminalPane
          url={url}
          interactive={false}
          label={`${title} (read-only)`}
          testId="monitor-terminal"
          onOpen={() => setStatus((current) => (current === 'connecting' ? 'connected' : current))}
          onEnded={(ending) => {
            setStatus('ended');
            setEnd(ending);
          }}
        />
        {status === 'connecting' && <ConnectingOverlay label="Connecting to the session…" />}
      </main>
    </TerminalWindow>
  );
}
