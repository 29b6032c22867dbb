import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { AccessMethod, Asset } from '../../types';
import { acceptLabel, serverIdentityLabel } from './AssetSection';
import { useAcceptHostKey } from './mutations';

export function HostKeyDialog({
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
  const accept = useAcceptHostKey();
  const pending = method.hostKey.pendingFingerprint ?? '';
  const pinned = method.hostKey.fingerprint;
  const what = serverIdentityLabel(method);
  const rdp = method.protocol === 'RDP';
  return (
    <ConfirmDialog
      title={rdp ? `Accept the new server certificate of ${asset.name}?` : `Accept the new host key of ${asset.name}?`}
      testId="hostkey-dialog"
      confirmTestId="hostkey-accept-confirm"
      confirmLabel={acceptLabel(method)}
      busyLabel="Accepting…"
      size="wide"
      onClose={onClose}
      description={
        <p>
          The {what} proves that Airlock is talking to the real {asset.name} ({asset.host}:{method.port}). A
          different one is expected after the equipment or its {rdp ? 'RDP' : 'SSH'} server was replaced, reset or
          re-keyed. Otherwise it can mean that someone is intercepting the connection to capture credentials and
          session traffic.
        </p>
      }
      onConfirm={async () => {
        onAccepted(await accept.mutateAsync({ assetId: asset.id, method }));
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
        by the people responsible for it. Once accepted, sessions trust this {rdp ? 'certificate' : 'key'} and the old one
        is rejected.
      </p>
    </ConfirmDialog>
  );
}
