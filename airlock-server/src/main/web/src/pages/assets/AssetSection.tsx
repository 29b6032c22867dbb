import { AlertIcon } from '../../components/Icons';
import { RowButton } from '../../components/ListPage';
import { TableHead } from '../../components/TableHead';
import { credentialLabel, protocolLabel } from '../../labels';
import { PROTOCOLS, type AccessMethod, type Asset } from '../../types';
import { methodName } from './methods';

function byProtocolAndPort(a: AccessMethod, b: AccessMethod): number {
  return PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) || a.port - b.port;
}

export function hasPendingHostKey(method: AccessMethod): boolean {
  return pinsServerIdentity(method) && method.hostKey?.pendingFingerprint != null;
}

/** SSH host keys and RDP server certificates are pinned on first use; the other protocols prove nothing. */
export function pinsServerIdentity(method: AccessMethod): boolean {
  return method.protocol === 'SSH' || method.protocol === 'RDP';
}

export function acceptLabel(method: AccessMethod): string {
  return method.protocol === 'RDP' ? 'Accept new certificate' : 'Accept new host key';
}

/** What the pinned fingerprint identifies, as users call it. */
export function serverIdentityLabel(method: AccessMethod): string {
  return method.protocol === 'RDP' ? 'RDP server certificate' : 'SSH host key';
}

interface AssetSectionProps {
  asset: Asset;
  onEdit(): void;
  onDelete(): void;
  onAddMethod(): void;
  onEditMethod(method: AccessMethod): void;
  onDeleteMethod(method: AccessMethod): void;
  onAcceptHostKey(method: AccessMethod): void;
}

