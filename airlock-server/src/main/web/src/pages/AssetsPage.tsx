import { useState, type FormEvent } from 'react';
import { acceptHostKey, createAsset, deleteAsset, deleteMethod, listAssets, updateAsset } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { byTestId, pageHeading, useDeferredFocus } from '../components/access/useDeferredFocus';
import { Dialog, DialogFormActions } from '../components/Dialog';
import { FormError, TextAreaField, TextField } from '../components/Field';
import type { FieldErrors } from '../components/formErrors';
import { AlertIcon, EquipmentIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ResourceStates, StatusAlert } from '../components/States';
import { TableHead } from '../components/TableHead';
import { credentialLabel, protocolLabel } from '../labels';
import { PROTOCOLS, type AccessMethod, type Asset, type AssetInput } from '../types';
import { useResource } from '../useResource';
import { MethodDialog } from './assets/MethodDialog';
import { methodName, orNull } from './assets/methods';
import { useFieldForm } from './assets/useFieldForm';
import './assets/assets.css';

const NAME_MAX = 128;
const HOST_MAX = 255;
const PLACE_MAX = 128;
const DESCRIPTION_MAX = 1024;
/** Host names, IPv4 and IPv6 addresses: no spaces, slashes or URL schemes. */
const HOST_PATTERN = /^[A-Za-z0-9._:%[\]-]+$/;

type DialogState =
  | { kind: 'asset-create' }
  | { kind: 'asset-edit'; asset: Asset }
  | { kind: 'asset-delete'; asset: Asset }
  | { kind: 'method-create'; asset: Asset }
  | { kind: 'method-edit'; asset: Asset; method: AccessMethod }
  | { kind: 'method-delete'; asset: Asset; method: AccessMethod }
  | { kind: 'hostkey'; asset: Asset; method: AccessMethod }
  | null;

function byName(a: Asset, b: Asset): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
}

function byProtocolAndPort(a: AccessMethod, b: AccessMethod): number {
  return PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) || a.port - b.port;
}

function hasPendingHostKey(method: AccessMethod): boolean {
  return method.protocol === 'SSH' && method.hostKey?.pendingFingerprint != null;
}

function matches(asset: Asset, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return [asset.name, asset.host, asset.site, asset.zone, asset.description].some(
    (value) => value != null && value.toLowerCase().includes(q),
  );
}

