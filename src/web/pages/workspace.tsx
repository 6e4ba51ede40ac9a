import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { getWorkspace, listMembers } from '../../contracts/workspaces.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { RoleBadges } from '../components/role-badges.js';
import { capitalize, formatInstant } from '../lib/format.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import { useWorkspaces } from '../lib/workspaces.js';
import { InvitationsSection } from './workspace-invitations.js';

function MembersSection({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const user = useUser();
  const members = useQuery(`members:${workspaceId}`, () =>
    api.call(listMembers, { params: { workspaceId } }),
  );

  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members.loading && <Loading />}
      {members.error !== undefined && <LoadError error={members.error} onRetry={members.reload} />}
      {members.data && (
        <ul className="list">
          {members.data.members.map((member) => (
            <li key={member.userId} className="list-item">
              <div>
                <p className="list-title">
                  {member.displayName}
                  {member.userId === user.id && <span className="muted"> (you)</span>}
                </p>
                <p className="muted">
                  {member.email} · joined {formatInstant(member.joinedAt, user.timeZone)}
                </p>
              </div>
              <RoleBadges roles={member.roles} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function WorkspacePage() {
  const { workspaceId = '' } = useParams();
  const api = useApi();
  const { select } = useWorkspaces();
  const workspace = useQuery(`workspace:${workspaceId}`, () =>
    api.call(getWorkspace, { params: { workspaceId } }),
  );

  const found = workspace.data?.id;
  useEffect(() => {
    // Opening a workspace makes it the current one in the header switcher.
    if (found) select(found);
  }, [found, select]);

  if (workspace.loading) return <Loading />;
  if (!workspace.data) {
    return (
      <div className="stack">
        <title>Workspace · Recital</title>
        <h1>Workspace</h1>
        <LoadError error={workspace.error} onRetry={workspace.reload} />
        <p>
          <Link to="/">Back to your workspaces</Link>
        </p>
      </div>
    );
  }

  const { name, kind, myRoles } = workspace.data;
  return (
    <div className="stack">
      <title>{`${name} · Recital`}</title>
      <div>
        <p className="eyebrow">{capitalize(kind)} workspace</p>
        <h1>{name}</h1>
        <p className="lead">
          Your roles: <RoleBadges roles={myRoles} />
        </p>
      </div>
      <MembersSection workspaceId={workspaceId} />
      {myRoles.includes('organizer') && <InvitationsSection workspaceId={workspaceId} />}
    </div>
  );
}
