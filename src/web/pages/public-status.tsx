import { useParams } from 'react-router';
import { getPublicStatus, type PublicStatus } from '../../contracts/status.contract.js';
import { DayHeatmap } from '../components/charts/day-heatmap.js';
import { formatDate, formatMinutes, plural } from '../components/charts/local-dates.js';
import { LoadError, Loading } from '../components/fields.js';
import { CheckpointStatusBadge } from '../components/plan/checkpoint-status.js';
import { HEALTH, HealthBadge } from '../components/plan/health.js';
import { listText } from '../components/plan/plan-model.js';
import { isApiError } from '../lib/api-errors.js';
import { useSession } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import '../styles/public-status.css';

function percent(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 100) : 0;
}

/** The last day the status knows of: the newest judged day (the page has no "today" of its own). */
function lastKnownDay(status: PublicStatus): string | null {
  const dates = [...status.days.map((day) => day.date), status.lastShowedUp].filter(
    (date): date is string => date !== null,
  );
  return dates.reduce<string | null>((max, date) => (max === null || date > max ? date : max), null);
}

/** "What happened to your project?" in two sentences. */
function headline(status: PublicStatus): string {
  const { builderName, progress, checkpoints } = status;
  const shown = status.lastShowedUp
    ? `${builderName} last showed up on ${formatDate(status.lastShowedUp, { year: true })}.`
    : `${builderName} has not shown up on a planned day yet.`;
  const work =
    progress.minutesTotal > 0
      ? ` ${formatMinutes(progress.minutesDone)} of ${formatMinutes(progress.minutesTotal)} of planned work is done (${percent(progress.minutesDone, progress.minutesTotal)}%).`
      : '';
  const hit = checkpoints.filter((c) => c.status === 'approved').length;
  const missed = checkpoints.filter((c) => c.status === 'missed').length;
  const parts = [`${hit} hit`, ...(missed > 0 ? [`${missed} missed`] : [])];
  const ahead = checkpoints.length - hit - missed;
  if (ahead > 0) parts.push(`${ahead} still open`);
  const cps = checkpoints.length > 0 ? ` Checkpoints: ${listText(parts)}.` : '';
  return `${shown}${work}${cps}`;
}

function NotFound() {
  return (
    <div className="auth">
      <title>Status page not found · Recital</title>
      <div>
        <h1>This status page is private or does not exist</h1>
        <p className="lead">
          Its builder may have taken it down, or the link may be mistyped. Ask them for the current link.
        </p>
      </div>
    </div>
  );
}

function StatusView({ status }: { status: PublicStatus }) {
  const { progress } = status;
  const through = lastKnownDay(status);
  const hit = status.checkpoints.filter((c) => c.status === 'approved').length;
  const missed = status.checkpoints.filter((c) => c.status === 'missed').length;
  return (
    <div className="status-page stack">
      <title>{`${status.name} · status · Recital`}</title>
      <header className="status-hero">
        <p className="eyebrow">Public status</p>
        <h1>{status.name}</h1>
        {status.summary && <p className="status-what">{status.summary}</p>}
        <p className="lead">
          {status.audience && (
            <>
              For <strong>{status.audience}</strong> ·{' '}
            </>
          )}
          Built by <strong>{status.builderName}</strong>
        </p>
      </header>

      <section className="card status-glance" aria-labelledby="glance-heading">
        <h2 id="glance-heading">What happened to this project?</h2>
        <p className="status-headline">
          <HealthBadge health={status.health} /> {headline(status)}
        </p>
        <dl className="status-facts">
          <div>
            <dt>Progress</dt>
            <dd>
              {progress.tasksDone} of {plural(progress.tasksTotal, 'task')} ·{' '}
              {formatMinutes(progress.minutesDone)} of {formatMinutes(progress.minutesTotal)}
              <progress
                className="status-meter"
                max={Math.max(1, progress.minutesTotal)}
                value={progress.minutesDone}
                aria-label={`${percent(progress.minutesDone, progress.minutesTotal)}% of planned hours done`}
              />
            </dd>
          </div>
          <div>
            <dt>Last showed up</dt>
            <dd>{status.lastShowedUp ? formatDate(status.lastShowedUp, { year: true }) : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Health</dt>
            <dd>
              {HEALTH[status.health].label}: {HEALTH[status.health].meaning}
            </dd>
          </div>
          <div>
            <dt>Streak</dt>
            <dd>
              {plural(status.streak.current, 'day')} (longest {plural(status.streak.longest, 'day')})
            </dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="days-heading">
        <h2 id="days-heading">Planned days, last 8 weeks</h2>
        {through ? (
          <DayHeatmap
            days={status.days}
            through={through}
            minWeeks={8}
            maxWeeks={8}
            label="Planned days of the last 8 weeks"
          />
        ) : (
          <p className="empty">No planned day has ended yet.</p>
        )}
      </section>

      <section className="card" aria-labelledby="status-checkpoints-heading">
        <h2 id="status-checkpoints-heading">Checkpoints</h2>
        {status.checkpoints.length === 0 ? (
          <p className="empty">No checkpoints are committed yet.</p>
        ) : (
          <>
            <p className="muted">
              {hit} hit, {missed} missed, {status.checkpoints.length - hit - missed} still open.
            </p>
            <ol className="status-checkpoints">
              {status.checkpoints.map((checkpoint) => (
                <li key={`${checkpoint.dueDate}:${checkpoint.title}`} className="status-checkpoint">
                  <div>
                    <p className="status-checkpoint-title">{checkpoint.title}</p>
                    <p className="muted">Due {formatDate(checkpoint.dueDate, { year: true })}</p>
                  </div>
                  <CheckpointStatusBadge status={checkpoint.status} late={checkpoint.late} />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <p className="muted status-footnote">
        Dates are in {status.timeZone}, the builder’s time zone. Recital judges each planned day once it has
        ended; proof for each checkpoint is approved by a witness.
      </p>
    </div>
  );
}

/** A project's public status page: no sign-in, only what the builder chose to publish. */
export function PublicStatusPage() {
  const { token = '' } = useParams();
  const { api } = useSession();
  const status = useQuery(`public-status:${token}`, () => api.call(getPublicStatus, { params: { token } }));

  if (status.loading) {
    return (
      <>
        <title>Status · Recital</title>
        <Loading label="Loading the status page…" />
      </>
    );
  }
  if (!status.data) {
    // A made-up token is either not found or not even shaped like one: both mean there is no such page.
    if (isApiError(status.error, 'projects.not_found') || isApiError(status.error, 'request.invalid')) {
      return <NotFound />;
    }
    return (
      <div className="auth">
        <title>Status · Recital</title>
        <h1>Status page</h1>
        <LoadError error={status.error} onRetry={status.reload} />
      </div>
    );
  }
  return <StatusView status={status.data} />;
}