export function AssetSection({
  asset,
  onEdit,
  onDelete,
  onAddMethod,
  onEditMethod,
  onDeleteMethod,
  onAcceptHostKey,
}: AssetSectionProps) {
  const headingId = `asset-${asset.id}-name`;
  const methods = [...asset.methods].sort(byProtocolAndPort);
  return (
    <li className="asset" data-testid={`asset-row-${asset.name}`}>
      <div className="asset-header">
        <div className="asset-heading">
          <h2 id={headingId} className="asset-name">
            {asset.name}
          </h2>
          <dl className="asset-facts">
            <div>
              <dt>Host</dt>
              <dd className="mono">{asset.host}</dd>
            </div>
            <div>
              <dt>Site</dt>
              <dd>{asset.site || <span className="muted">—</span>}</dd>
            </div>
            <div>
              <dt>Zone</dt>
              <dd>{asset.zone || <span className="muted">—</span>}</dd>
            </div>
          </dl>
          {asset.description && <p className="asset-description">{asset.description}</p>}
        </div>
        <div className="asset-actions">
          <RowButton
            onClick={onAddMethod}
            label={`Add access method to ${asset.name}`}
            testId={`method-add-${asset.name}`}
          >
            Add access method
          </RowButton>
          <RowButton onClick={onEdit} label={`Edit ${asset.name}`} testId={`asset-edit-${asset.name}`}>
            Edit
          </RowButton>
          <RowButton tone="danger" onClick={onDelete} label={`Delete ${asset.name}`} testId={`asset-delete-${asset.name}`}>
            Delete
          </RowButton>
        </div>
      </div>
      {methods.length === 0 ? (
        <p className="asset-no-methods" data-testid={`asset-no-methods-${asset.name}`}>
          No access methods yet. Add one (for example SSH on port 22) so access groups can grant this asset.
        </p>
      ) : (
        <table className="table table-nested table-methods" data-testid={`asset-methods-${asset.name}`}>
          <caption className="visually-hidden">Access methods of {asset.name}</caption>
          <TableHead columns={['Protocol', 'Port', 'Username', 'Credential', 'Host key or certificate']} />
          <tbody>
            {methods.map((method) => (
              <MethodRows
                key={method.id}
                asset={asset}
                method={method}
                onEdit={() => onEditMethod(method)}
                onDelete={() => onDeleteMethod(method)}
                onAcceptHostKey={() => onAcceptHostKey(method)}
              />
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function MethodRows({
  asset,
  method,
  onEdit,
  onDelete,
  onAcceptHostKey,
}: {
  asset: Asset;
  method: AccessMethod;
  onEdit(): void;
  onDelete(): void;
  onAcceptHostKey(): void;
}) {
  const pending = hasPendingHostKey(method);
  const label = `${methodName(method)} of ${asset.name}`;
  const fingerprint = method.hostKey?.fingerprint ?? null;
  const pendingFingerprint = method.hostKey?.pendingFingerprint ?? null;
  const warningId = `method-${method.id}-hostkey-warning`;
  return (
    <>
      <tr data-testid={`method-row-${method.id}`} className={pending ? 'row-flagged' : undefined}>
        <th scope="row">
          <span className={`protocol protocol-${method.protocol.toLowerCase()}`}>{protocolLabel(method.protocol)}</span>
          {method.charset !== 'UTF-8' && (
            <span className="method-charset" title="The equipment's character set">
              {method.charset}
            </span>
          )}
        </th>
        <td className="mono">{method.port}</td>
        <td className="cell-wrap">
          {method.username ? <span className="mono">{method.username}</span> : <span className="muted">Not set</span>}
        </td>
        <td>
          {method.credential === 'NONE' ? (
            <span className="muted">None stored</span>
          ) : method.credential === 'ASK_USER' ? (
            <span
              className="badge badge-neutral"
              title="Nothing secret is stored: the user types it when the session opens."
            >
              {credentialLabel(method.credential)}
            </span>
          ) : (
            <span className="badge badge-neutral" title="Stored encrypted. It is never shown again.">
              {credentialLabel(method.credential)}
            </span>
          )}
        </td>
        <td className="cell-hostkey">
          {!pinsServerIdentity(method) ? (
            <span className="muted">Not applicable</span>
          ) : pending ? (
            <span className="badge badge-warning" aria-describedby={warningId}>
              {method.protocol === 'RDP'
                ? fingerprint === null
                  ? 'New certificate to confirm'
                  : 'Certificate changed'
                : fingerprint === null
                  ? 'New host key to confirm'
                  : 'Host key changed'}
            </span>
          ) : fingerprint !== null ? (
            <span className="fingerprint" title={`Pinned ${serverIdentityLabel(method)} fingerprint`}>
              {fingerprint}
            </span>
          ) : (
            <span className="muted" title="The key the equipment presents is recorded when it is first reached.">
              Not pinned yet
            </span>
          )}
        </td>
        <td className="cell-actions">
          <RowButton onClick={onEdit} label={`Edit ${label}`} testId={`method-edit-${method.id}`}>
            Edit
          </RowButton>
          <RowButton tone="danger" onClick={onDelete} label={`Delete ${label}`} testId={`method-delete-${method.id}`}>
            Delete
          </RowButton>
        </td>
      </tr>
      {pending && (
        <tr className="row-warning" data-testid={`method-hostkey-warning-${method.id}`}>
          <td colSpan={6}>
            <div className="hostkey-warning" id={warningId}>
              <AlertIcon className="hostkey-warning-icon" />
              <div className="hostkey-warning-body">
                <p className="hostkey-warning-title">
                  {fingerprint === null
                    ? `${asset.name} presented an ${serverIdentityLabel(method)} that nobody has confirmed yet.`
                    : `${asset.name} presented a different ${serverIdentityLabel(method)} than the one pinned.`}
                </p>
                <p>
                  A change can mean the equipment or its {protocolLabel(method.protocol)} server was replaced or
                  reconfigured — or that someone is intercepting the connection. Confirm with the people responsible for
                  the equipment before accepting.
                </p>
                <dl className="fingerprint-pair">
                  <div>
                    <dt>Pinned</dt>
                    <dd className="fingerprint">{fingerprint ?? <span className="muted">None</span>}</dd>
                  </div>
                  <div>
                    <dt>Presented now</dt>
                    <dd className="fingerprint">{pendingFingerprint}</dd>
                  </div>
                </dl>
              </div>
              <RowButton
                onClick={onAcceptHostKey}
                label={`${acceptLabel(method)} of ${label}`}
                testId={`hostkey-accept-${method.id}`}
              >
                {acceptLabel(method)}
              </RowButton>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

