import { useId, useState } from 'react';
import { Link } from 'react-router';
import { spendGrace, type Days, type GraceAllowance } from '../../../contracts/days.contract.js';
import { humanMessage } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { addDays, formatDate, plural } from '../intake/time.js';

type Verdict = Days['verdicts'][number]['verdict'];
type Mark = Verdict | 'today' | 'none' | 'before';

const MARKS: Record<Mark, { glyph: string; label: string }> = {
  showed_up: { glyph: '●', label: 'Showed up' },
  skipped: { glyph: '✕', label: 'Skipped' },
  grace: { glyph: '◆', label: 'Grace token' },
  paused: { glyph: '‖', label: 'Paused' },
  today: { glyph: '◌', label: 'Today, still open' },
  none: { glyph: '·', label: 'Nothing planned' },
  before: { glyph: '·', label: 'Before your commitment' },
};

const HEALTH: Record<Days['health']['state'], { glyph: string; label: string; text: string }> = {
  on_track: { glyph: '●', label: 'On track', text: 'You are showing up for your planned days.' },
  slipping: {
    glyph: '▲',
    label: 'Slipping',
    text: 'A planned day was skipped. Show up today to end the run.',
  },
  stalled: { glyph: '■', label: 'Stalled', text: 'Several planned days in a row were skipped.' },
};

export function HealthBadge({ days }: { days: Days }) {
  const health = HEALTH[days.health.state];
  return (
    <p className={`health health-${days.health.state}`} data-testid="health">
      <span aria-hidden="true" className="health-glyph">
        {health.glyph}
      </span>
      {health.label}
      {days.health.replanRequired && <span className="health-replan"> · Re-plan required</span>}
    </p>
  );
}

function lastDays(days: Days, today: string): { date: string; mark: Mark }[] {
  const byDate = new Map(days.verdicts.map((verdict) => [verdict.date, verdict.verdict]));
  return Array.from({ length: 14 }, (_, i) => {
    const date = addDays(today, i - 13);
    const verdict = byDate.get(date);
    const mark: Mark = verdict
      ? verdict
      : date === today
        ? 'today'
        : !days.verdictsFrom || date < days.verdictsFrom
          ? 'before'
          : 'none';
    return { date, mark };
  });
}

/** "1 of 2 grace tokens left this sprint (renews Mon, Mar 16)". */
function graceLeftText(grace: GraceAllowance): string {
  const renews = grace.renewsOn ? ` (renews ${formatDate(grace.renewsOn)})` : '';
  return `${grace.tokensLeft} of ${plural(grace.tokensPerSprint, 'grace token')} left this sprint${renews}`;
}

interface GraceProps {
  projectId: string;
  today: string;
  days: Days;
  grace: GraceAllowance;
  onSpent(message: string): void;
}

