import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useChange } from '../../api/queries';
import { useCurrentUser } from '../../auth';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { ResourceStates } from '../../components/States';
import { ResourceTable } from '../../components/TableHead';
import { RowButton } from '../../components/ListPage';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { formatDateTime } from '../../labels';
import {
  createToken,
  newTokenSchema,
  revokeToken,
  TOKEN_LIMITS,
  tokenKeys,
  tokenQueries,
  type ApiToken,
  type CreatedToken,
  type NewTokenValues,
} from './tokens';

const EMPTY: NewTokenValues = { name: '', days: '90' };
const IDS = { name: 'token-name', days: 'token-days' } as const;

/** Account → API tokens: personal tokens for scripts and SIEM export, with the signed-in user's own role. */
export function ApiTokensPage() {
  const user = useCurrentUser();
  const tokens = useQuery(tokenQueries.mine);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const create = useChange((v: { name: string; days: number }) => createToken(v.name, v.days), {
    invalidates: [tokenKeys.mine],
  });
  const revoke = useChange(revokeToken, { invalidates: [tokenKeys.mine] });
  const { form, lockedField, formError, submitting, onSubmit } = useSchemaForm(newTokenSchema, EMPTY, IDS);
  const submit = onSubmit(async (values) => {
    setCreated(await create.mutateAsync(values));
    form.reset(EMPTY);
  });

  return (
    <>
      <PageHeader
        title="API tokens"
        description={`Tokens let scripts call the Airlock API as ${user.username}, with your role. Send one as "Authorization: Bearer <token>".`}
      />
      {created !== null && <NewTokenNotice created={created} onDone={() => setCreated(null)} />}
      <section className="panel panel-narrow" aria-labelledby="token-create-heading">
        <h2 id="token-create-heading" className="section-title">
          Create a token
        </h2>
        <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-busy={submitting}>
          <FormError message={formError} testId="token-create-error" />
          <TextField
            label="Name"
            {...lockedField('name')}
            maxLength={TOKEN_LIMITS.nameMax}
            hint="What the token is for, e.g. SIEM export."
          />
          <TextField
            label="Expires after (days)"
            {...lockedField('days')}
            inputMode="numeric"
            hint={`1 to ${TOKEN_LIMITS.daysMax} days.`}
          />
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={submitting}
              data-testid="token-create-submit"
            >
              {submitting ? 'Creating…' : 'Create token'}
            </button>
          </div>
        </form>
      </section>
      <section className="history-section" aria-labelledby="token-list-heading">
        <h2 id="token-list-heading" className="section-title">
          Your tokens
        </h2>
        <ResourceStates
          query={tokens}
          count={tokens.data?.length ?? 0}
          loadingLabel="Loading your tokens…"
          errorTitle="Your tokens could not be loaded."
          errorTestId="tokens-error"
          empty={
            <p className="empty-inline" data-testid="tokens-empty">
              You have no API tokens.
            </p>
          }
        >
          {() => <TokenTable tokens={tokens.data ?? []} onRevoke={setRevoking} />}
        </ResourceStates>
      </section>
      {revoking !== null && (
        <ConfirmDialog
          title={`Revoke the token "${revoking.name}"?`}
          description="Scripts that use it are refused from now on. This cannot be undone."
          confirmLabel="Revoke token"
          busyLabel="Revoking…"
          testId="token-revoke-dialog"
          confirmTestId="token-revoke-confirm"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revoke.mutateAsync(revoking.id);
            setRevoking(null);
          }}
        />
      )}
    </>
  );
}

function NewTokenNotice({ created, onDone }: { created: CreatedToken; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert alert-success token-once" role="status" data-testid="token-created">
      <p>
        <strong>Copy the token "{created.view.name}" now.</strong> It is shown only this once; Airlock keeps only a hash
        of it.
      </p>
      <p className="token-value">
        <code className="mono" data-testid="token-value">
          {created.token}
        </code>
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => void navigator.clipboard.writeText(created.token).then(() => setCopied(true))}
          data-testid="token-copy"
        >
          {copied ? 'Copied' : 'Copy token'}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke(token: ApiToken): void }) {
  const now = Date.now();
  return (
    <ResourceTable
      testId="tokens-table"
      caption="Your API tokens"
      columns={['Name', 'Token', 'Created', 'Expires', 'Last used', 'Status']}
    >
      {tokens.map((token) => {
        const expired = Date.parse(token.expiresAt) <= now;
        return (
          <tr key={token.id} data-testid={`token-row-${token.id}`}>
            <th scope="row">{token.name}</th>
            <td className="mono">{token.hint}</td>
            <td className="cell-date">{formatDateTime(token.createdAt)}</td>
            <td className="cell-date">{formatDateTime(token.expiresAt)}</td>
            <td className="cell-date">
              {token.lastUsedAt === null ? <span className="muted">Never</span> : formatDateTime(token.lastUsedAt)}
            </td>
            <td>
              {token.revoked ? (
                <span className="badge badge-neutral">Revoked</span>
              ) : expired ? (
                <span className="badge badge-warning">Expired</span>
              ) : (
                <span className="badge badge-success">Active</span>
              )}
            </td>
            <td className="cell-actions">
              {!token.revoked && (
                <RowButton
                  tone="danger"
                  onClick={() => onRevoke(token)}
                  label={`Revoke the token ${token.name}`}
                  testId={`token-revoke-${token.id}`}
                >
                  Revoke
                </RowButton>
              )}
            </td>
          </tr>
        );
      })}
    </ResourceTable>
  );
}