export function AssetsPage() {
  const { resource, reload, update } = useResource(listAssets);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [statusMessage, setStatusMessage] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const focusLater = useDeferredFocus();

  function announce(message: string) {
    setStatusMessage(message);
  }

  function replaceAsset(asset: Asset) {
    update((assets) => [...assets.filter((a) => a.id !== asset.id), asset]);
  }

  function replaceMethod(assetId: number, method: AccessMethod) {
    update((assets) =>
      assets.map((a) =>
        a.id === assetId ? { ...a, methods: [...a.methods.filter((m) => m.id !== method.id), method] } : a,
      ),
    );
  }

  const assets = resource.status === 'ready' ? [...resource.data].sort(byName) : [];
  const visible = assets.filter((asset) => matches(asset, filter.trim()));
  const pendingCount = assets.reduce((n, asset) => n + asset.methods.filter(hasPendingHostKey).length, 0);

  return (
    <>
      <PageHeader
        title="Assets"
        description="The equipment Airlock can reach, and the access methods (SSH, Telnet, VNC, RDP) that access groups grant."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'asset-create' })}
            data-testid="assets-new"
            disabled={resource.status !== 'ready'}
          >
            New asset
          </button>
        }
      />

      <StatusAlert message={statusMessage} testId="assets-status" />

      <ResourceStates
        resource={resource}
        count={assets.length}
        loadingLabel="Loading assets…"
        errorTitle="Assets could not be loaded."
        errorTestId="assets-error"
        onRetry={reload}
        empty={
          <EmptyState icon={<EquipmentIcon width={32} height={32} />} title="No equipment yet." testId="assets-empty">
            <p>
              Add an asset to register a PLC, HMI, engineering workstation or other equipment, then add the access
              methods used to reach it. Access groups then decide who may use them, and when.
            </p>
          </EmptyState>
        }
      >
        {() => (
          <>
            {pendingCount > 0 && (
              <div className="alert alert-warning" data-testid="assets-hostkey-summary">
                <strong>
                  {pendingCount === 1
                    ? '1 SSH access method reports a changed host key.'
                    : `${pendingCount} SSH access methods report a changed host key.`}
                </strong>{' '}
                Check with the people responsible for the equipment before accepting a new key.
              </div>
            )}
            <div className="toolbar">
              <div className="toolbar-search">
                <label htmlFor="assets-filter" className="visually-hidden">
                  Filter assets
                </label>
                <input
                  id="assets-filter"
                  type="search"
                  className="input"
                  placeholder="Filter by name, host, site or zone"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  data-testid="assets-filter"
                />
              </div>
              <p className="toolbar-count" aria-live="polite">
                {visible.length === assets.length
                  ? `${assets.length} ${assets.length === 1 ? 'asset' : 'assets'}`
                  : `${visible.length} of ${assets.length} assets`}
              </p>
            </div>
            {visible.length === 0 ? (
              <p className="card-note" data-testid="assets-no-match">
                No asset matches “{filter.trim()}”.
              </p>
            ) : (
              <ul className="asset-list" data-testid="assets-list">
                {visible.map((asset) => (
                  <AssetSection
                    key={asset.id}
                    asset={asset}
                    onEdit={() => setDialog({ kind: 'asset-edit', asset })}
                    onDelete={() => setDialog({ kind: 'asset-delete', asset })}
                    onAddMethod={() => setDialog({ kind: 'method-create', asset })}
                    onEditMethod={(method) => setDialog({ kind: 'method-edit', asset, method })}
                    onDeleteMethod={(method) => setDialog({ kind: 'method-delete', asset, method })}
                    onAcceptHostKey={(method) => setDialog({ kind: 'hostkey', asset, method })}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </ResourceStates>

      {(dialog?.kind === 'asset-create' || dialog?.kind === 'asset-edit') && (
        <AssetDialog
          asset={dialog.kind === 'asset-edit' ? dialog.asset : null}
          onClose={() => setDialog(null)}
          onSaved={(asset, created) => {
            replaceAsset(asset);
            setDialog(null);
            announce(
              created
                ? `Asset ${asset.name} added. Add an access method so access groups can grant it.`
                : `Asset ${asset.name} saved.`,
            );
          }}
        />
      )}
      {dialog?.kind === 'asset-delete' && (
        <ConfirmDialog
          title={`Delete ${dialog.asset.name}?`}
          testId="asset-delete-dialog"
          confirmTestId="asset-delete-confirm"
          confirmLabel="Delete asset"
          busyLabel="Deleting…"
          onClose={() => setDialog(null)}
          description={
            <p>
              {dialog.asset.methods.length === 0
                ? 'The asset is removed from Airlock.'
                : `Its ${dialog.asset.methods.length === 1 ? 'access method is' : `${dialog.asset.methods.length} access methods are`} removed too, and no access group can grant ${dialog.asset.methods.length === 1 ? 'it' : 'them'} any more.`}{' '}
              This cannot be undone.
            </p>
          }
          onConfirm={async () => {
            const { asset } = dialog;
            await deleteAsset(asset.id);
            update((list) => list.filter((a) => a.id !== asset.id));
            setDialog(null);
            announce(`Asset ${asset.name} deleted.`);
            focusLater(pageHeading);
          }}
        />
      )}
      {(dialog?.kind === 'method-create' || dialog?.kind === 'method-edit') && (
        <MethodDialog
          asset={dialog.asset}
          method={dialog.kind === 'method-edit' ? dialog.method : null}
          onClose={() => setDialog(null)}
          onSaved={(method, created) => {
            replaceMethod(dialog.asset.id, method);
            setDialog(null);
            announce(
              created
                ? `${methodName(method)} added to ${dialog.asset.name}.`
                : `${methodName(method)} of ${dialog.asset.name} saved.`,
            );
          }}
        />
      )}
      {dialog?.kind === 'method-delete' && (
        <ConfirmDialog
          title={`Delete ${methodName(dialog.method)}?`}
          testId="method-delete-dialog"
          confirmTestId="method-delete-confirm"
          confirmLabel="Delete access method"
          busyLabel="Deleting…"
          onClose={() => setDialog(null)}
          description={
            <p>
              {protocolLabel(dialog.method.protocol)} access to {dialog.asset.name} ({dialog.asset.host}:
              {dialog.method.port}) is removed from every access group, together with its stored credential. This
              cannot be undone.
            </p>
          }
          onConfirm={async () => {
            const { asset, method } = dialog;
            await deleteMethod(method.id);
            update((list) =>
              list.map((a) => (a.id === asset.id ? { ...a, methods: a.methods.filter((m) => m.id !== method.id) } : a)),
            );
            setDialog(null);
            announce(`${methodName(method)} removed from ${asset.name}.`);
            // The method's row is gone: continue from its asset.
            focusLater(byTestId(`method-add-${asset.name}`));
          }}
        />
      )}
      {dialog?.kind === 'hostkey' && (
        <HostKeyDialog
          asset={dialog.asset}
          method={dialog.method}
          onClose={() => setDialog(null)}
          onAccepted={(method) => {
            replaceMethod(dialog.asset.id, method);
            setDialog(null);
            announce(`The new SSH host key of ${dialog.asset.name} is accepted and pinned.`);
          }}
        />
      )}
    </>
  );
}

// --- One asset and its access methods --------------------------------------------------------------

interface AssetSectionProps {
  asset: Asset;
  onEdit(): void;
  onDelete(): void;
  onAddMethod(): void;
  onEditMethod(method: AccessMethod): void;
  onDeleteMethod(method: AccessMethod): void;
  onAcceptHostKey(method: AccessMethod): void;
}

function AssetSection({
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
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onAddMethod}
            aria-label={`Add access method to ${asset.name}`}
            data-testid={`method-add-${asset.name}`}
          >
            Add access method
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onEdit}
            aria-label={`Edit ${asset.name}`}
            data-testid={`asset-edit-${asset.name}`}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-ghost button-small button-ghost-danger"
            onClick={onDelete}
            aria-label={`Delete ${asset.name}`}
            data-testid={`asset-delete-${asset.name}`}
          >
            Delete
          </button>
        </div>
      </div>
      {methods.length === 0 ? (
        <p className="asset-no-methods" data-testid={`asset-no-methods-${asset.name}`}>
          No access methods yet. Add one (for example SSH on port 22) so access groups can grant this asset.
        </p>
      ) : (
        <table className="table table-nested table-methods" data-testid={`asset-methods-${asset.name}`}>
          <caption className="visually-hidden">Access methods of {asset.name}</caption>
          <TableHead columns={['Protocol', 'Port', 'Username', 'Credential', 'SSH host key']} />
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
          {method.protocol !== 'SSH' ? (
            <span className="muted">Not applicable</span>
          ) : pending ? (
            <span className="badge badge-warning" aria-describedby={warningId}>
              {fingerprint === null ? 'New host key to confirm' : 'Host key changed'}
            </span>
          ) : fingerprint !== null ? (
            <span className="fingerprint" title="Pinned SSH host key fingerprint">
              {fingerprint}
            </span>
          ) : (
            <span className="muted" title="The key the equipment presents is recorded when it is first reached.">
              Not pinned yet
            </span>
          )}
        </td>
        <td className="cell-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onEdit}
            aria-label={`Edit ${label}`}
            data-testid={`method-edit-${method.id}`}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-ghost button-small button-ghost-danger"
            onClick={onDelete}
            aria-label={`Delete ${label}`}
            data-testid={`method-delete-${method.id}`}
          >
            Delete
          </button>
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
                    ? `${asset.name} presented an SSH host key that nobody has confirmed yet.`
                    : `${asset.name} presented a different SSH host key than the one pinned.`}
                </p>
                <p>
                  A changed key can mean the equipment or its SSH server was replaced or reconfigured — or that
                  someone is intercepting the connection. Confirm with the people responsible for the equipment before
                  accepting.
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
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={onAcceptHostKey}
                aria-label={`Accept new host key of ${label}`}
                data-testid={`hostkey-accept-${method.id}`}
              >
                Accept new host key
              </button>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

// --- Host key ------------------------------------------------------------------------------------

function HostKeyDialog({
  asset,
  method,
  onClose,
  onAccepted,
}: {
  asset: Asset;
  method: AccessMethod;
  onClose(): void;
  onAccepted(method: AccessMethod): void;
}) {
  const pending = method.hostKey.pendingFingerprint ?? '';
  const pinned = method.hostKey.fingerprint;
  return (
    <ConfirmDialog
      title={`Accept the new host key of ${asset.name}?`}
      testId="hostkey-dialog"
      confirmTestId="hostkey-accept-confirm"
      confirmLabel="Accept new host key"
      busyLabel="Accepting…"
      size="wide"
      onClose={onClose}
      description={
        <p>
          The SSH host key proves that Airlock is talking to the real {asset.name} ({asset.host}:{method.port}). A
          different key is expected after the equipment or its SSH server was replaced, reset or re-keyed. Otherwise it
          can mean that someone is intercepting the connection to capture credentials and session traffic.
        </p>
      }
      onConfirm={async () => {
        onAccepted(await acceptHostKey(method.id, pending));
      }}
    >
      <dl className="fingerprint-pair fingerprint-pair-dialog">
        <div>
          <dt>Pinned until now</dt>
          <dd className="fingerprint">{pinned ?? <span className="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Presented by the equipment</dt>
          <dd className="fingerprint" data-testid="hostkey-dialog-pending">
            {pending}
          </dd>
        </div>
      </dl>
      <p className="alert alert-warning">
        Accept only if you have compared the presented fingerprint with the one shown on the equipment itself or given
        by the people responsible for it. Once accepted, sessions trust this key and the old one is rejected.
      </p>
    </ConfirmDialog>
  );
}

// --- Asset form ----------------------------------------------------------------------------------

type AssetField = 'name' | 'host' | 'site' | 'zone' | 'description';
type AssetErrors = FieldErrors<AssetField>;
const ASSET_FIELD_IDS: Record<AssetField, string> = {
  name: 'asset-name',
  host: 'asset-host',
  site: 'asset-site',
  zone: 'asset-zone',
  description: 'asset-description',
};
const ASSET_ORDER: AssetField[] = ['name', 'host', 'site', 'zone', 'description'];

function validateAsset(input: AssetInput): AssetErrors {
  const errors: AssetErrors = {};
  if (input.name === '') errors.name = 'Enter a name for the asset.';
  else if (input.name.length > NAME_MAX) errors.name = `Use at most ${NAME_MAX} characters.`;
  if (input.host === '') errors.host = 'Enter the host name or IP address Airlock connects to.';
  else if (input.host.length > HOST_MAX) errors.host = `Use at most ${HOST_MAX} characters.`;
  else if (!HOST_PATTERN.test(input.host)) {
    errors.host = 'Enter only a host name or IP address, without spaces, protocol or port.';
  }
  if ((input.site ?? '').length > PLACE_MAX) errors.site = `Use at most ${PLACE_MAX} characters.`;
  if ((input.zone ?? '').length > PLACE_MAX) errors.zone = `Use at most ${PLACE_MAX} characters.`;
  if ((input.description ?? '').length > DESCRIPTION_MAX) {
    errors.description = `Use at most ${DESCRIPTION_MAX} characters.`;
  }
  return errors;
}

function AssetDialog({
  asset,
  onClose,
  onSaved,
}: {
  asset: Asset | null;
  onClose(): void;
  onSaved(asset: Asset, created: boolean): void;
}) {
  const [name, setName] = useState(asset?.name ?? '');
  const [host, setHost] = useState(asset?.host ?? '');
  const [site, setSite] = useState(asset?.site ?? '');
  const [zone, setZone] = useState(asset?.zone ?? '');
  const [description, setDescription] = useState(asset?.description ?? '');
  const { errors, formError, submitting, submit } = useFieldForm(ASSET_ORDER, ASSET_FIELD_IDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: AssetInput = {
      name: name.trim(),
      host: host.trim(),
      site: orNull(site),
      zone: orNull(zone),
      description: orNull(description),
    };
    await submit(
      validateAsset(input),
      async () => {
        const saved = asset === null ? await createAsset(input) : await updateAsset(asset.id, input);
        onSaved(saved, asset === null);
      },
      (error, fields) => {
        if (error.status === 409 && fields.name === undefined) fields.name = error.message;
      },
    );
  }

  return (
    <Dialog
      title={asset === null ? 'New asset' : `Edit ${asset.name}`}
      onClose={onClose}
      busy={submitting}
      size="wide"
      testId="asset-dialog"
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
        <FormError message={formError} testId="asset-error" />
        <div className="form-grid form-grid-top">
          <TextField
            id={ASSET_FIELD_IDS.name}
            name="name"
            label="Name"
            value={name}
            onChange={setName}
            error={errors.name}
            hint="Unique; shown to users in Remote Sessions."
            autoComplete="off"
            maxLength={NAME_MAX}
            disabled={submitting}
            required
            data-autofocus
          />
          <TextField
            id={ASSET_FIELD_IDS.host}
            name="host"
            label="Host"
            value={host}
            onChange={setHost}
            error={errors.host}
            hint="Host name or IP address, as reached from the gateway."
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={HOST_MAX}
            disabled={submitting}
            required
          />
          <TextField
            id={ASSET_FIELD_IDS.site}
            name="site"
            label="Site (optional)"
            value={site}
            onChange={setSite}
            error={errors.site}
            hint="For example the plant or building."
            autoComplete="off"
            maxLength={PLACE_MAX}
            disabled={submitting}
          />
          <TextField
            id={ASSET_FIELD_IDS.zone}
            name="zone"
            label="Zone (optional)"
            value={zone}
            onChange={setZone}
            error={errors.zone}
            hint="For example the line, cell or network zone."
            autoComplete="off"
            maxLength={PLACE_MAX}
            disabled={submitting}
          />
        </div>
        <TextAreaField
          id={ASSET_FIELD_IDS.description}
          name="description"
          label="Description (optional)"
          value={description}
          onChange={setDescription}
          error={errors.description}
          hint="What the equipment is, so users pick the right one."
          rows={3}
          maxLength={DESCRIPTION_MAX}
          disabled={submitting}
        />
        <DialogFormActions
          onCancel={onClose}
          submitting={submitting}
          submitLabel={asset === null ? 'Add asset' : 'Save asset'}
          busyLabel="Saving…"
          submitTestId="asset-submit"
        />
      </form>
    </Dialog>
  );
}
