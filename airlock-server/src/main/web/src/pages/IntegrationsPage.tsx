import { listIntegrations } from '../api';
import { StorageIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { integrationKindLabel } from '../labels';
import type { StorageIntegration } from '../types';
import { useResource } from '../useResource';

function Detail({ label, value }: { label: string; value: string | null }) {
  const present = value !== null && value.trim() !== '';
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className={present ? 'mono' : 'muted'}>{present ? value : 'Not set'}</dd>
    </div>
  );
}

function IntegrationCard({ integration }: { integration: StorageIntegration }) {
  const headingId = `integration-${integration.id}-name`;
  return (
    <li className="card" data-testid={`integration-${integration.id}`}>
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
          <span className="badge badge-neutral">Inactive</span>
        )}
      </div>
      <dl className="details">
        <Detail label="Endpoint" value={integration.endpoint} />
        <Detail label="Region" value={integration.region} />
        <Detail label="Bucket" value={integration.bucket} />
        <Detail label="Key prefix" value={integration.prefix} />
      </dl>
      {integration.note !== null && integration.note.trim() !== '' && <p className="card-note">{integration.note}</p>}
    </li>
  );
}

export function IntegrationsPage() {
  const { resource, reload } = useResource(listIntegrations);
  return (
    <>
      <PageHeader
        title="External Integrations"
        description="Storage for session recordings. Finished recordings are uploaded as MP4 to the active integration."
      />
      {resource.status === 'loading' && <LoadingState label="Loading integrations…" />}
      {resource.status === 'error' && (
        <ErrorState
          title="Integrations could not be loaded."
          message={resource.message}
          onRetry={reload}
          testId="integrations-error"
        />
      )}
      {resource.status === 'ready' &&
        (resource.data.length === 0 ? (
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
        ) : (
          <ul className="card-grid" aria-label="Storage integrations" data-testid="integrations-list">
            {resource.data.map((integration) => (
              <IntegrationCard key={integration.id} integration={integration} />
            ))}
          </ul>
        ))}
    </>
  );
}
