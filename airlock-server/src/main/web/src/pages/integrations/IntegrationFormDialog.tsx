import { useState, type FormEvent } from 'react';
import { ApiError, createIntegration, errorMessage, updateIntegration } from '../../api';
import { Dialog, DialogFormActions } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { firstErrorId, serverFieldErrors, type FieldErrors } from '../../components/formErrors';
import type { IntegrationInput, StorageIntegration } from '../../types';
import { PermissionsNote } from './permissions';

type FieldName = Exclude<keyof IntegrationInput, 'pathStyle'>;
type Errors = FieldErrors<FieldName>;

const FIELD_IDS: Record<FieldName, string> = {
  name: 'integration-name',
  endpoint: 'integration-endpoint',
  region: 'integration-region',
  bucket: 'integration-bucket',
  prefix: 'integration-prefix',
  accessKeyId: 'integration-access-key-id',
  secretAccessKey: 'integration-secret',
};
const ORDER: FieldName[] = ['name', 'endpoint', 'region', 'bucket', 'prefix', 'accessKeyId', 'secretAccessKey'];
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function focusFirst(errors: Errors) {
  const id = firstErrorId(errors, ORDER, FIELD_IDS);
  if (id !== null) document.getElementById(id)?.focus();
}

function validate(input: IntegrationInput, editing: boolean): Errors {
  const errors: Errors = {};
  if (input.name.trim() === '') errors.name = 'Enter a name.';
  const endpoint = input.endpoint.trim();
  if (endpoint !== '' && !/^https?:\/\/[^\s/]+/i.test(endpoint)) {
    errors.endpoint = 'Enter an http:// or https:// address, or leave it empty for AWS.';
  }
  if (input.region.trim() === '') errors.region = 'Enter the bucket’s region, such as eu-central-1.';
  if (!BUCKET_PATTERN.test(input.bucket.trim())) {
    errors.bucket = 'A bucket name has 3 to 63 lower-case letters, digits, dots and hyphens.';
  }
  if (input.accessKeyId.trim() === '') errors.accessKeyId = 'Enter the access key id.';
  if (!editing && input.secretAccessKey.trim() === '') errors.secretAccessKey = 'Enter the secret access key.';
  return errors;
}

interface Props {
  /** The integration to edit; absent for a new one. */
  integration?: StorageIntegration;
  onClose(): void;
  onSaved(integration: StorageIntegration): void;
}

/** Create or edit an S3 integration. The secret is write-only: it is never shown, and left empty it is kept. */
export function IntegrationFormDialog({ integration, onClose, onSaved }: Props) {
  const editing = integration !== undefined;
  const [input, setInput] = useState<IntegrationInput>({
    name: integration?.name ?? '',
    endpoint: integration?.endpoint ?? '',
    region: integration?.region ?? 'us-east-1',
    bucket: integration?.bucket ?? '',
    prefix: integration?.prefix ?? 'airlock/',
    accessKeyId: integration?.accessKeyId ?? '',
    secretAccessKey: '',
    pathStyle: integration?.pathStyle ?? false,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function set<K extends keyof IntegrationInput>(name: K, value: IntegrationInput[K]) {
    setInput((current) => ({ ...current, [name]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const clientErrors = validate(input, editing);
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      focusFirst(clientErrors);
      return;
    }
    setSubmitting(true);
    try {
      const saved = editing ? await updateIntegration(integration.id, input) : await createIntegration(input);
      onSaved(saved);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const serverErrors = serverFieldErrors(error, ORDER);
        setErrors(serverErrors);
        setFormError(error.message);
        focusFirst(serverErrors);
      } else {
        setFormError(errorMessage(error));
      }
    }
  }

  return (
    <Dialog
      title={editing ? `Edit ${integration.name}` : 'New S3 integration'}
      onClose={onClose}
      busy={submitting}
      size="wide"
      testId="integration-form-dialog"
      description={
        <>
          <p>Recordings are written under the key prefix; the access key needs these permissions on it.</p>
          <PermissionsNote />
        </>
      }
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
        <FormError message={formError} testId="integration-form-error" />
        <TextField
          id={FIELD_IDS.name}
          label="Name"
          value={input.name}
          onChange={(v) => set('name', v)}
          error={errors.name}
          maxLength={128}
          autoComplete="off"
          disabled={submitting}
          required
          data-autofocus
        />
        <TextField
          id={FIELD_IDS.endpoint}
          label="Endpoint"
          value={input.endpoint}
          onChange={(v) => set('endpoint', v)}
          error={errors.endpoint}
          hint="Leave empty for Amazon S3; otherwise the address of the S3-compatible store, such as https://minio.plant.example:9000."
          autoComplete="off"
          spellCheck={false}
          disabled={submitting}
        />
        <div className="form-grid">
          <TextField
            id={FIELD_IDS.region}
            label="Region"
            value={input.region}
            onChange={(v) => set('region', v)}
            error={errors.region}
            autoComplete="off"
            spellCheck={false}
            disabled={submitting}
            required
          />
          <TextField
            id={FIELD_IDS.bucket}
            label="Bucket"
            value={input.bucket}
            onChange={(v) => set('bucket', v)}
            error={errors.bucket}
            autoComplete="off"
            spellCheck={false}
            maxLength={63}
            disabled={submitting}
            required
          />
        </div>
        <TextField
          id={FIELD_IDS.prefix}
          label="Key prefix"
          value={input.prefix}
          onChange={(v) => set('prefix', v)}
          error={errors.prefix}
          hint="Every object Airlock writes starts with it. Empty means airlock/."
          autoComplete="off"
          spellCheck={false}
          disabled={submitting}
        />
        <div className="form-grid">
          <TextField
            id={FIELD_IDS.accessKeyId}
            label="Access key id"
            value={input.accessKeyId}
            onChange={(v) => set('accessKeyId', v)}
            error={errors.accessKeyId}
            hint="Of a key used only by Airlock."
            autoComplete="off"
            spellCheck={false}
            disabled={submitting}
            required
          />
          <TextField
            id={FIELD_IDS.secretAccessKey}
            label="Secret access key"
            type="password"
            value={input.secretAccessKey}
            onChange={(v) => set('secretAccessKey', v)}
            error={errors.secretAccessKey}
            hint={
              editing && integration.credentialStored
                ? 'Stored encrypted and never shown. Leave empty to keep it.'
                : 'Stored encrypted and never shown again.'
            }
            autoComplete="new-password"
            spellCheck={false}
            disabled={submitting}
            required={!editing}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={input.pathStyle}
            onChange={(e) => set('pathStyle', e.target.checked)}
            disabled={submitting}
            data-testid="integration-path-style"
          />
          Path-style requests (endpoint/bucket/key), needed by most S3-compatible stores
        </label>
        <DialogFormActions
          onCancel={onClose}
          submitting={submitting}
          submitLabel={editing ? 'Save changes' : 'Create integration'}
          busyLabel="Saving…"
          submitTestId="integration-form-submit"
        />
      </form>
    </Dialog>
  );
}
