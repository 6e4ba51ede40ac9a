import { Link } from 'react-router';
import type { ContractDto } from '../../../contracts/commitments.contract.js';
import { formatLocalDate } from '../../lib/when.js';
import { formatMinutes, ladderSentence, WEEKDAYS, weeklyMinutes } from './describe.js';

interface InForceProps {
  projectId: string;
  contract: ContractDto;
  titles: Record<string, string>;
  nameOf(userId: string): string;
  /** The builder's zone, which days and due dates follow. */
  builderZone: string | undefined;
}

/** What the builder is held to right now, in words. */
export function ContractInForce({ projectId, contract, titles, nameOf, builderZone }: InForceProps) {
  const checkpoints = [...contract.checkpoints].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const weekly = weeklyMinutes(contract);
  return (
    <section className="card stack-small ct-card" aria-labelledby="in-force-heading">
      <div>
        <h2 id="in-force-heading">In force now</h2>
        {builderZone && (
          <p className="muted">
            Days and due dates follow the builder’s time zone, {builderZone.replaceAll('_', ' ')}.
          </p>
        )}
      </div>

      <h3>Hours per weekday</h3>
      <dl className="ct-week">
        {WEEKDAYS.map((day) => {
          const minutes = contract.minutesPerWeekday[day.key];
          return (
            <div key={day.key} className={minutes > 0 ? 'ct-week-day' : 'ct-week-day ct-week-rest'}>
              <dt>
                <abbr title={day.name}>{day.short}</abbr>
              </dt>
              <dd>{formatMinutes(minutes)}</dd>
            </div>
          );
        })}
      </dl>
      <p className="muted">{formatMinutes(weekly).replace('Rest day', 'No hours')} a week in total.</p>

      <h3>Checkpoints</h3>
      {checkpoints.length === 0 ? (
        <p className="empty">No checkpoints.</p>
      ) : (
        <ol className="ct-checkpoints">
          {checkpoints.map((cp) => (
            <li key={cp.id}>
              <p>
                <Link
                  to={`/projects/${projectId}/checkpoints/${encodeURIComponent(cp.id)}`}
                  className="list-title"
                >
                  {titles[cp.id] ?? cp.id}
                </Link>{' '}
                <span className="muted">due {formatLocalDate(cp.dueDate)}</span>
              </p>
              {cp.criteria.length > 0 && (
                <ul className="ct-criteria">
                  {cp.criteria.map((criterion, i) => (
                    <li key={i}>{criterion}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}

      <h3>Witnesses</h3>
      <dl className="facts">
        <dt>{contract.witnesses.length === 1 ? 'Witness' : 'Witnesses'}</dt>
        <dd>{contract.witnesses.length > 0 ? contract.witnesses.map(nameOf).join(', ') : 'None'}</dd>
        <dt>Backup witness</dt>
        <dd>{contract.backupWitness ? nameOf(contract.backupWitness) : 'None'}</dd>
      </dl>

      <h3>If days are skipped</h3>
      {contract.ladder.length === 0 ? (
        <p>Nothing happens beyond the day’s verdict.</p>
      ) : (
        <ul className="ct-ladder">
          {[...contract.ladder]
            .sort((a, b) => a.afterConsecutiveSkips - b.afterConsecutiveSkips)
            .map((step) => (
              <li key={`${step.afterConsecutiveSkips}:${step.action}`}>{ladderSentence(step)}</li>
            ))}
        </ul>
      )}

      <h3>Grace and sprints</h3>
      <p>
        {contract.graceTokensPerSprint === 0
          ? 'No grace tokens'
          : `${contract.graceTokensPerSprint} grace ${contract.graceTokensPerSprint === 1 ? 'token' : 'tokens'}`}{' '}
        per sprint of {contract.sprintLengthDays} {contract.sprintLengthDays === 1 ? 'day' : 'days'}. A grace
        token excuses one planned day, so it is not counted as skipped.
      </p>

      <h3>Commits</h3>
      <p>
        {contract.commitsCloseTasks
          ? 'A commit that says “fixes T12” marks the task done once it is merged into the default branch.'
          : 'Commits count as evidence of work; tasks are marked done by hand.'}
      </p>
    </section>
  );
}
