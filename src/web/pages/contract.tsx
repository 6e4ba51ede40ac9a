import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  approveContractChange,
  getContract,
  type ContractView,
} from '../../contracts/commitments.contract.js';
import { getProject } from '../../contracts/projects.contract.js';
import { listMembers } from '../../contracts/workspaces.contract.js';
import { ContractHistory } from '../components/contract/history.js';
import { ContractInForce } from '../components/contract/in-force.js';
import { ProposeChangeForm } from '../components/contract/propose-form.js';
import { LoadError, Loading } from '../components/fields.js';
import { humanMessage, isApiError } from '../lib/api-errors.js';
import { formatInstant } from '../lib/format.js';
import { useLiveReload } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import { relativeTime, useNow } from '../lib/when.js';
import '../styles/contract.css';

function NoContract({ projectId }: { projectId: string }) {
  return (
    <section className="card stack-small" aria-labelledby="no-contract">
      <h2 id="no-contract">No commitment yet</h2>
      <p>
        This project has a plan but nobody has committed to it: no hours, checkpoints or witnesses are in
        force, so no day is judged yet.
      </p>
      <div className="link-row">
        {/* The intake resumes this project at the step it needs next (hours, then the commitment). */}
        <Link to={`/start?project=${projectId}`} className="button button-primary">
          Commit to a plan
        </Link>
        <Link to={`/projects/${projectId}/plan`} className="button button-secondary">
          See the plan
        </Link>
      </div>
    </section>
  );
}

interface WaitingProps {
  view: ContractView;
  canApprove: boolean;
  now: number;
  timeZone: string;
  onApproved(view: ContractView): void;
}

function WaitingBanner({ view, canApprove, now, timeZone, onApproved }: WaitingProps) {
  const api = useApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = view.versions.find((version) => version.status === 'waiting');
  if (!waiting) return null;
  const until = formatInstant(waiting.fullyEffectiveAt, timeZone);

  const approve = async () => {
    setPending(true);
    setError(null);
    try {
      onApproved(
        await api.call(approveContractChange, {
          params: { projectId: view.projectId, number: waiting.number },
        }),
      );
    } catch (caught) {
      setError(humanMessage(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="ct-waiting" aria-labelledby="waiting-heading" data-testid="contract-waiting">
      <h2 id="waiting-heading">
        A change is waiting until {until}{' '}
        <span className="muted">({relativeTime(waiting.fullyEffectiveAt, now)})</span>
      </h2>
      <p>
        Version {waiting.number} makes the commitment easier in some way. Its harder parts already apply; the
        easier parts apply on {until} unless a witness approves them sooner. Until then the commitment below
        holds.
      </p>
      {canApprove && (
        <div className="stack-small">
          <p>As a witness you can let version {waiting.number} apply now.</p>
          <div>
            <button
              type="button"
              className="button button-primary"
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={() => void approve()}
            >
              {pending ? 'Approving…' : 'Approve now'}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

export function ContractPage() {
  const { projectId = '' } = useParams();
  const api = useApi();
  const user = useUser();
  const now = useNow();
  const [notice, setNotice] = useState<string | null>(null);
  const project = useQuery(`project:${projectId}`, () => api.call(getProject, { params: { projectId } }));
  const contract = useQuery(`contract:${projectId}`, () => api.call(getContract, { params: { projectId } }));
  const workspaceId = project.data?.workspaceId;
  const members = useQuery(`members:${workspaceId ?? ''}`, () =>
    workspaceId ? api.call(listMembers, { params: { workspaceId } }) : Promise.resolve(null),
  );
  useLiveReload(projectId, contract.reload);

  const name = project.data?.name;
  const heading = (
    <div>
      <p className="eyebrow">{name ?? 'Project'}</p>
      <h1>Contract</h1>
      <p className="lead">What the builder committed to, every change, and when each one applies.</p>
    </div>
  );
  const title = <title>{name ? `Contract · ${name} · Recital` : 'Contract · Recital'}</title>;

  if (project.loading || contract.loading) {
    return (
      <div className="stack">
        {title}
        {heading}
        <Loading />
      </div>
    );
  }
  const failed = project.error ?? contract.error;
  if (failed !== undefined || !project.data || !contract.data) {
    return (
      <div className="stack">
        {title}
        {heading}
        {isApiError(failed, 'contracts.none') ? (
          <NoContract projectId={projectId} />
        ) : (
          <>
            <LoadError
              error={failed}
              onRetry={() => {
                project.reload();
                contract.reload();
              }}
            />
            <p>
              <Link to="/">Back home</Link>
            </p>
          </>
        )}
      </div>
    );
  }

  const view = contract.data;
  const builderId = project.data.builderId;
  const memberList = members.data?.members ?? [];
  const nameOf = (userId: string) => {
    if (userId === user.id) return `${user.displayName} (you)`;
    return memberList.find((member) => member.userId === userId)?.displayName ?? 'a former member';
  };
  const me = memberList.find((member) => member.userId === user.id);
  const isBuilder = user.id === builderId;
  const canPropose = isBuilder || (me?.roles.includes('organizer') ?? false);
  const latest = view.versions[0];
  // Approving belongs to the witnesses of the commitment the change was asked against.
  const approvers = view.versions[1]?.contract.witnesses ?? [];
  const canApprove = latest?.status === 'waiting' && !isBuilder && approvers.includes(user.id);

  const updated = (message: string) => {
    setNotice(message);
    contract.reload();
  };

  return (
    <div className="stack">
      {title}
      {heading}
      {members.error !== undefined && <LoadError error={members.error} onRetry={members.reload} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {view.inForce === null || !latest ? (
        <NoContract projectId={projectId} />
      ) : (
        <>
          <WaitingBanner
            view={view}
            canApprove={canApprove}
            now={now}
            timeZone={user.timeZone}
            onApproved={() => updated('Approved: the change applies now.')}
          />
          <ContractInForce
            projectId={projectId}
            contract={view.inForce}
            titles={view.checkpointTitles}
            nameOf={nameOf}
            builderZone={memberList.find((member) => member.userId === builderId)?.timeZone}
          />
          {canPropose && members.data && (
            <ProposeChangeForm
              key={latest.number}
              projectId={projectId}
              latest={latest.contract}
              inForce={view.inForce}
              builderId={builderId}
              members={memberList}
              titles={view.checkpointTitles}
              nameOf={nameOf}
              now={now}
              timeZone={user.timeZone}
              onProposed={(next) => {
                const version = next.versions[0];
                updated(
                  version?.status === 'waiting'
                    ? `Version ${version.number} proposed. It is waiting until ${formatInstant(version.fullyEffectiveAt, user.timeZone)} unless a witness approves it sooner.`
                    : `Version ${version?.number ?? ''} is in force.`,
                );
              }}
            />
          )}
          <ContractHistory
            versions={view.versions}
            titles={view.checkpointTitles}
            nameOf={nameOf}
            userIds={memberList.map((member) => member.userId)}
            now={now}
            timeZone={user.timeZone}
          />
        </>
      )}
    </div>
  );
}
