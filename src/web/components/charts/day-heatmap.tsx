import {
  addDays,
  dateRange,
  daysBetween,
  formatDate,
  formatMonth,
  formatWeekday,
  plural,
  startOfWeek,
} from './local-dates.js';
import { VERDICT_ORDER, VERDICTS, type Verdict } from './verdicts.js';
import '../../styles/charts.css';

export interface HeatmapDay {
  date: string;
  verdict: Verdict;
  /** Why the day got its verdict, when known: read out in the table. */
  reason?: string;
}

interface DayHeatmapProps {
  days: readonly HeatmapDay[];
  /** The last day shown: today where the builder lives. */
  through: string;
  /** Show at least this many weeks (8 by default); more when the days reach further back. */
  minWeeks?: number;
  /** Never more than this many weeks (53 by default). */
  maxWeeks?: number;
  /** What the chart is called, for its text alternative: "Shown-up days". */
  label?: string;
}

type CellState = Verdict | 'none' | 'future';

const WEEKDAY_LABELS = [true, false, true, false, true, false, false];

/** A sentence that says what the heatmap shows. */
export function heatmapSummary(days: readonly HeatmapDay[], from: string, through: string): string {
  const shown = days.filter((day) => day.date >= from && day.date <= through);
  const range = `${formatDate(from, { weekday: false })} to ${formatDate(through, { weekday: false, year: true })}`;
  if (shown.length === 0) return `No planned day was judged from ${range}.`;
  const count = (verdict: Verdict) => shown.filter((day) => day.verdict === verdict).length;
  const others = VERDICT_ORDER.filter((verdict) => verdict !== 'showed_up' && count(verdict) > 0).map(
    (verdict) => `${count(verdict)} ${VERDICTS[verdict].label.toLowerCase()}`,
  );
  return (
    `Showed up on ${count('showed_up')} of ${plural(shown.length, 'judged day')} from ${range}` +
    (others.length > 0 ? `; ${others.join(', ')}.` : '.')
  );
}

/**
 * A calendar heatmap of judged days: one column per week, Monday on top. Each verdict has its own
 * symbol and fill, a legend says which is which, and a visually hidden table lists every judged day.
 */
export function DayHeatmap({
  days,
  through,
  minWeeks = 8,
  maxWeeks = 53,
  label = 'Shown-up days',
}: DayHeatmapProps) {
  const lastWeek = startOfWeek(through);
  const earliest = days.reduce((min, day) => (day.date < min ? day.date : min), through);
  const wanted = Math.floor(daysBetween(startOfWeek(earliest), lastWeek) / 7) + 1;
  const weeks = Math.min(maxWeeks, Math.max(minWeeks, wanted));
  const firstWeek = addDays(lastWeek, -(weeks - 1) * 7);
  const from = firstWeek;
  const byDate = new Map(days.map((day) => [day.date, day]));
  const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(firstWeek, i * 7));
  const inRange = days
    .filter((day) => day.date >= from && day.date <= through)
    .sort((a, b) => a.date.localeCompare(b.date));
  const summary = heatmapSummary(days, from, through);
  const withReasons = inRange.some((day) => day.reason);

  const stateOf = (date: string): CellState => {
    if (date > through) return 'future';
    return byDate.get(date)?.verdict ?? 'none';
  };

  const titleOf = (date: string, state: CellState): string => {
    const when = formatDate(date, { year: true });
    if (state === 'future') return `${when}: still to come`;
    if (state === 'none') return `${when}: no planned work judged`;
    return `${when}: ${VERDICTS[state].label}`;
  };

  return (
    <figure className="chart heatmap">
      {/* Long ranges scroll sideways; the scroll box then takes focus so keys can scroll it. */}
      <div
        className="heatmap-scroll"
        {...(weeks > 12 ? { tabIndex: 0, role: 'group', 'aria-label': `${label}, scrolls sideways` } : {})}
      >
        <div
          className="heatmap-grid"
          role="img"
          aria-label={`${label}. ${summary} Each day is listed in the table that follows.`}
          style={{ ['--weeks' as string]: weeks }}
        >
          <span className="heatmap-corner" />
          {weekStarts.map((week, i) => {
            const firstOfMonth = dateRange(week, addDays(week, 6)).find((date) => date.endsWith('-01'));
            const monthOf = i === 0 ? week : firstOfMonth;
            return (
              <span key={week} className="heatmap-month">
                {monthOf ? formatMonth(monthOf) : ''}
              </span>
            );
          })}
          {WEEKDAY_LABELS.map((labelled, row) => (
            <HeatmapRow
              key={row}
              row={row}
              labelled={labelled}
              weekStarts={weekStarts}
              through={through}
              stateOf={stateOf}
              titleOf={titleOf}
            />
          ))}
        </div>
      </div>
      <figcaption className="chart-caption">
        <p className="chart-summary">{summary}</p>
        <ul className="heatmap-legend" aria-label="Legend">
          {VERDICT_ORDER.map((verdict) => (
            <li key={verdict}>
              <span className={`heat-cell heat-${verdict}`} aria-hidden="true">
                {VERDICTS[verdict].symbol}
              </span>
              {VERDICTS[verdict].label}
            </li>
          ))}
          <li>
            <span className="heat-cell heat-none" aria-hidden="true" />
            No work planned
          </li>
        </ul>
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>{`${label}: every judged day`}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Verdict</th>
              {withReasons && <th scope="col">Why</th>}
            </tr>
          </thead>
          <tbody>
            {inRange.length === 0 && (
              <tr>
                <td colSpan={withReasons ? 3 : 2}>No judged days yet.</td>
              </tr>
            )}
            {inRange.map((day) => (
              <tr key={day.date}>
                <th scope="row">{formatDate(day.date, { year: true })}</th>
                <td>{VERDICTS[day.verdict].label}</td>
                {withReasons && <td>{day.reason ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function HeatmapRow(props: {
  row: number;
  labelled: boolean | undefined;
  weekStarts: string[];
  through: string;
  stateOf(date: string): CellState;
  titleOf(date: string, state: CellState): string;
}) {
  const { row, labelled, weekStarts, through, stateOf, titleOf } = props;
  const first = weekStarts[0];
  return (
    <>
      <span className="heatmap-weekday">{labelled && first ? formatWeekday(addDays(first, row)) : ''}</span>
      {weekStarts.map((week) => {
        const date = addDays(week, row);
        const state = stateOf(date);
        const symbol = state === 'none' || state === 'future' ? '' : VERDICTS[state].symbol;
        return (
          <span
            key={date}
            className={`heat-cell heat-${state}${date === through ? ' heat-today' : ''}`}
            title={titleOf(date, state)}
          >
            {symbol}
          </span>
        );
      })}
    </>
  );
}
