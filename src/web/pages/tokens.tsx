import { useState } from 'react';
import {
  createToken,
  listTokens,
  revokeToken,
  type CreatedApiToken,
} from '../../contracts/tokens.contract.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CopyField } from '../components/copy-field.js';
import { FormAlert, LoadError, Loading, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { humanMessage } from '../lib/api-errors.js';
import { formatInstant } from '../lib/format.js';
import { useApi, useUser } from '../lib/session.js';
import { text, useFormSubmit } from '../lib/use-form-submit.js';
import { useQuery } from '../lib/use-query.js';

const EXPIRY_CHOICES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never' },
];

function NewSecret({ created, onDone }: { created: CreatedApiToken; onDone(): void }) {
  return (
    <div className="card card-highlight stack-small" role="status">
      <h2>Token “{created.token.name}” created</h2>
      <CopyField label="Token secret" value={created.secret} />
      <p className="warning">
        Copy it now. You will not see this secret again: Recital keeps only a hash of it.
      </p>
      <div>
        <button type="button" className="button button-secondary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated(created: CreatedApiToken): void }) {
  const api = useApi();
  const form = useFormSubmit(['name', 'expiresInDays'], async (data) => {
    const days = text(data, 'expiresInDays');
    const created = await api.call(createToken, {
      body: { name: text(data, 'name'), expiresInDays: days ? Number(days) : undefined },
    });
    onCreated(created);
  });

  return (
    <form className="card form" onSubmit={form.onSubmit} aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">Create a token</h2>
      <FormAlert error={form.error} />
      <div className="form-row">
        <TextField
          label="Token name"
          name="name"
          maxLength={80}
          placeholder="laptop CLI"
          hint="Where it will be used, so you can recognise it later."
          error={form.error?.fields.name}
        />
        <SelectField
          label="Expires after"
          name="expiresInDays"
          defaultValue="90"
          error={form.error?.fields.expiresInDays}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton pending={form.pending}>{form.pending ? 'Creating…' : 'Create token'}</SubmitButton>
    </form>
  );
}

export function TokensPage() {
  const api = useApi();
  const user = useUser();
  const tokens = useQuery('tokens', () => api.call(listTokens, {}));
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const when = (iso: string | null, none: string) => (iso ? formatInstant(iso, user.timeZone) : none);

  const revoke = async (tokenId: string) => {
    setRevokeError(null);
    try {
      await api.call(revokeToken, { params: { tokenId } });
      tokens.reload();
    } catch (error) {
      setRevokeError(humanMessage(error));
    }
  };

  return (
    <div className="stack">
      <title>API tokens · Recital</title>
      <div>
        <h1>API tokens</h1>
        <p className="lead">
          Personal tokens let the <code>recital</code> CLI, git hooks and integrations act as you. Revoke a
          token as soon as you no longer need it.
        </p>
      </div>
      {created ? (
        <NewSecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          onCreated={(next) => {
            setCreated(next);
            tokens.reload();
          }}
        />
      )}
      <section className="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {revokeError && (
          <p className="alert alert-error" role="alert">
            {revokeError}
          </p>
        )}
        {tokens.loading && <Loading />}
        {tokens.error !== undefined && <LoadError error={tokens.error} onRetry={tokens.reload} />}
        {tokens.data?.tokens.length === 0 && <p className="empty">No tokens yet.</p>}
        {tokens.data && tokens.data.tokens.length > 0 && (
          <ul className="list">
            {tokens.data.tokens.map((token) => (
              <li key={token.id} className="list-item">
                <div>
                  <p className="list-title">
                    {token.name} <code className="prefix">{token.prefix}…</code>
                  </p>
                  <p className="muted">
                    Created {when(token.createdAt, '')} · last used {when(token.lastUsedAt, 'never')} ·
                    expires {when(token.expiresAt, 'never')}
                  </p>
                </div>
                <ConfirmButton
                  label="Revoke"
                  confirmLabel="Revoke token"
                  accessibleLabel={`Revoke token ${token.name}`}
                  onConfirm={() => revoke(token.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
