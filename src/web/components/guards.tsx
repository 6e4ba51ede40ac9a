import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { safeNext } from '../lib/format.js';
import { useSession } from '../lib/session.js';

/** Pages for signed-in people; others go to sign in and come back afterwards. */
export function RequireAuth() {
  const { session } = useSession();
  const location = useLocation();
  if (session.status !== 'signed-in') {
    // After a deliberate sign-out, coming back to the page just left would be a surprise.
    const here = location.pathname + location.search;
    const ended = session.status === 'signed-out' && session.reason === 'ended';
    const to = here === '/' || ended ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up: someone already signed in goes where they were heading. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [params] = useSearchParams();
  if (session.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;
  return children;
}
