import { Link } from 'react-router';
import type { CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import { daysBetween, formatDate, plural } from '../intake/time.js';

const STATUS: Record<CheckpointDto['status'], { glyph: string; label: string }> = {
  pending: { glyph: '○', label: 'Waiting for your proof' },
  submitted: { glyph: '◐', label: 'Proof sent, waiting for your witness' },
  approved: { glyph: '✓', label: 'Approved' },
  rejected: { glyph: '✕', label: 'Not approved yet: see the witness’s comment' },
  missed: { glyph: '!', label: 'Missed: submit late, it is still accepted' },
};

interface CheckpointCardProps {
  projectId: string;
  today: string;
  /** null: the project has no commitment yet. */
  checkpoints: CheckpointDto[] | null;
  /** Done task ids from the plan, for progress. */
  doneTasks: ReadonlySet<string>;
}

/** The next checkpoint that still needs something, with its date, state and what proof it asks for. */
export function CheckpointCard({ projectId, today, checkpoints, doneTasks }: CheckpointCardProps) {
  if (checkpoints === null) {
    return (
      <section className="card" aria-labelledby="checkpoint-heading" data-testid="checkpoint">
        <h2 id="checkpoint-heading">Next checkpoint</h2>
        <p className="empty">You have not committed yet, so there are no checkpoints and no witness.</p>
        <Link className="button button-primary" to={`/start?project=${projectId}`}>
          Finish setting up
        </Link>
      </section>
    );
  }
  const open = checkpoints
    .filter((checkpoint) => checkpoint.status !== 'approved')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const next = open[0];
  const approved = checkpoints.length - open.length;
  if (!next) {
    return (
      <section className="card" aria-labelledby="checkpoint-heading" data-testid="checkpoint">
        <h2 id="checkpoint-heading">Checkpoints</h2>
        <p className="empty">
          {checkpoints.length === 0
            ? 'Your commitment has no checkpoints.'
            : `All ${plural(checkpoints.length, 'checkpoint')} approved.`}
        </p>
      </section>
    );
  }
  const days = daysBetween(today, next.dueDate);
  const done = next.taskIds.filter((id) => doneTasks.has(id)).length;
  const status = STATUS[next.status];
  return (
    <section className="card checkpoint-card" aria-labelledby="checkpoint-heading" data-testid="checkpoint">
      <h2 id="checkpoint-heading">Next checkpoint</h2>
      <p className="checkpoint-title">{next.title}</p>
      <p className={days < 0 ? 'checkpoint-due checkpoint-late' : 'checkpoint-due'}>
        Due {formatDate(next.dueDate, { weekday: 'long' })} ·{' '}
        {days === 0
          ? 'today'
          : days === 1
            ? 'tomorrow'
            : days > 0
              ? `in ${days} days`
              : `${plural(-days, 'day')} ago`}
      </p>
      <p className={`checkpoint-status checkpoint-${next.status}`}>
        <span aria-hidden="true">{status.glyph} </span>
        {status.label}
      </p>
      {next.taskIds.length > 0 && (
        <>
          <p className="muted">
            {done} of {plural(next.taskIds.length, 'task')} done
          </p>
          <div className="meter" aria-hidden="true">
            <span className="meter-fill" style={{ width: `${(done / next.taskIds.length) * 100}%` }} />
          </div>
        </>
      )}
      {next.criteria.length > 0 && (
        <div>
          <h3 className="criteria-heading">Proof your witness looks for</h3>
          <ul className="criteria">
            {next.criteria.map((criterion) => (
              <li key={criterion}>{criterion}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="checkpoint-links">
        <Link to={`/projects/${projectId}/checkpoints/${encodeURIComponent(next.id)}`}>
          {next.status === 'pending' || next.status === 'rejected' || next.status === 'missed'
            ? 'Open the checkpoint to send proof'
            : 'Open the checkpoint'}
        </Link>
        {checkpoints.length > 1 && (
          <span className="muted">
            {approved} of {plural(checkpoints.length, 'checkpoint')} approved
          </span>
        )}
      </p>
    </section>
  );
}
