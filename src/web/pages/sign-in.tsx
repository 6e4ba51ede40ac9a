import { Link, useSearchParams } from 'react-router';
import { signIn } from '../../contracts/auth.contract.js';
import { FormAlert, SubmitButton, TextField } from '../components/fields.js';
import { useSession } from '../lib/session.js';
import { raw, text, useFormSubmit } from '../lib/use-form-submit.js';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { api, session, signedIn } = useSession();
  const expired = session.status === 'signed-out' && session.reason === 'expired';
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useFormSubmit(FIELDS, async (data) => {
    // Storing the session is enough: the signed-out guard then sends the person on to `next`.
    signedIn(
      await api.call(signIn, { body: { email: text(data, 'email'), password: raw(data, 'password') } }),
    );
  });

  const invitation = next?.match(/^\/invite\/([^/?#]+)$/)?.[1];
  const signUpHref = invitation ? `/sign-up?invitation=${invitation}` : '/sign-up';

  return (
    <div className="auth">
      <title>Sign in · Recital</title>
      <div>
        <h1>Sign in</h1>
        <p className="lead">Welcome back. Pick up where today’s plan left off.</p>
      </div>
      {expired && !form.error && (
        <p className="notice" role="status">
          Your session has ended. Sign in again to continue.
        </p>
      )}
      <form className="card form" onSubmit={form.onSubmit}>
        <FormAlert error={form.error} />
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
          autoComplete="current-password"
          error={form.error?.fields.password}
        />
        <SubmitButton pending={form.pending}>{form.pending ? 'Signing in…' : 'Sign in'}</SubmitButton>
      </form>
      <p className="auth-switch">
        New to Recital? <Link to={signUpHref}>Create an account</Link>
      </p>
    </div>
  );
}
