import { useEffect, useId, useRef } from 'react';
import type { Cohort } from '../../../contracts/cohort.contract.js';
import '../../styles/checkpoint.css';
import '../../styles/cohort.css';

type Builder = Cohort['builders'][number];
type Verdict = Builder['days'][number]['verdict'];

/** Each verdict has its own shape and word; the colour only adds to them. */
export const VERDICTS: Record<Verdict | 'none', { label: string; short: string }> = {
  showed_up: { label: 'Shown up', short: 'shown up' },
  skipped: { label: 'Skipped', short: 'skipped' },
  paused: { label: 'Paused', short: 'paused' },
  grace: { label: 'Grace day', short: 'grace' },
  none: { label: 'Not planned or not judged yet', short: 'no verdict' },
};

const ORDER: Verdict[] = ['showed_up', 'skipped', 'paused', 'grace'];

/** Every local date from `from` through `through`, inclusive. */
export function datesBetween(from: string, through: string): string[] {
  const dates: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${through}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return dates;
  for (let at = start; at <= end && dates.length < 400; at += 86_400_000)
    dates.push(new Date(at).toISOString().slice(0, 10));
  return dates;
}

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'narrow', timeZone: 'UTC' });
const monthDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const at = (date: string) => new Date(`${date}T12:00:00Z`);

export function Mark({ verdict }: { verdict: Verdict | 'none' }) {
  return <span className={`hm-mark hm-${verdict}`} aria-hidden="true" />;
}

export function Legend() {
  return (
    <ul className="hm-legend" aria-label="Legend">
      {[...ORDER, 'none' as const].map((verdict) => (
        <li key={verdict}>
          <Mark verdict={verdict} /> {VERDICTS[verdict].label}
        </li>
      ))}
    </ul>
  );
}

function counts(builder: Builder): string {
  const parts = ORDER.flatMap((verdict) => {
    const n = builder.days.filter((d) => d.verdict === verdict).length;
    return n > 0 ? [`${n} ${VERDICTS[verdict].short}`] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : 'no verdicts yet';
}

/**
 * Builders × days as a real table: a row header per builder, a column header per date, and in each
 * cell a shape plus its word for screen readers (and as a tooltip), so colour is never the only signal.
 */
export function Heatmap({ cohort }: { cohort: Cohort }) {
  const dates = datesBetween(cohort.from, cohort.through);
  const captionId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The latest days matter most: on a narrow screen the table opens scrolled to today.
    const element = scroller.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, [cohort]);
  if (cohort.builders.length === 0) return <p className="empty">No builders in this workspace yet.</p>;
  return (
    <div className="stack-small">
      <Legend />
      <p id={captionId} className="muted">
        Verdicts by day, {monthDay.format(at(cohort.from))} to {monthDay.format(at(cohort.through))} (each
        builder’s local dates)
      </p>
      <div ref={scroller} className="hm-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="hm-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col" className="hm-corner">
                Builder
              </th>
              {dates.map((date) => (
                <th key={date} scope="col" className="hm-day">
                  <span aria-hidden="true" className="hm-weekday">
                    {weekday.format(at(date))}
                  </span>
                  <span aria-hidden="true">{Number(date.slice(8))}</span>
                  <span className="visually-hidden">{longDate.format(at(date))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohort.builders.map((builder) => {
              const byDate = new Map(builder.days.map((d) => [d.date, d.verdict]));
              return (
                <tr key={builder.projectId}>
                  <th scope="row" className="hm-name">
                    <span className="hm-builder">{builder.builderName}</span>
                    <span className="hm-project">{builder.projectName}</span>
                    <span className="hm-counts">{counts(builder)}</span>
                  </th>
                  {dates.map((date) => {
                    const verdict = byDate.get(date) ?? 'none';
                    const label = VERDICTS[verdict].label;
                    return (
                      <td
                        key={date}
                        className="hm-cell"
                        title={`${builder.builderName}, ${monthDay.format(at(date))}: ${label}`}
                      >
                        <Mark verdict={verdict} />
                        <span className="visually-hidden">{verdict === 'none' ? 'no verdict' : label}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
