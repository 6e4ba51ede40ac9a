import { useState } from 'react';
import {
  addNotificationChannel,
  removeNotificationChannel,
} from '../../../contracts/notifications.contract.js';
import { humanMessage, isApiError, toFormError, type FormError } from '../../lib/api-errors.js';
import { formatInstant } from '../../lib/format.js';
import { useApi, useUser } from '../../lib/session.js';
import { text } from '../../lib/use-form-submit.js';
import { ConfirmButton } from '../confirm-button.js';
import { FormAlert, SelectField, SubmitButton, TextField } from '../fields.js';
import { KINDS, kindOf, type Channel, type ChannelKind } from './channel-kinds.js';
import { WebhookSecret } from './webhook-secret.js';

/** The server names the refused field in its sentence ("url: … is a loopback address…"). */
function channelError(error: unknown): FormError {
  const result = toFormError(error, ['kind', 'label', 'url']);
  if (isApiError(error, 'url.refused')) {
    const message = humanMessage(error).replace(/^url:\s*/, '');
    return {
      message: 'This address cannot be used.',
      fields: { url: message.charAt(0).toUpperCase() + message.slice(1) },
      other: [],
    };
  }
  return result;
}

function AddChannelForm({ onAdded }: { onAdded(secret: string | null): void }) {
  const api = useApi();
  const [kind, setKind] = useState<ChannelKind>('slack');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const chosen = KINDS.find((k) => k.value === kind) ?? KINDS[0]!;

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const added = await api.call(addNotificationChannel, {
        body: { kind, label: text(data, 'label'), url: text(data, 'url') },
      });
      form.reset();
      onAdded(added.secret);
    } catch (caught) {
      setError(channelError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="form divider"
      aria-labelledby="add-channel-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) void submit(event.currentTarget);
      }}
    >
      <h3 id="add-channel-heading">Add a channel</h3>
      <FormAlert error={error} />
      <div className="form-row">
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={(event) => setKind(kindOf(event.target.value))}
          error={error?.fields.kind}
        >
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Label"
          name="label"
          maxLength={100}
          placeholder="#launch-updates"
          hint="So you recognise it in this list."
          error={error?.fields.label}
        />
      </div>
      <TextField
        label="Webhook URL"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2048}
        placeholder={chosen.placeholder}
        hint={`${chosen.hint} Addresses inside private networks are refused.`}
        error={error?.fields.url}
      />
      <SubmitButton pending={pending}>{pending ? 'Adding…' : 'Add channel'}</SubmitButton>
    </form>
  );
}

/** Slack, Discord and webhook channels: the list, removal, and a form to add one. */
export function Channels({ channels, onChanged }: { channels: Channel[]; onChanged(): void }) {
  const api = useApi();
  const user = useUser();
  const [secret, setSecret] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const remove = async (channelId: string) => {
    setRemoveError(null);
    try {
      await api.call(removeNotificationChannel, { params: { channelId } });
      onChanged();
    } catch (error) {
      setRemoveError(humanMessage(error));
      throw error;
    }
  };

  return (
    <>
      {secret && <WebhookSecret secret={secret} onDone={() => setSecret(null)} />}
      <section className="card stack-small" aria-labelledby="channels-heading">
        <div>
          <h2 id="channels-heading">Chat and webhook channels</h2>
          <p className="muted">
            Besides e-mail, Recital can post to a Slack or Discord channel, or to your own endpoint. Failed
            deliveries are retried with growing pauses.
          </p>
        </div>
        {removeError && (
          <p className="alert alert-error" role="alert">
            {removeError}
          </p>
        )}
        {channels.length === 0 ? (
          <p className="empty">No channels yet: notifications go to your inbox and e-mail only.</p>
        ) : (
          <ul className="list">
            {channels.map((channel) => (
              <li key={channel.id} className="list-item">
                <div>
                  <p className="list-title">
                    <span className="channel-kind">{KINDS.find((k) => k.value === channel.kind)?.name}</span>
                    {channel.label}
                  </p>
                  <p className="muted">
                    <span className="mono">{channel.urlHint}</span> · added{' '}
                    {formatInstant(channel.createdAt, user.timeZone)}
                  </p>
                </div>
                <ConfirmButton
                  label="Remove"
                  confirmLabel="Remove channel"
                  accessibleLabel={`Remove channel ${channel.label}`}
                  onConfirm={() => remove(channel.id)}
                />
              </li>
            ))}
          </ul>
        )}
        <AddChannelForm
          onAdded={(next) => {
            setSecret(next);
            onChanged();
          }}
        />
      </section>
    </>
  );
}
