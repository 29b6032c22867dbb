import { useQuery } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { queries } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StorageIcon } from '../components/Icons';
import { ListPage, RowButton, useRowActions } from '../components/ListPage';
import { EmptyState } from '../components/States';
import { integrationKindLabel } from '../labels';
import type { StorageIntegration } from '../types';
import { CheckResult } from './integrations/CheckResult';
import { IntegrationFormDialog } from './integrations/IntegrationFormDialog';
import { useActivation, useCheckIntegration } from './integrations/mutations';
import './integrations/integrations.css';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; integration: StorageIntegration }
  | { kind: 'deactivate'; integration: StorageIntegration }
  | null;

type Busy = { id: number; action: 'check' | 'activate' } | null;

function Detail({ label, value, children }: { label: string; value: string | null; children?: ReactNode }) {
  const present = value !== null && value.trim() !== '';
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className={present ? 'mono' : 'muted'}>{present ? (children ?? value) : 'Not set'}</dd>
    </div>
  );
}

/**
 * An endpoint URL that may wrap only after its scheme and before a path, never inside a host name, an
 * address or a port.
 */
function EndpointText({ url }: { url: string }) {
  const pieces = url.split(/(?<=:\/\/)|(?<![:/])(?=\/)/);
  return (
    <span className="endpoint" data-testid="integration-endpoint">
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          <span className="endpoint-piece">{piece}</span>
        </Fragment>
      ))}
    </span>
  );
}

interface CardProps {
  integration: StorageIntegration;
  busy: Busy;
  onEdit(): void;
  onCheck(): void;
  onActivate(): void;
  onDeactivate(): void;
}

function IntegrationCard({ integration, busy, onEdit, onCheck, onActivate, onDeactivate }: CardProps) {
  const headingId = `integration-${integration.id}-name`;
  const external = integration.kind === 'S3';
  const mine = busy !== null && busy.id === integration.id;
  const anyBusy = busy !== null;
  return (
    <li
      className="card"
      data-testid={`integration-${integration.id}`}
      data-integration-name={integration.name}
      aria-labelledby={headingId}
      aria-busy={mine || undefined}
    >
      <div className="card-header">
        <div>
          <h2 className="card-title" id={headingId}>
            {integration.name}
          </h2>
          <p className="card-subtitle">{integrationKindLabel(integration.kind)}</p>
        </div>
        {integration.active ? (
          <span className="badge badge-success" data-testid="integration-active">
            Active
          </span>
        ) : (
          <span className="badge badge-neutral" data-testid="integration-inactive">
            Inactive
          </span>
        )}
      </div>
      <dl className="details">
        <Detail label="Endpoint" value={integration.endpoint ?? (external ? 'Amazon S3' : null)}>
          {integration.endpoint !== null && <EndpointText url={integration.endpoint} />}
        </Detail>
        <Detail label="Region" value={integration.region} />
        <Detail label="Bucket" value={integration.bucket} />
        <Detail label="Key prefix" value={integration.prefix} />
        {external && <Detail label="Access key id" value={integration.accessKeyId} />}
        {external && <Detail label="Addressing" value={integration.pathStyle ? 'Path-style' : 'Virtual-hosted'} />}
      </dl>
      {integration.note !== null && integration.note.trim() !== '' && <p className="card-note">{integration.note}</p>}
      {integration.lastCheck !== null ? (
        <CheckResult check={integration.lastCheck} />
      ) : (
        <p className="muted" data-testid="integration-never-checked">
          {integration.active
            ? 'Not checked yet. A check proves each permission the gateway uses.'
            : 'Not checked since it was last saved. Check it before activating.'}
        </p>
      )}
      <div className="card-actions">
        <RowButton busy={anyBusy} onClick={onCheck} testId="integration-check">
          {mine && busy.action === 'check' ? 'Checking…' : 'Check'}
        </RowButton>
        {external && (
          <RowButton
            busy={anyBusy || integration.active}
            onClick={onEdit}
            title={integration.active ? 'Deactivate the integration before editing it.' : undefined}
            testId="integration-edit"
          >
            Edit
          </RowButton>
        )}
        {integration.active ? (
          <RowButton busy={anyBusy} onClick={onDeactivate} testId="integration-deactivate">
            Deactivate
          </RowButton>
        ) : (
          <RowButton
            tone="primary"
            busy={anyBusy || !integration.activatable}
            onClick={onActivate}
            title={integration.activatable ? undefined : 'Activation needs a check whose required permissions all passed.'}
            testId="integration-activate"
          >
            {mine && busy.action === 'activate' ? 'Activating…' : 'Activate'}
          </RowButton>
        )}
      </div>
    </li>
  );
}

