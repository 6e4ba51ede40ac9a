import { Link, useSearchParams } from 'react-router';
import { signUp } from '../../contracts/auth.contract.js';
import { FormAlert, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { browserTimeZone, timeZones } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { raw, text, useFormSubmit } from '../lib/use-form-submit.js';

const FIELDS = ['email', 'password', 'displayName', 'timeZone', 'invitationToken'] as const;

export function SignUpPage() {
  const { api, signedIn } = useSession();
  const [params] = useSearchParams();
  const invitationToken = params.get('invitation') ?? undefined;

  const form = useFormSubmit(FIELDS, async (data) => {
    // Storing the session is enough: the signed-out guard then opens the home page.
    const info = await api.call(signUp, {
      body: {
        email: text(data, 'email'),
        password: raw(data, 'password'),
        displayName: text(data, 'displayName'),
        timeZone: text(data, 'timeZone'),
        invitationToken,
      },
    });
    signedIn(info);
  });

  const signInHref = invitationToken
    ? `/sign-in?next=${encodeURIComponent(`/invite/${invitationToken}`)}`
    : '/sign-in';

  return (
    <div className="auth">
      <title>Create an account · Recital</title>
      <div>
        <h1>Create your account</h1>
        <p className="lead">
          {invitationToken
            ? 'You were invited to a workspace. Create an account to join it.'
            : 'Plans become daily work, and checkpoints get a witness.'}
        </p>
      </div>
      <form className="card form" onSubmit={form.onSubmit}>
        <FormAlert error={form.error} />
        {form.error?.fields.invitationToken && (
          <p className="alert alert-error">{form.error.fields.invitationToken}</p>
        )}
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          maxLength={80}
          hint="How others in your workspaces will see you."
          error={form.error?.fields.displayName}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          error={form.error?.fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={256}
          hint="At least 10 characters."
          error={form.error?.fields.password}
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={browserTimeZone()}
          hint="Your days and deadlines follow this zone."
          error={form.error?.fields.timeZone}
        >
          {timeZones().map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={form.pending}>
          {form.pending ? 'Creating account…' : 'Create account'}
        </SubmitButton>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to={signInHref}>Sign in</Link>
      </p>
    </div>
  );
}
