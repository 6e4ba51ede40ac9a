import { useState } from 'react';
import {
  createInvitation,
  listInvitations,
  revokeInvitation,
  ROLES,
  type Invitation,
  type Role,
} from '../../contracts/workspaces.contract.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CopyField } from '../components/copy-field.js';
import { FormAlert, LoadError, Loading, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { humanMessage } from '../lib/api-errors.js';
import { capitalize, formatInstant } from '../lib/format.js';
import { useApi, useUser } from '../lib/session.js';
import { text, useFormSubmit } from '../lib/use-form-submit.js';
import { useQuery } from '../lib/use-query.js';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function status(invitation: Invitation, now: number): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.acceptedAt) return 'accepted';
  return Date.parse(invitation.expiresAt) <= now ? 'expired' : 'pending';
}

function CreateInvitationForm({ workspaceId, onCreated }: { workspaceId: string; onCreated(): void }) {
  const api = useApi();
  const [link, setLink] = useState<string | null>(null);
  const form = useFormSubmit(['role', 'email', 'expiresInDays'], async (data) => {
    const role = text(data, 'role');
    const email = text(data, 'email');
    const created = await api.call(createInvitation, {
      params: { workspaceId },
      body: {
        role: isRole(role) ? role : 'builder',
        email: email || undefined,
        expiresInDays: Number(text(data, 'expiresInDays')),
      },
    });
    setLink(new URL(created.url, window.location.origin).href);
    onCreated();
  });

  if (link) {
    return (
      <div className="card card-highlight stack-small" role="status">
        <h3>Invitation link created</h3>
        <CopyField label="Invitation link" value={link} />
        <p className="warning">Share it now: this link is shown only once. Anyone who has it can join.</p>
        <button type="button" className="button button-secondary" onClick={() => setLink(null)}>
          Done
        </button>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={form.onSubmit} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite someone</h3>
      <FormAlert error={form.error} />
      <div className="form-row">
        <SelectField
          label="Role"
          name="role"
          defaultValue="builder"
          hint="Builders do the work, witnesses confirm checkpoints, organizers run the workspace."
          error={form.error?.fields.role}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {capitalize(role)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Expires in (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={7}
          error={form.error?.fields.expiresInDays}
        />
      </div>
      <TextField
        label="Email"
        name="email"
        type="email"
        required={false}
        hint="If set, only the person with this email can accept."
        error={form.error?.fields.email}
      />
      <SubmitButton pending={form.pending}>
        {form.pending ? 'Creating link…' : 'Create invitation link'}
      </SubmitButton>
    </form>
  );
}

/** Organizers only: create invitation links and revoke the ones still open. */
export function InvitationsSection({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const user = useUser();
  const [now] = useState(() => Date.now());
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const invitations = useQuery(`invitations:${workspaceId}`, () =>
    api.call(listInvitations, { params: { workspaceId } }),
  );

  const revoke = async (invitationId: string) => {
    setRevokeError(null);
    try {
      await api.call(revokeInvitation, { params: { workspaceId, invitationId } });
      invitations.reload();
    } catch (error) {
      setRevokeError(humanMessage(error));
    }
  };

  return (
    <section className="card stack" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <CreateInvitationForm workspaceId={workspaceId} onCreated={invitations.reload} />
      {revokeError && (
        <p className="alert alert-error" role="alert">
          {revokeError}
        </p>
      )}
      {invitations.loading && <Loading />}
      {invitations.error !== undefined && (
        <LoadError error={invitations.error} onRetry={invitations.reload} />
      )}
      {invitations.data?.invitations.length === 0 && <p className="empty divider">No invitations yet.</p>}
      {invitations.data && invitations.data.invitations.length > 0 && (
        <ul className="list divider" aria-label="Invitations sent">
          {invitations.data.invitations.map((invitation) => {
            const state = status(invitation, now);
            return (
              <li key={invitation.id} className="list-item">
                <div>
                  <p className="list-title">
                    {capitalize(invitation.role)} · {invitation.email ?? 'anyone with the link'}
                  </p>
                  <p className="muted">
                    Created {formatInstant(invitation.createdAt, user.timeZone)} · expires{' '}
                    {formatInstant(invitation.expiresAt, user.timeZone)}
                  </p>
                </div>
                <span className="row-actions">
                  <span className={`status status-${state}`}>{capitalize(state)}</span>
                  {state === 'pending' && (
                    <ConfirmButton
                      label="Revoke"
                      confirmLabel="Revoke link"
                      accessibleLabel={`Revoke ${invitation.role} invitation`}
                      onConfirm={() => revoke(invitation.id)}
                    />
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
