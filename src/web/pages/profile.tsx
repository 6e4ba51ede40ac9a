import { useState } from 'react';
import { updateMe } from '../../contracts/auth.contract.js';
import { FormAlert, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { timeZoneOptions } from '../lib/format.js';
import { useSession, useUser } from '../lib/session.js';
import { text, useFormSubmit } from '../lib/use-form-submit.js';

export function ProfilePage() {
  const { api, updateUser } = useSession();
  const user = useUser();
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit(['displayName', 'timeZone'], async (data) => {
    setSaved(false);
    const updated = await api.call(updateMe, {
      body: { displayName: text(data, 'displayName'), timeZone: text(data, 'timeZone') },
    });
    updateUser(updated);
    setSaved(true);
  });

  return (
    <div className="stack">
      <title>Profile · Recital</title>
      <div>
        <h1>Profile</h1>
        <p className="lead">Signed in as {user.email}.</p>
      </div>
      <form className="card form" onSubmit={form.onSubmit} onChange={() => setSaved(false)}>
        <FormAlert error={form.error} />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          maxLength={80}
          defaultValue={user.displayName}
          error={form.error?.fields.displayName}
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={user.timeZone}
          hint="Your days, deadlines and reminders follow this zone."
          error={form.error?.fields.timeZone}
        >
          {timeZoneOptions(user.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <SubmitButton pending={form.pending}>{form.pending ? 'Saving…' : 'Save changes'}</SubmitButton>
          <p className="saved" role="status">
            {saved && 'Saved.'}
          </p>
        </div>
      </form>
    </div>
  );
}