export function IntegrationsPage() {
  const query = useQuery(queries.integrations);
  const check = useCheckIntegration();
  const activation = useActivation();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const { status, actionError, announce, fail, clear } = useRowActions();

  async function run(integration: StorageIntegration, action: 'check' | 'activate') {
    if (busy !== null) return;
    setBusy({ id: integration.id, action });
    clear();
    try {
      if (action === 'check') {
        const checked = await check.mutateAsync(integration);
        if (checked.lastCheck?.passed) announce(`${checked.name}: every required permission works.`);
        else fail(`${checked.name}: some required permissions failed; see the check lines.`);
      } else {
        const activated = await activation.mutateAsync({ integration, active: true });
        announce(`${activated.name} is now the active integration. New recordings are stored there.`);
      }
    } catch (error) {
      fail(`${integration.name}: ${errorMessage(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const integrations = query.data ?? [];
  const noneActive = query.data !== undefined && !integrations.some((i) => i.active);

  return (
    <>
      <ListPage
        title="External Integrations"
        description="Storage for session recordings. Finished recordings are uploaded as MP4 to the active integration."
        newLabel="New integration"
        canCreate={query.data !== undefined}
        onNew={() => setDialog({ kind: 'create' })}
        testIdPrefix="integrations"
        status={status}
        actionError={actionError}
        notice={
          noneActive &&
          integrations.length > 0 && (
            <div className="alert integration-warning" data-testid="integrations-none-active">
              No integration is active: sessions in access groups that enforce recording are refused until one is
              activated.
            </div>
          )
        }
        query={query}
        count={integrations.length}
        loadingLabel="Loading integrations…"
        errorTitle="Integrations could not be loaded."
        empty={
          <EmptyState
            icon={<StorageIcon width={32} height={32} />}
            title="No storage integration is configured."
            testId="integrations-empty"
          >
            <p>
              Recordings need an S3-compatible storage integration. Until one is active, sessions in access groups that
              enforce recording cannot start.
            </p>
          </EmptyState>
        }
      >
        {() => (
          <ul className="card-grid" aria-label="Storage integrations" data-testid="integrations-list">
            {integrations.map((integration) => (
              <IntegrationCard
                key={integration.id}
                integration={integration}
                busy={busy}
                onCheck={() => void run(integration, 'check')}
                onActivate={() => {
                  if (integration.activatable) void run(integration, 'activate');
                }}
                onDeactivate={() => {
                  if (busy === null) setDialog({ kind: 'deactivate', integration });
                }}
                onEdit={() => {
                  if (busy === null && !integration.active) setDialog({ kind: 'edit', integration });
                }}
              />
            ))}
          </ul>
        )}
      </ListPage>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <IntegrationFormDialog
          integration={dialog.kind === 'edit' ? dialog.integration : undefined}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            announce(`${saved.name} saved. Check it to see whether every permission works.`);
          }}
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <ConfirmDialog
          title={`Deactivate ${dialog.integration.name}?`}
          testId="integration-deactivate-dialog"
          confirmTestId="integration-deactivate-confirm"
          confirmLabel="Deactivate"
          busyLabel="Deactivating…"
          onClose={() => setDialog(null)}
          description={
            <div className="alert integration-warning" data-testid="integration-deactivate-warning">
              While no integration is active, sessions in access groups that enforce recording are refused. They start
              again once an integration is activated.
            </div>
          }
          onConfirm={async () => {
            const deactivated = await activation.mutateAsync({ integration: dialog.integration, active: false });
            setDialog(null);
            announce(`${deactivated.name} is deactivated.`);
          }}
        >
          <p>New recordings will not be written to {dialog.integration.bucket}. Recordings already stored there stay.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
