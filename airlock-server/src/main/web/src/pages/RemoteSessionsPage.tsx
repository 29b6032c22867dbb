import { Link } from 'react-router-dom';
import { ACCESS_MANAGERS, hasRole, useCurrentUser } from '../auth';
import { TerminalIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

export function RemoteSessionsPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Remote Sessions"
        description="Equipment you may reach, grouped by access group. Open a session to connect from this browser."
      />
      <EmptyState
        icon={<TerminalIcon width={32} height={32} />}
        title="No access methods are available to you yet."
        testId="remote-sessions-empty"
      >
        <p>
          When you belong to an access group, its equipment is listed here with the access methods you may use (SSH,
          Telnet, VNC or RDP) and an <strong>Open Session</strong> action. Sessions in groups that enforce recording
          are recorded for later review.
        </p>
        {hasRole(user, ACCESS_MANAGERS) ? (
          <p>
            Access is granted in <Link to="/access/groups">Access Groups</Link>.
          </p>
        ) : (
          <p>Ask your Airlock administrator to add you to the access group for the equipment you need.</p>
        )}
      </EmptyState>
    </>
  );
}
