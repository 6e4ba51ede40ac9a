import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInvitation, previewInvitation } from '../../contracts/workspaces.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { humanMessage } from '../lib/api-errors.js';
import { browserTimeZone, capitalize, formatInstant } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import { useWorkspaces } from '../lib/workspaces.js';

function AcceptButton({ token }: { token: string }) {
  const { api } = useSession();
  const { reload, select } = useWorkspaces();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const accept = async () => {
    setPending(true);
    setError(null);
    try {
      const workspace = await api.call(acceptInvitation, { params: { token } });
      select(workspace.id);
      reload();
      await navigate(`/workspaces/${workspace.id}`, { replace: true });
    } catch (caught) {
      setError(humanMessage(caught));
      setPending(false);
    }
  };

  return (
    <div className="stack-small">
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="button" className="button button-primary" disabled={pending} onClick={accept}>
          {pending ? 'Joining…' : 'Accept invitation'}
        </button>
      </div>
    </div>
  );
}

export function InvitePage() {
  const { token = '' } = useParams();
  const { api, session } = useSession();
  const preview = useQuery(`invitation:${token}`, () => api.call(previewInvitation, { params: { token } }));
  const timeZone = session.status === 'signed-in' ? session.user.timeZone : browserTimeZone();
  const here = `/invite/${encodeURIComponent(token)}`;

  if (preview.loading) return <Loading />;
  if (!preview.data) {
    return (
      <div className="auth">
        <title>Invitation · Recital</title>
        <h1>Invitation</h1>
        <LoadError error={preview.error} onRetry={preview.reload} />
        <p>
          {session.status === 'signed-in' ? (
            <Link to="/">Go to your workspaces</Link>
          ) : (
            <Link to="/sign-in">Sign in</Link>
          )}
        </p>
      </div>
    );
  }

  const { workspace, role, invitedBy, expiresAt, email } = preview.data;
  return (
    <div className="auth">
      <title>{`Join ${workspace.name} · Recital`}</title>
      <div>
        <p className="eyebrow">Invitation</p>
        <h1>Join {workspace.name}</h1>
      </div>
      <div className="card stack">
        <dl className="facts">
          <dt>Workspace</dt>
          <dd>
            {workspace.name} <span className="muted">({workspace.kind})</span>
          </dd>
          <dt>Your role</dt>
          <dd>{capitalize(role)}</dd>
          <dt>Invited by</dt>
          <dd>{invitedBy}</dd>
          <dt>Expires</dt>
          <dd>{formatInstant(expiresAt, timeZone)}</dd>
          {email && (
            <>
              <dt>For</dt>
              <dd>{email}</dd>
            </>
          )}
        </dl>
        {session.status === 'signed-in' ? (
          <AcceptButton token={token} />
        ) : (
          <div className="actions">
            <Link className="button button-primary" to={`/sign-up?invitation=${encodeURIComponent(token)}`}>
              Create an account
            </Link>
            <Link className="button button-secondary" to={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in to accept
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}
