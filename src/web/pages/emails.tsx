import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { addEmail, listEmails, removeEmail, verifyEmail } from '../../contracts/emails.contract.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { FormAlert, LoadError, Loading, SubmitButton, TextField } from '../components/fields.js';
import { humanMessage } from '../lib/api-errors.js';
import { useApi } from '../lib/session.js';
import { text, useFormSubmit } from '../lib/use-form-submit.js';
import { useQuery } from '../lib/use-query.js';

/** Opening the link from the verification mail lands here with its token: verify once, say how it went. */
function useVerifyFromLink(onVerified: () => void) {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const token = params.get('token');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    api.call(verifyEmail, { body: { token } }).then(
      (verified) => {
        setResult({ ok: true, text: `Verified ${verified.email}: commits made with it now count as yours.` });
        setParams({}, { replace: true });
        onVerified();
      },
      (error: unknown) => setResult({ ok: false, text: humanMessage(error) }),
    );
  }, [api, token, setParams, onVerified]);
  return result;
}

function AddEmailForm({ onAdded }: { onAdded(message: string): void }) {
  const api = useApi();
  const form = useFormSubmit(['email'], async (data) => {
    const added = await api.call(addEmail, { body: { email: text(data, 'email') } });
    onAdded(
      added.verified
        ? `${added.email} is already verified.`
        : `A link was sent to ${added.email}. Open it within a day to confirm the address is yours.`,
    );
  });
  return (
    <form className="card form" onSubmit={form.onSubmit} aria-labelledby="add-email-heading">
      <h2 id="add-email-heading">Add an address</h2>
      <FormAlert error={form.error} />
      <TextField
        label="E-mail you commit with"
        name="email"
        type="email"
        autoComplete="email"
        placeholder="ada@work.example"
        hint="The one in `git config user.email` on each machine, or GitHub's private address."
        error={form.error?.fields.email}
      />
      <SubmitButton pending={form.pending}>
        {form.pending ? 'Sending…' : 'Send a verification link'}
      </SubmitButton>
    </form>
  );
}

export function EmailsPage() {
  const api = useApi();
  const emails = useQuery('emails', () => api.call(listEmails, {}));
  const [flash, setFlash] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const verified = useVerifyFromLink(emails.reload);

  const remove = async (email: string) => {
    setRemoveError(null);
    try {
      await api.call(removeEmail, { params: { email } });
      emails.reload();
    } catch (error) {
      setRemoveError(humanMessage(error));
    }
  };

  return (
    <div className="stack">
      <title>Commit e-mails · Recital</title>
      <div>
        <h1>Commit e-mails</h1>
        <p className="lead">
          Commits count as your work when they carry one of these addresses. Add each address you commit with;
          a link sent to it proves it is yours.
        </p>
      </div>
      {verified && (
        <p
          className={`alert ${verified.ok ? 'alert-success' : 'alert-error'}`}
          role={verified.ok ? 'status' : 'alert'}
        >
          {verified.text}
        </p>
      )}
      {flash && (
        <p className="alert alert-success" role="status">
          {flash}
        </p>
      )}
      <AddEmailForm
        onAdded={(message) => {
          setFlash(message);
          emails.reload();
        }}
      />
      <section className="card" aria-labelledby="emails-heading">
        <h2 id="emails-heading">Your addresses</h2>
        {removeError && (
          <p className="alert alert-error" role="alert">
            {removeError}
          </p>
        )}
        {emails.loading && !emails.data && <Loading />}
        {emails.error !== undefined && <LoadError error={emails.error} onRetry={emails.reload} />}
        {emails.data && (
          <ul className="list">
            {emails.data.emails.map((email) => (
              <li key={email.email} className="list-item">
                <div>
                  <p className="list-title">{email.email}</p>
                  <p className="muted">
                    {email.primary
                      ? 'Your account address'
                      : email.verified
                        ? '✓ Verified'
                        : 'Waiting: open the link sent to it'}
                  </p>
                </div>
                {!email.primary && (
                  <ConfirmButton
                    label="Remove"
                    confirmLabel="Remove address"
                    accessibleLabel={`Remove ${email.email}`}
                    onConfirm={() => remove(email.email)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
