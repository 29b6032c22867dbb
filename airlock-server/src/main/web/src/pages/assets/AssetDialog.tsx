import { FormDialog } from '../../components/Dialog';
import { TextAreaField, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms/useSchemaForm';
import type { Asset } from '../../types';
import { useSaveAsset } from './mutations';
import { ASSET_LIMITS, assetSchema, type AssetValues } from './schema';

const IDS = {
  name: 'asset-name',
  host: 'asset-host',
  site: 'asset-site',
  zone: 'asset-zone',
  description: 'asset-description',
};

function valuesOf(asset: Asset | null): AssetValues {
  return {
    name: asset?.name ?? '',
    host: asset?.host ?? '',
    site: asset?.site ?? '',
    zone: asset?.zone ?? '',
    description: asset?.description ?? '',
  };
}

export function AssetDialog({
  asset,
  onClose,
  onSaved,
}: {
  asset: Asset | null;
  onClose(): void;
  onSaved(asset: Asset, created: boolean): void;
}) {
  const { lockedField, formError, submitting, onSubmit } = useSchemaForm(assetSchema, valuesOf(asset), IDS);
  const save = useSaveAsset();
  const submit = onSubmit(
    async (input) => {
      onSaved(await save.mutateAsync({ id: asset?.id ?? null, input }), asset === null);
    },
    (error, fields) => {
      if (error.status === 409 && fields.name === undefined) fields.name = error.message;
    },
  );

  return (
    <FormDialog
      title={asset === null ? 'New asset' : `Edit ${asset.name}`}
      onClose={onClose}
      size="wide"
      form={{ submit, submitting, formError }}
      submitLabel={asset === null ? 'Add asset' : 'Save asset'}
      busyLabel="Saving…"
      testIdPrefix="asset"
    >
      <div className="form-grid form-grid-top">
        <TextField
          {...lockedField('name')}
          name="name"
          label="Name"
          hint="Unique; shown to users in Remote Sessions."
          autoComplete="off"
          maxLength={ASSET_LIMITS.nameMax}
          required
          data-autofocus
        />
        <TextField
          {...lockedField('host')}
          name="host"
          label="Host"
          hint="Host name or IP address, as reached from the gateway."
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={ASSET_LIMITS.hostMax}
          required
        />
        <TextField
          {...lockedField('site')}
          name="site"
          label="Site (optional)"
          hint="For example the plant or building."
          autoComplete="off"
          maxLength={ASSET_LIMITS.placeMax}
        />
        <TextField
          {...lockedField('zone')}
          name="zone"
          label="Zone (optional)"
          hint="For example the line, cell or network zone."
          autoComplete="off"
          maxLength={ASSET_LIMITS.placeMax}
        />
      </div>
      <TextAreaField
        {...lockedField('description')}
        name="description"
        label="Description (optional)"
        hint="What the equipment is, so users pick the right one."
        rows={3}
        maxLength={ASSET_LIMITS.descriptionMax}
      />
    </FormDialog>
  );
}
