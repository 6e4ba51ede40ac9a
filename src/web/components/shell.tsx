import { Suspense, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { humanMessage } from '../lib/api-errors.js';
import { MyProjectsProvider, useCurrentProject, useMyProjects } from '../lib/my-projects.js';
import { useSession, useUser } from '../lib/session.js';
import { UnreadProvider, useUnread } from '../lib/unread.js';
import { useWorkspaces, WorkspacesProvider } from '../lib/workspaces.js';
import { LoadError, Loading } from './fields.js';
import '../styles/shell.css';

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

/** A count beside a link: the number is shown, and the words are read. */
function CountBadge({ count, words, testId }: { count: number | undefined; words: string; testId?: string }) {
  if (!count) return null;
  return (
    <span className="count-badge" data-testid={testId}>
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">
        , {count} {words}
      </span>
    </span>
  );
}

const SETTINGS = [
  { to: '/settings/profile', label: 'Profile' },
  { to: '/settings/emails', label: 'Commit e-mails' },
  { to: '/settings/notifications', label: 'Notifications' },
  { to: '/settings/tokens', label: 'API tokens' },
] as const;

/** Settings as a disclosure on wide screens; on a phone the menu lists its links directly. */
function SettingsMenu() {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const active = pathname.startsWith('/settings/');
  const item = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (!open) return;
    // A click elsewhere closes the menu (some browsers do not focus a clicked button, so blur is not enough).
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !item.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    }
  };

  return (
    <li
      ref={item}
      className="nav-settings"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Closing when focus leaves keeps Tab moving through the page without a stray open menu.
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className={active ? 'nav-toggle nav-toggle-active' : 'nav-toggle'}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        Settings
        <span className="nav-caret" aria-hidden="true" />
      </button>
      <p className="nav-group-label" aria-hidden="true">
        Settings
      </p>
      <ul id={id} className="nav-submenu" data-open={open} aria-label="Settings">
        {SETTINGS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} onClick={() => setOpen(false)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

function MainNav() {
  const current = useCurrentProject();
  const { witnessed, waitingReviews } = useMyProjects();
  const { selected } = useWorkspaces();
  const { count } = useUnread();
  const witnesses = (witnessed?.length ?? 0) > 0 || (waitingReviews ?? 0) > 0;
  const organizes = selected?.myRoles.includes('organizer') ?? false;
  const projectLabel = current?.name ?? 'Current project';

  return (
    <nav className="nav" aria-label="Main">
      <ul className="nav-list">
        <li>
          <NavLink to="/" end>
            Home
          </NavLink>
        </li>
        {current && (
          <li className="nav-project">
            <p className="nav-group-label" title={projectLabel}>
              <span className="visually-hidden">Project: </span>
              {projectLabel}
            </p>
            <ul aria-label={`Project ${projectLabel}`}>
              <li>
                <NavLink to={`/projects/${current.id}/today`}>Today</NavLink>
              </li>
              <li>
                <NavLink to={`/projects/${current.id}/plan`}>Plan</NavLink>
              </li>
              <li>
                <NavLink to={`/projects/${current.id}/contract`}>Contract</NavLink>
              </li>
              <li>
                <NavLink to={`/projects/${current.id}/comprehension`}>Code</NavLink>
              </li>
            </ul>
          </li>
        )}
        {witnesses && (
          <li>
            <NavLink to="/reviews">
              Reviews
              <CountBadge count={waitingReviews} words="waiting for your review" />
            </NavLink>
          </li>
        )}
        {organizes && selected && (
          <li>
            <NavLink to={`/workspaces/${selected.id}/cohort`}>Cohort</NavLink>
          </li>
        )}
        <li>
          <NavLink to="/inbox">
            Inbox
            <CountBadge count={count} words="unread" testId="unread-badge" />
          </NavLink>
        </li>
        <SettingsMenu />
      </ul>
    </nav>
  );
}

function SignedInHeader() {
  const user = useUser();
  const { count } = useUnread();
  const [open, setOpen] = useState(false);
  const menuToggle = useRef<HTMLButtonElement>(null);

  // Following a link closes the phone menu; the page below then takes focus.
  const onMenuClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  };
  const onHeaderKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      menuToggle.current?.focus();
    }
  };

  return (
    <header className="header" onKeyDown={onHeaderKeyDown}>
      <div className="header-inner">
        <Brand />
        <button
          ref={menuToggle}
          type="button"
          className="menu-toggle button button-secondary button-small"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen((value) => !value)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
          <CountBadge count={count} words="unread" />
        </button>
        <div id="site-menu" className="site-menu" data-open={open} onClick={onMenuClick}>
          <WorkspaceSwitcher />
          <MainNav />
          <div className="account">
            <span className="account-name" data-testid="account-name">
              {user.displayName}
            </span>
            <SignOutButton />
          </div>
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
      <MyProjectsProvider>
        <UnreadProvider>
          {skip}
          <SignedInHeader />
          <Page />
        </UnreadProvider>
      </MyProjectsProvider>
    </WorkspacesProvider>
  );
}
