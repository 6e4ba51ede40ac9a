import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { humanMessage } from '../lib/api-errors.js';
import { useSession, useUser } from '../lib/session.js';
import { useWorkspaces, WorkspacesProvider } from '../lib/workspaces.js';
import { LoadError, Loading } from './fields.js';

function Brand() {
  return (
    <Link to="/" className="brand">
      Recital
    </Link>
  );
}

function WorkspaceSwitcher() {
  const { workspaces, selected, select } = useWorkspaces();
  const navigate = useNavigate();
  if (!workspaces || workspaces.length === 0 || !selected) return null;
  return (
    <div className="switcher">
      <label htmlFor="workspace-switcher" className="switcher-label">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        value={selected.id}
        onChange={(event) => {
          select(event.target.value);
          void navigate(`/workspaces/${event.target.value}`);
        }}
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function SignOutButton() {
  const { signOut } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onClick = async () => {
    setPending(true);
    setError(null);
    try {
      await signOut(); // the sign-in guard then takes the person to /sign-in
    } catch (caught) {
      setError(humanMessage(caught));
      setPending(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={pending}
        onClick={onClick}
      >
        Sign out
      </button>
      {error && (
        <p className="header-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function SignedInHeader() {
  const user = useUser();
  return (
    <header className="header">
      <div className="header-inner">
        <Brand />
        <WorkspaceSwitcher />
        <nav className="nav" aria-label="Main">
          <NavLink to="/" end>
            Workspaces
          </NavLink>
          <NavLink to="/settings/profile">Profile</NavLink>
          <NavLink to="/settings/tokens">API tokens</NavLink>
        </nav>
        <div className="account">
          <span className="account-name" data-testid="account-name">
            {user.displayName}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

function Page() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // A route change replaces the page without a load; moving focus lets screen readers start at the new page.
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <main id="main" ref={main} className="main" tabIndex={-1}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </main>
  );
}

/** The frame of every page: a header that fits the session, and the routed page below it. */
export function Shell() {
  const { session, retry } = useSession();
  const skip = (
    <a href="#main" className="skip-link">
      Skip to content
    </a>
  );

  // Pages set their own <title>; index.html has none, because the first <title> in the document wins.
  if (session.status === 'loading') {
    return (
      <>
        <title>Recital</title>
        <Loading label="Opening Recital…" />
      </>
    );
  }
  if (session.status === 'unavailable') {
    return (
      <main className="main main-narrow">
        <title>Recital</title>
        <h1>Recital is not reachable</h1>
        <LoadError error={session.error} onRetry={retry} />
      </main>
    );
  }
  if (session.status === 'signed-out') {
    return (
      <>
        {skip}
        <header className="header">
          <div className="header-inner">
            <Brand />
          </div>
        </header>
        <Page />
      </>
    );
  }
  return (
    <WorkspacesProvider>
      {skip}
      <SignedInHeader />
      <Page />
    </WorkspacesProvider>
  );
}
