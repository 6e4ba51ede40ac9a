import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  addNotificationChannel,
  getNotificationSettings,
  removeNotificationChannel,
  updateNotificationSettings,
  type ChannelSchema,
  type NotificationSettingsSchema,
} from '../../contracts/notifications.contract.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CopyField } from '../components/copy-field.js';
import { FormAlert, LoadError, Loading, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { humanMessage, isApiError, toFormError, type FormError } from '../lib/api-errors.js';
import { formatInstant } from '../lib/format.js';
import { useApi, useUser } from '../lib/session.js';
import { text } from '../lib/use-form-submit.js';
import { useQuery } from '../lib/use-query.js';
import '../styles/inbox.css';

type Settings = z.infer<typeof NotificationSettingsSchema>;
type Channel = z.infer<typeof ChannelSchema>;
type ChannelKind = Channel['kind'];

const KINDS: { value: ChannelKind; label: string; name: string; hint: string; placeholder: string }[] = [
  {
    value: 'slack',
    label: 'Slack incoming webhook',
    name: 'Slack',
    hint: 'In Slack: Apps → Incoming Webhooks → Add to a channel, then paste its URL.',
    placeholder: 'https://hooks.slack.com/services/…',
  },
  {
    value: 'discord',
    label: 'Discord webhook',
    name: 'Discord',
    hint: 'In Discord: channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.',
    placeholder: 'https://discord.com/api/webhooks/…',
  },
  {
    value: 'webhook',
    label: 'Your own webhook (signed JSON)',
    name: 'Webhook',
    hint: 'An HTTPS endpoint you run. Every request is a signed JSON POST; you get the signing secret once.',
    placeholder: 'https://example.com/hooks/recital',
  },
];

function kindOf(value: string): ChannelKind {
  return KINDS.find((kind) => kind.value === value)?.value ?? 'webhook';
}

const DEFAULT_QUIET = { start: '22:00', end: '07:00' };
const DEFAULT_DIGEST = '08:00';

function PreferencesForm({ settings, onSaved }: { settings: Settings; onSaved(next: Settings): void }) {
  const api = useApi();
  const [email, setEmail] = useState(settings.email);
  const [quietOn, setQuietOn] = useState(settings.quietHours !== null);
  const [quiet, setQuiet] = useState(settings.quietHours ?? DEFAULT_QUIET);
  const [digestOn, setDigestOn] = useState(settings.digestTime !== null);
  const [digest, setDigest] = useState(settings.digestTime ?? DEFAULT_DIGEST);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [saved, setSaved] = useState(false);
  const zone = settings.timeZone.replaceAll('_', ' ');
  const quietId = useId();
  const digestId = useId();

  const submit = async () => {
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const next = await api.call(updateNotificationSettings, {
        body: {
          email,
          quietHours: quietOn ? { start: quiet.start, end: quiet.end } : null,
          digestTime: digestOn ? digest : null,
        },
      });
      onSaved(next);
      setSaved(true);
    } catch (caught) {
      setError(toFormError(caught, ['quietHours.start', 'quietHours.end', 'digestTime', 'email']));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="card form"
      aria-labelledby="preferences-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) void submit();
      }}
      onChange={() => setSaved(false)}
    >
      <div>
        <h2 id="preferences-heading">When and how you are told</h2>
        <p className="muted">
          Quiet hours and the digest follow your time zone, <strong>{zone}</strong> (
          <Link to="/settings/profile">change it in your profile</Link>).
        </p>
      </div>
      <FormAlert error={error} />

      <fieldset className="choices settings-section">
        <legend>E-mail</legend>
        <label className="opt-check">
          <input type="checkbox" checked={email} onChange={(event) => setEmail(event.target.checked)} />
          <span>
            <strong>Send me e-mail</strong>
            <span className="muted">Everything also stays in your inbox here, whatever you choose.</span>
          </span>
        </label>
      </fieldset>

      <fieldset className="choices settings-section">
        <legend>Quiet hours</legend>
        <label className="opt-check">
          <input
            type="checkbox"
            checked={quietOn}
            aria-controls={quietId}
            onChange={(event) => setQuietOn(event.target.checked)}
          />
          <span>
            <strong>Hold notifications during quiet hours</strong>
            <span className="muted">
              E-mail, chat and webhooks wait until the quiet hours end, then arrive together.
            </span>
          </span>
        </label>
        <div className="time-row" id={quietId} data-disabled={!quietOn}>
          <TimeInput
            label={`From (${zone})`}
            name="quietStart"
            value={quiet.start}
            disabled={!quietOn}
            error={error?.fields['quietHours.start']}
            onChange={(start) => setQuiet((q) => ({ ...q, start }))}
          />
          <TimeInput
            label={`Until (${zone})`}
            name="quietEnd"
            value={quiet.end}
            disabled={!quietOn}
            error={error?.fields['quietHours.end']}
            onChange={(end) => setQuiet((q) => ({ ...q, end }))}
          />
        </div>
      </fieldset>

      <fieldset className="choices settings-section">
        <legend>Daily digest</legend>
        <label className="choice">
          <input type="radio" name="digest" checked={!digestOn} onChange={() => setDigestOn(false)} />
          <span>
            <strong>Send each e-mail as it happens</strong>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="digest"
            checked={digestOn}
            aria-controls={digestId}
            onChange={() => setDigestOn(true)}
          />
          <span>
            <strong>Gather e-mail into one daily digest</strong>
            <span className="muted">Chat and webhooks are still sent as things happen.</span>
          </span>
        </label>
        <div className="time-row" id={digestId} data-disabled={!digestOn}>
          <TimeInput
            label={`Digest time (${zone})`}
            name="digestTime"
            value={digest}
            disabled={!digestOn}
            error={error?.fields.digestTime}
            onChange={setDigest}
          />
        </div>
      </fieldset>

      <div className="actions">
        <SubmitButton pending={pending}>{pending ? 'Saving…' : 'Save notification settings'}</SubmitButton>
        <p className="saved" role="status">
          {saved && 'Saved.'}
        </p>
      </div>
    </form>
  );
}

