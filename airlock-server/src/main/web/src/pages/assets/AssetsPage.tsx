import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../../api/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { byTestId, pageHeading, useDeferredFocus } from '../../components/access/useDeferredFocus';
import { EquipmentIcon } from '../../components/Icons';
import { ListPage } from '../../components/ListPage';
import { EmptyState } from '../../components/States';
import { protocolLabel } from '../../labels';
import type { AccessMethod, Asset } from '../../types';
import { MethodDialog } from './MethodDialog';
import { useDeleteAsset, useDeleteMethod } from './mutations';
import { methodName } from './methods';
import './assets.css';
import { AssetDialog } from './AssetDialog';
import { AssetSection, hasPendingHostKey, serverIdentityLabel } from './AssetSection';
import { HostKeyDialog } from './HostKeyDialog';

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

function matches(asset: Asset, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return [asset.name, asset.host, asset.site, asset.zone, asset.description].some(
    (value) => value != null && value.toLowerCase().includes(q),
  );
}

export function AssetsPage() {
  const query = useQuery(queries.assets);
  const removeAsset = useDeleteAsset();
  const removeMethod = useDeleteMethod();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [status, announce] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const focusLater = useDeferredFocus();

  const assets = query.data === undefined ? [] : [...query.data].sort(byName);
  const visible = assets.filter((asset) => matches(asset, filter.trim()));
  const pendingCount = assets.reduce((n, asset) => n + asset.methods.filter(hasPendingHostKey).length, 0);

  return (
    <>
      <ListPage
        title="Assets"
        description="The equipment Airlock can reach, and the access methods (SSH, Telnet, VNC, RDP) that access groups grant."
        newLabel="New asset"
        canCreate={query.data !== undefined}
        onNew={() => setDialog({ kind: 'asset-create' })}
        testIdPrefix="assets"
        status={status}
        query={query}
        count={assets.length}
        loadingLabel="Loading assets…"
        errorTitle="Assets could not be loaded."
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
                    ? '1 access method reports a changed SSH host key or RDP server certificate.'
                    : `${pendingCount} access methods report a changed SSH host key or RDP server certificate.`}
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
      </ListPage>

      {(dialog?.kind === 'asset-create' || dialog?.kind === 'asset-edit') && (
        <AssetDialog
          asset={dialog.kind === 'asset-edit' ? dialog.asset : null}
          onClose={() => setDialog(null)}
          onSaved={(asset, created) => {
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
            await removeAsset.mutateAsync(asset);
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
            await removeMethod.mutateAsync({ assetId: asset.id, method });
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
          onAccepted={() => {
            setDialog(null);
            announce(`The new ${serverIdentityLabel(dialog.method)} of ${dialog.asset.name} is accepted and pinned.`);
          }}
        />
      )}
    </>
  );
}
