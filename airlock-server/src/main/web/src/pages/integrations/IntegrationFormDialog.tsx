import { FormDialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms/useSchemaForm';
import type { StorageIntegration } from '../../types';
import { useSaveIntegration } from './mutations';
import { PermissionsNote } from './permissions';
import { INTEGRATION_LIMITS, integrationSchema } from './schema';

const IDS = {
  name: 'integration-name',
  endpoint: 'integration-endpoint',
  region: 'integration-region',
  bucket: 'integration-bucket',
  prefix: 'integration-prefix',
  accessKeyId: 'integration-access-key-id',
  secretAccessKey: 'integration-secret',
  pathStyle: 'integration-path-style',
};

interface Props {
  /** The integration to edit; absent for a new one. */
  integration?: StorageIntegration;
  onClose(): void;
  onSaved(integration: StorageIntegration): void;
}

/** Create or edit an S3 integration. The secret is write-only: it is never shown, and left empty it is kept. */
export function IntegrationFormDialog({ integration, onClose, onSaved }: Props) {
  const editing = integration !== undefined;
  const { lockedField, checkbox, formError, submitting, onSubmit } = useSchemaForm(
    integrationSchema(editing),
    {
      name: integration?.name ?? '',
      endpoint: integration?.endpoint ?? '',
      region: integration?.region ?? 'us-east-1',
      bucket: integration?.bucket ?? '',
      prefix: integration?.prefix ?? 'airlock/',
      accessKeyId: integration?.accessKeyId ?? '',
      secretAccessKey: '',
      pathStyle: integration?.pathStyle ?? false,
    },
    IDS,
  );
  const save = useSaveIntegration();
  const submit = onSubmit(async (input) => onSaved(await save.mutateAsync({ id: integration?.id ?? null, input })));

  return (
    <FormDialog
      title={editing ? `Edit ${integration.name}` : 'New S3 integration'}
      onClose={onClose}
      size="wide"
      form={{ submit, submitting, formError }}
      submitLabel={editing ? 'Save changes' : 'Create integration'}
      busyLabel="Saving…"
      testIdPrefix="integration-form"
      description={
        <>
          <p>Recordings are written under the key prefix; the access key needs these permissions on it.</p>
          <PermissionsNote />
        </>
      }
    >
      <TextField
        {...lockedField('name')}
        label="Name"
        maxLength={INTEGRATION_LIMITS.nameMax}
        autoComplete="off"
        required
        data-autofocus
      />
      <TextField
        {...lockedField('endpoint')}
        label="Endpoint"
        hint="Leave empty for Amazon S3; otherwise the address of the S3-compatible store, such as https://minio.plant.example:9000."
        autoComplete="off"
        spellCheck={false}
      />
      <div className="form-grid">
        <TextField
          {...lockedField('region')}
          label="Region"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          {...lockedField('bucket')}
          label="Bucket"
          autoComplete="off"
          spellCheck={false}
          maxLength={INTEGRATION_LIMITS.bucketMax}
          required
        />
      </div>
      <TextField
        {...lockedField('prefix')}
        label="Key prefix"
        hint="Every object Airlock writes starts with it. Empty means airlock/."
        autoComplete="off"
        spellCheck={false}
      />
      <div className="form-grid">
        <TextField
          {...lockedField('accessKeyId')}
          label="Access key id"
          hint="Of a key used only by Airlock."
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          {...lockedField('secretAccessKey')}
          label="Secret access key"
          type="password"
          hint={
            editing && integration.credentialStored
              ? 'Stored encrypted and never shown. Leave empty to keep it.'
              : 'Stored encrypted and never shown again.'
          }
          autoComplete="new-password"
          spellCheck={false}
          required={!editing}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          {...checkbox('pathStyle')}
          disabled={submitting}
          data-testid="integration-path-style"
        />
        Path-style requests (endpoint/bucket/key), needed by most S3-compatible stores
      </label>
    </FormDialog>
  );
}