function TimeInput(props: {
  label: string;
  name: string;
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { label, name, value, disabled, error, onChange } = props;
  return (
    <TextField
      label={label}
      name={name}
      type="time"
      required
      disabled={disabled}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function WebhookSecret({ secret, onDone }: { secret: string; onDone(): void }) {
  return (
    <div className="card card-highlight stack-small" role="status" aria-labelledby="secret-heading">
      <h2 id="secret-heading">Webhook added: store its signing secret</h2>
      <CopyField label="Signing secret" value={secret} />
      <p className="warning">Copy it now. You will not see this secret again.</p>
      <p>
        Every request Recital sends to this webhook carries three headers, so your endpoint can check that it
        came from Recital and is not a replay:
      </p>
      <ul className="steps">
        <li>
          <code>X-Recital-Timestamp</code>: when it was sent, in Unix seconds.
        </li>
        <li>
          <code>X-Recital-Signature</code>: <code>sha256=</code> and the hex HMAC-SHA256, keyed with this
          secret, of the timestamp, a dot, and the raw request body.
        </li>
        <li>
          <code>X-Recital-Delivery</code>: the same on every retry of one delivery, so you can drop
          duplicates.
        </li>
      </ul>
      <p>
        To verify: compute the HMAC over the raw bytes you received (not re-serialised JSON), compare it in
        constant time, and refuse timestamps more than five minutes from your clock. In Node.js:
      </p>
      <pre className="code-block">
        <code>{`import { createHmac, timingSafeEqual } from 'node:crypto';

const stamp = req.headers['x-recital-timestamp'];
const given = req.headers['x-recital-signature'] ?? '';
const expected = 'sha256=' + createHmac('sha256', SECRET)
  .update(\`\${stamp}.\`).update(rawBody).digest('hex');
const fresh = Math.abs(Date.now() / 1000 - Number(stamp)) <= 300;
const valid = fresh && given.length === expected.length &&
  timingSafeEqual(Buffer.from(given), Buffer.from(expected));`}</code>
      </pre>
      <div>
        <button type="button" className="button button-secondary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}

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

function Channels({ channels, onChanged }: { channels: Channel[]; onChanged(): void }) {
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

export function NotificationSettingsPage() {
  const api = useApi();
  const settings = useQuery('notification-settings', () => api.call(getNotificationSettings, {}));
  const [latest, setLatest] = useState<Settings | null>(null);
  const current = latest ?? settings.data;

  return (
    <div className="stack">
      <title>Notification settings · Recital</title>
      <div>
        <h1>Notifications</h1>
        <p className="lead">
          Everything lands in your <Link to="/inbox">inbox</Link>. Choose what else reaches you, and when.
        </p>
      </div>
      {settings.loading && !current && <Loading />}
      {settings.error !== undefined && !current && (
        <LoadError error={settings.error} onRetry={settings.reload} />
      )}
      {current && (
        <>
          <PreferencesForm settings={current} onSaved={setLatest} />
          <Channels
            channels={current.channels}
            onChanged={() => {
              setLatest(null);
              settings.reload();
            }}
          />
        </>
      )}
    </div>
  );
}
