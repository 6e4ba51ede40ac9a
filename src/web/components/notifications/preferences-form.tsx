import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  updateNotificationSettings,
  type NotificationSettingsSchema,
} from '../../../contracts/notifications.contract.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextField } from '../fields.js';

export type Settings = z.infer<typeof NotificationSettingsSchema>;

const DEFAULT_QUIET = { start: '22:00', end: '07:00' };
const DEFAULT_DIGEST = '08:00';

/** E-mail on or off, quiet hours and the daily digest, in the user's own time zone. */
export function PreferencesForm({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
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
