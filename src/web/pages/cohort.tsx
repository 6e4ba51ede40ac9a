import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { endpointUrl } from '../../contracts/endpoint.js';
import { COHORT_CSV_PATH, getCohort, type Cohort } from '../../contracts/cohort.contract.js';
import { getWorkspace, listMembers } from '../../contracts/workspaces.contract.js';
import { LoadError, Loading, SelectField } from '../components/fields.js';
import { StatusBadge } from '../components/checkpoint/badges.js';
import { formatLocalDate, plural } from '../components/checkpoint/format.js';
import { AtRiskThreshold } from '../components/cohort/at-risk-threshold.js';
import { Builders, atRisk, checkpointPath } from '../components/cohort/builders.js';
import { Heatmap } from '../components/cohort/heatmap.js';
import { AtRiskList } from '../components/forecast/at-risk-list.js';
import { AtRiskBadge, ChanceSummary } from '../components/forecast/checkpoint-chance.js';
import { isApiError } from '../lib/api-errors.js';
import { formatInstant } from '../lib/format.js';
import { useLiveReload } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import { useWorkspaces } from '../lib/workspaces.js';
import '../styles/cohort.css';

const WINDOWS = [14, 28, 56, 90];

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="cohort-stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function CheckpointList({ items, empty }: { items: Cohort['checkpoints']['missed']; empty: string }) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="list">
      {items.map((c) => (
        <li key={`${c.projectId}:${c.id}`} className="list-item">
          <div>
            <Link to={checkpointPath(c.projectId, c.id)} className="list-title">
              {c.title}
            </Link>
            <p className="muted">
              {c.builderName} · {c.projectName} · due {formatLocalDate(c.dueDate)}
            </p>
            {c.chance && c.status !== 'missed' && (
              <p>
                <ChanceSummary chance={c.chance} dueDate={c.dueDate} />
              </p>
            )}
          </div>
          <span className="badges">
            <StatusBadge status={c.status} />
            {c.chance?.atRisk && c.status !== 'missed' && <AtRiskBadge />}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ReviewLoad({ cohort }: { cohort: Cohort }) {
  const user = useUser();
  if (cohort.reviewLoad.length === 0) return <p className="empty">No builder has named a witness yet.</p>;
  return (
    <div className="cohort-table-scroll" role="region" aria-labelledby="load-heading" tabIndex={0}>
      <table className="cohort-table">
        <thead>
          <tr>
            <th scope="col">Witness</th>
            <th scope="col">Builders</th>
            <th scope="col">Waiting</th>
            <th scope="col">Oldest waiting since</th>
          </tr>
        </thead>
        <tbody>
          {cohort.reviewLoad.map((row) => (
            <tr key={row.witnessId}>
              <th scope="row">{row.witnessName}</th>
              <td>{row.builders}</td>
              <td>
                {row.waiting > 0 ? <strong>{row.waiting}</strong> : row.waiting}
                <span className="visually-hidden"> waiting</span>
              </td>
              <td>{row.oldestWaitingSince ? formatInstant(row.oldestWaitingSince, user.timeZone) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Forbidden({ workspaceId, name }: { workspaceId: string; name: string | undefined }) {
  return (
    <div className="stack">
      <title>Cohort console · Recital</title>
      <h1>Cohort console</h1>
      <div className="card stack-small" role="alert">
        <h2>Only organizers can open the cohort console</h2>
        <p>
          It shows every builder’s days, checkpoints and witnesses{name ? ` in ${name}` : ''}, so it is kept
          for the workspace’s organizers. Ask one of them if you need these numbers.
        </p>
        <p>
          <Link to={`/workspaces/${workspaceId}`}>Back to the workspace</Link>
          {' · '}
          <Link to="/reviews">Your reviews</Link>
        </p>
      </div>
    </div>
  );
}

export function CohortPage() {
  const { workspaceId = '' } = useParams();
  const api = useApi();
  const { select } = useWorkspaces();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('days'));
  const days = WINDOWS.includes(requested) ? requested : 28;
  const workspace = useQuery(`workspace:${workspaceId}`, () =>
    api.call(getWorkspace, { params: { workspaceId } }),
  );
  const cohort = useQuery(`cohort:${workspaceId}:${days}`, () =>
    api.call(getCohort, { params: { workspaceId }, query: { days } }),
  );
  const organizer = workspace.data?.myRoles.includes('organizer') ?? false;
  const members = useQuery(`cohort-members:${workspaceId}:${organizer}`, async () =>
    organizer ? (await api.call(listMembers, { params: { workspaceId } })).members : null,
  );
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLParagraphElement>(null);
  useLiveReload(undefined, cohort.reload);

  const found = workspace.data?.id;
  useEffect(() => {
    if (found) select(found);
  }, [found, select]);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (isApiError(cohort.error, 'access.forbidden'))
    return <Forbidden workspaceId={workspaceId} name={workspace.data?.name} />;
  if (cohort.loading && !cohort.data) return <Loading label="Loading the cohort…" />;
  if (!cohort.data)
    return (
      <div className="stack">
        <title>Cohort console · Recital</title>
        <h1>Cohort console</h1>
        <LoadError error={cohort.error} onRetry={cohort.reload} />
        <p>
          <Link to="/">Back to your workspaces</Link>
        </p>
      </div>
    );

  const data = cohort.data;
  const witnesses = members.data ? members.data.filter((m) => m.roles.includes('witness')) : null;
  const csvHref = `${endpointUrl(COHORT_CSV_PATH, { workspaceId })}?days=${days}`;
  const risky = data.builders.filter(atRisk).length;
  const waiting = data.reviewLoad.reduce((sum, row) => sum + row.waiting, 0);
  const name = workspace.data?.name ?? 'Workspace';
  const changed = (message: string) => {
    setFlash(message);
    cohort.reload();
  };

  return (
    <div className="stack cohort-page">
      <title>{`Cohort console · ${name} · Recital`}</title>
      <div className="cohort-header">
        <div>
          <p className="eyebrow">
            <Link to={`/workspaces/${workspaceId}`}>{name}</Link>
          </p>
          <h1>Cohort console</h1>
          <p className="lead">
            {formatLocalDate(data.from)} to {formatLocalDate(data.through)}. Builders at risk come first.
          </p>
        </div>
        <div className="cohort-tools">
          <SelectField
            label="Window"
            name="days"
            value={String(days)}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              next.set('days', event.target.value);
              setParams(next, { replace: true });
            }}
          >
            {WINDOWS.map((n) => (
              <option key={n} value={n}>
                {n} days
              </option>
            ))}
          </SelectField>
          <a className="button button-secondary" href={csvHref} download>
            Download CSV
          </a>
        </div>
      </div>

      {flash && (
        <p ref={flashRef} tabIndex={-1} className="cp-flash" role="status">
          {flash}
        </p>
      )}

      <dl className="cohort-stats" aria-label="Summary">
        <Stat label="Builders" value={data.builders.length} />
        <Stat label="Builders at risk" value={risky} />
        <Stat label="Checkpoints at risk" value={data.checkpoints.atRisk.length} />
        <Stat label="Missed checkpoints" value={data.checkpoints.missed.length} />
        <Stat label="Waiting reviews" value={waiting} />
      </dl>

      <section className="card stack-small" aria-labelledby="at-risk-heading">
        <h2 id="at-risk-heading">At risk, before they are missed ({data.checkpoints.atRisk.length})</h2>
        <AtRiskList
          items={data.checkpoints.atRisk.map((c) => ({
            projectId: c.projectId,
            checkpointId: c.id,
            title: c.title,
            builderName: c.builderName,
            projectName: c.projectName,
            dueDate: c.dueDate,
            chance: c.chance ?? { probability: null, p85: null, note: 'No forecast stored yet.' },
          }))}
          threshold={workspace.data?.atRiskBelow}
          empty="No open checkpoint’s chance of holding is under the threshold."
        />
        {workspace.data && (
          <AtRiskThreshold
            key={workspace.data.atRiskBelow}
            workspace={workspace.data}
            onSaved={(message) => {
              workspace.reload();
              changed(message);
            }}
          />
        )}
      </section>

      <section className="card stack-small" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">Builders × days</h2>
        <Heatmap cohort={data} />
      </section>

      <section className="card stack-small" aria-labelledby="builders-heading">
        <h2 id="builders-heading">Builders, at risk first</h2>
        <p className="muted">
          Sorted by health, then by the days since their last evidence of work. Select builders to nudge them.
        </p>
        <Builders cohort={data} witnesses={witnesses} onChanged={changed} />
      </section>

      <div className="cohort-columns">
        <section className="card stack-small" aria-labelledby="missed-heading">
          <h2 id="missed-heading">Missed checkpoints ({data.checkpoints.missed.length})</h2>
          <CheckpointList items={data.checkpoints.missed} empty="No checkpoint was missed." />
        </section>
        <section className="card stack-small" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Upcoming checkpoints ({data.checkpoints.upcoming.length})</h2>
          <CheckpointList items={data.checkpoints.upcoming} empty="No checkpoint is coming up." />
        </section>
      </div>

      <section className="card stack-small" aria-labelledby="load-heading">
        <h2 id="load-heading">Review load per witness</h2>
        <p className="muted">
          {waiting === 0
            ? 'Nothing is waiting for review.'
            : `${plural(waiting, 'submission')} waiting for review.`}
        </p>
        <ReviewLoad cohort={data} />
      </section>
    </div>
  );
}
