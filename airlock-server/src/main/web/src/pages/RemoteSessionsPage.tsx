import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ACCESS_MANAGERS, hasRole, useCurrentUser } from '../auth';
import { AlertIcon, ExternalIcon, RecordIcon, TerminalIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorAlert, ResourceStates } from '../components/States';
import { protocolLabel } from '../labels';
import type { RemoteMethod, RemoteSessionGroup } from '../types';
import { queries } from '../api/queries';

const SESSION_WINDOW_FEATURES = 'noopener=no,width=1024,height=700';

function sessionUrl(groupId: number, methodId: number): string {
  const params = new URLSearchParams({ group: String(groupId), method: String(methodId) });
  return `/session?${params.toString()}`;
}

/** The global group first, then by name. */
function byGroup(a: RemoteSessionGroup, b: RemoteSessionGroup): number {
  if (a.group.global !== b.group.global) return a.group.global ? -1 : 1;
  return a.group.name.localeCompare(b.group.name, undefined, { sensitivity: 'base', numeric: true });
}

function byAsset(a: RemoteMethod, b: RemoteMethod): number {
  return (
    a.assetName.localeCompare(b.assetName, undefined, { sensitivity: 'base', numeric: true }) ||
    a.protocol.localeCompare(b.protocol) ||
    a.port - b.port
  );
}

export function RemoteSessionsPage() {
  const user = useCurrentUser();
  const query = useQuery(queries.remoteSessions);
  const [openError, setOpenError] = useState<string | null>(null);

  function open(entry: RemoteSessionGroup, method: RemoteMethod) {
    setOpenError(null);
    const opened = window.open(sessionUrl(entry.group.id, method.id), '_blank', SESSION_WINDOW_FEATURES);
    if (opened === null) {
      setOpenError(
        `The browser blocked the session window for ${method.assetName}. Allow pop-up windows for this site, then select Open Session again.`,
      );
    }
  }

  const groups = query.data === undefined ? [] : [...query.data].sort(byGroup);

  return (
    <>
      <PageHeader
        title="Remote Sessions"
        description="Equipment you may reach, grouped by access group. Open a session to connect from this browser."
        actions={
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
            data-testid="remote-sessions-refresh"
          >
            Refresh
          </button>
        }
      />

      <ErrorAlert message={openError} testId="remote-sessions-open-error" />

      <ResourceStates
        query={query}
        count={groups.length}
        loadingLabel="Loading your access…"
        errorTitle="Your access could not be loaded."
        errorTestId="remote-sessions-error"
        empty={
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
        }
      >
        {() => (
          <div className="session-groups">
            {groups.map((entry) => (
              <GroupSection key={entry.group.id} entry={entry} onOpen={(method) => open(entry, method)} />
            ))}
          </div>
        )}
      </ResourceStates>
    </>
  );
}

function GroupSection({ entry, onOpen }: { entry: RemoteSessionGroup; onOpen(method: RemoteMethod): void }) {
  const { group, available } = entry;
  const headingId = `session-group-${group.id}`;
  const recorded = group.enforceRecording && !group.global;
  const methods = [...entry.methods].sort(byAsset);
  return (
    <section
      className={`session-group${available ? '' : ' session-group-unavailable'}`}
      aria-labelledby={headingId}
      data-testid={`session-group-${group.id}`}
    >
      <header className="session-group-header">
        <div className="session-group-heading">
          <h2 id={headingId} className="session-group-name">
            {group.name}
          </h2>
          {recorded && <span className="badge badge-info">Recording enforced</span>}
          {group.global && <span className="badge badge-neutral">Recording not enforced</span>}
          {!available && <span className="badge badge-danger">Not available now</span>}
        </div>
        {group.global && (
          <p className="session-group-note" data-testid={`session-group-global-note-${group.id}`}>
            Every access method, available to System Admins. Recording is never enforced for sessions opened from this
            group; open the session from a recording group when it must be recorded.
          </p>
        )}
      </header>
      {!available && (
        <div className="session-group-reason" data-testid={`session-group-unavailable-${group.id}`}>
          <AlertIcon className="session-group-reason-icon" />
          <p>{entry.reason || 'This group does not allow sessions right now.'}</p>
        </div>
      )}
      {methods.length === 0 ? (
        <p className="asset-no-methods">This group does not grant any access methods yet.</p>
      ) : (
        <table className="table table-nested table-sessions">
          <caption className="visually-hidden">Access methods of {group.name}</caption>
          <thead>
            <tr>
              <th scope="col">Asset</th>
              <th scope="col">Host</th>
              <th scope="col">Site / zone</th>
              <th scope="col">Access method</th>
              <th scope="col" className="cell-actions">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {methods.map((method) => (
              <tr key={method.id} data-testid={`session-method-${group.id}-${method.id}`}>
                <th scope="row" className="cell-asset">
                  <span className="cell-asset-name">{method.assetName}</span>
                  {method.assetDescription && <span className="cell-subtle">{method.assetDescription}</span>}
                </th>
                <td className="mono cell-wrap">{method.host}</td>
                <td>
                  {method.site || method.zone ? (
                    [method.site, method.zone].filter(Boolean).join(' / ')
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="cell-method">
                  <span className={`protocol protocol-${method.protocol.toLowerCase()}`}>
                    {protocolLabel(method.protocol)}
                  </span>{' '}
                  <span className="muted">port {method.port}</span>
                </td>
                <td className="cell-actions">
                  {available ? (
                    <span className="open-session">
                      {recorded && (
                        <span className="recorded-note" id={`recorded-${group.id}-${method.id}`}>
                          <RecordIcon width={16} height={16} />
                          This session will be recorded
                        </span>
                      )}
                      <button
                        type="button"
                        className="button button-primary button-small"
                        onClick={() => onOpen(method)}
                        aria-label={`Open session: ${protocolLabel(method.protocol)} to ${method.assetName} (opens a new window)`}
                        aria-describedby={recorded ? `recorded-${group.id}-${method.id}` : undefined}
                        data-testid={`open-session-${group.id}-${method.id}`}
                      >
                        Open Session
                        <ExternalIcon width={15} height={15} />
                      </button>
                    </span>
                  ) : (
                    <span className="muted">Unavailable</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