/** Spend a grace token on today, or on yesterday if it closed as skipped, after a confirmation. */
function Grace({ projectId, today, days, grace, onSpent }: GraceProps) {
  const api = useApi();
  const yesterday = addDays(today, -1);
  const yesterdaySkipped = days.verdicts.some((v) => v.date === yesterday && v.verdict === 'skipped');
  const [asking, setAsking] = useState(false);
  const [date, setDate] = useState(today);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const whyId = useId();

  if (grace.tokensPerSprint === 0) {
    return <p className="muted">Your commitment has no grace tokens. To take time off, pause in advance.</p>;
  }

  const spend = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await api.call(spendGrace, { params: { projectId }, body: { date } });
      setAsking(false);
      onSpent(
        `Grace token spent on ${formatDate(result.date, { weekday: 'long' })}: it will not count as skipped.`,
      );
    } catch (caught) {
      setError(humanMessage(caught));
    } finally {
      setPending(false);
    }
  };

  if (!asking) {
    const none = grace.tokensLeft === 0;
    const renews = grace.renewsOn
      ? `on ${formatDate(grace.renewsOn, { weekday: 'long' })}`
      : 'with the next sprint';
    return (
      <div className="grace" data-testid="grace">
        <p className="grace-left">{graceLeftText(grace)}</p>
        <button
          type="button"
          className="button button-secondary"
          disabled={none}
          aria-describedby={whyId}
          onClick={() => {
            setAsking(true);
            setDate(today);
            setError(null);
          }}
        >
          Spend a grace token…
        </button>
        <p className="muted" id={whyId}>
          {none
            ? `None left: new ones come ${renews}. A token spent on a day you then show up for comes back.`
            : 'For a day you cannot make; it comes back if you show up anyway.'}
        </p>
      </div>
    );
  }

  return (
    <div className="grace-confirm" role="group" aria-labelledby="grace-question">
      <p id="grace-question" className="grace-question">
        Excuse {date === today ? 'today' : 'yesterday'} with a grace token?
      </p>
      {yesterdaySkipped && (
        <fieldset className="grace-days">
          <legend className="visually-hidden">Which day</legend>
          <label className="check">
            <input type="radio" name="grace-day" checked={date === today} onChange={() => setDate(today)} />
            <span>Today, {formatDate(today)}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="grace-day"
              checked={date === yesterday}
              onChange={() => setDate(yesterday)}
            />
            <span>Yesterday, {formatDate(yesterday)} (skipped)</span>
          </label>
        </fieldset>
      )}
      <p className="muted">
        {formatDate(date, { weekday: 'long' })} will not count as skipped and your streak keeps going. Your
        witness can see grace days.
      </p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={pending}
          onClick={() => void spend()}
        >
          {pending ? 'Spending…' : 'Yes, spend a token'}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={pending}
          onClick={() => setAsking(false)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

interface DaysCardProps {
  projectId: string;
  today: string;
  days: Days;
  canSpendGrace: boolean;
  onChanged(message: string): void;
}

/** Shown-up streak, health, the last 14 days as marks that differ by shape and text, and grace. */
export function DaysCard({ projectId, today, days, canSpendGrace, onChanged }: DaysCardProps) {
  const health = HEALTH[days.health.state];
  const marks = lastDays(days, today);
  const used = new Set(marks.map((m) => m.mark));
  return (
    <section className="card days-card" aria-labelledby="days-heading" data-testid="days">
      <h2 id="days-heading">Showing up</h2>
      <div className="streak">
        <p className="streak-figure">
          <span className="streak-number">{days.streak.current}</span>
          <span className="streak-unit">{days.streak.current === 1 ? 'day' : 'days'}</span>
        </p>
        <p className="muted" data-testid="streak">
          {days.streak.current === 0
            ? 'No streak yet: show up on your next planned day.'
            : `${plural(days.streak.current, 'planned day')} in a row shown up`}
          {days.streak.longest > days.streak.current && ` · longest ${plural(days.streak.longest, 'day')}`}
        </p>
      </div>
      <div className={`health-box health-${days.health.state}`}>
        <p>
          <span className="health-name">
            <span aria-hidden="true">{health.glyph} </span>
            {health.label}.
          </span>{' '}
          {health.text}
          {days.health.consecutiveSkips > 0 &&
            ` ${plural(days.health.consecutiveSkips, 'skipped day')} in a row.`}
        </p>
        {days.health.replanRequired && (
          <p className="warning">
            Your commitment asks for a re-plan:{' '}
            <Link to={`/projects/${projectId}/plan`}>import an updated plan</Link> that fits your real pace.
          </p>
        )}
      </div>
      <div>
        <h3 className="marks-heading">Last 14 days</h3>
        <ol className="marks" aria-label="Last 14 days, oldest first">
          {marks.map(({ date, mark }) => (
            <li
              key={date}
              className={`mark mark-${mark}`}
              title={`${formatDate(date)}: ${MARKS[mark].label}`}
            >
              <span className="mark-glyph" aria-hidden="true">
                {MARKS[mark].glyph}
              </span>
              <span className="mark-day" aria-hidden="true">
                {formatDate(date, { weekday: 'short' }).slice(0, 2)}
              </span>
              <span className="visually-hidden">
                {formatDate(date)}: {MARKS[mark].label}
              </span>
            </li>
          ))}
        </ol>
        <ul className="marks-legend" aria-hidden="true">
          {(Object.keys(MARKS) as Mark[])
            .filter((mark) => used.has(mark))
            .map((mark) => (
              <li key={mark} className={`mark-${mark}`}>
                <span className="mark-glyph">{MARKS[mark].glyph}</span> {MARKS[mark].label}
              </li>
            ))}
        </ul>
        {days.verdictsFrom && today < days.verdictsFrom && (
          <p className="muted">
            Your first judged day is {formatDate(days.verdictsFrom, { weekday: 'long' })}.
          </p>
        )}
        {!days.verdictsFrom && <p className="muted">Days are judged once your hours are saved.</p>}
      </div>
      {canSpendGrace && days.grace && (
        <Grace projectId={projectId} today={today} days={days} grace={days.grace} onSpent={onChanged} />
      )}
    </section>
  );
}
