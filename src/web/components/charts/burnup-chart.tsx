import { Component, lazy, Suspense, useId, useState, type ReactNode } from 'react';
import type { ProjectForecast } from '../../../contracts/forecast.contract.js';
import type { Burnup } from '../../../contracts/status.contract.js';
import { ForecastBasis, ForecastLegendItems, ForecastTable } from '../forecast/forecast-basis.js';
import { coneSentence } from '../forecast/format.js';
import type { BurnupMeasure } from './burnup-canvas.js';
import { hasCone } from './forecast-cone.js';
import { formatDate, formatMinutes, plural } from './local-dates.js';
import '../../styles/charts.css';

// uPlot is loaded only when a burn-up is drawn, so no other page pays for it.
const BurnupCanvas = lazy(() => import('./burnup-canvas.js').then((m) => ({ default: m.BurnupCanvas })));

function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** One scope change in words: "version 2 on Mon, Mar 9 added 1 task and 4 h (“Refunds were asked for”)". */
export function describeScopeChange(change: Burnup['scopeChanges'][number]): string {
  const tasks = signed(change.deltaTasks, plural(Math.abs(change.deltaTasks), 'task'));
  const minutes = signed(change.deltaMinutes, formatMinutes(Math.abs(change.deltaMinutes)));
  const reason = change.reason ? `: “${change.reason}”` : ', no reason given';
  return `version ${change.version} on ${formatDate(change.date)} changed scope by ${tasks} and ${minutes}${reason}`;
}

/** What the burn-up shows, as a sentence or three: the chart's text alternative. */
export function burnupSummary(burnup: Burnup): string {
  const first = burnup.points[0];
  const last = burnup.points.at(-1);
  if (!first || !last) return 'There is no plan yet, so there is nothing to chart.';
  const { progress } = burnup;
  const percent =
    progress.minutesTotal > 0 ? Math.round((progress.minutesDone / progress.minutesTotal) * 100) : 0;
  const span =
    first.date === last.date
      ? `On ${formatDate(last.date)}`
      : `From ${formatDate(first.date)} to ${formatDate(last.date)}`;
  const done = `${span}, ${formatMinutes(progress.minutesDone)} of ${formatMinutes(progress.minutesTotal)} of planned work is done (${percent}%; ${progress.tasksDone} of ${plural(progress.tasksTotal, 'task')}).`;
  if (burnup.scopeChanges.length === 0) return `${done} Scope has not changed since the first version.`;
  const changes = burnup.scopeChanges.map(describeScopeChange);
  const count = burnup.scopeChanges.length === 1 ? 'once' : `${burnup.scopeChanges.length} times`;
  return `${done} Scope changed ${count}: ${changes.join('; ')}.`;
}

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <p className="chart-fallback">
          The chart could not be drawn here. The summary below says what it shows.
        </p>
      );
    }
    return this.props.children;
  }
}

/**
 * Plan scope against work done, day by day, with every scope change marked by its version and, when
 * a forecast is given, its cone from today and each checkpoint's due date with its chance. The canvas
 * is decorative for assistive technology: summary sentences and visually hidden tables say the same.
 */
export function BurnupChart({
  burnup,
  forecast,
}: {
  burnup: Burnup;
  forecast?: ProjectForecast | undefined;
}) {
  const [measure, setMeasure] = useState<BurnupMeasure>('hours');
  const name = useId();
  const summary = burnupSummary(burnup);
  const hours = measure === 'hours';
  const cone = forecast !== undefined && hasCone(forecast.cone);
  const coneText = forecast ? coneSentence(forecast, burnup.progress.minutesTotal) : null;
  const label = `Burn-up chart. ${summary}${coneText ? ` Forecast: ${coneText}` : ''}`;

  if (burnup.points.length === 0) return <p className="empty">{summary}</p>;

  return (
    <figure className="chart burnup">
      <fieldset className="chart-toggle">
        <legend>Measure</legend>
        {(['hours', 'tasks'] as const).map((option) => (
          <label key={option} className="chart-toggle-option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={measure === option}
              onChange={() => setMeasure(option)}
            />
            {option === 'hours' ? 'Hours' : 'Tasks'}
          </label>
        ))}
      </fieldset>
      <div className="burnup-plot" role="img" aria-label={label}>
        <ChartBoundary>
          <Suspense fallback={<p className="chart-fallback">Drawing the chart…</p>}>
            <BurnupCanvas
              points={burnup.points}
              scopeChanges={burnup.scopeChanges}
              measure={measure}
              forecast={forecast}
            />
          </Suspense>
        </ChartBoundary>
      </div>
      <figcaption className="chart-caption">
        <ul className="burnup-legend" aria-label="Legend">
          <li>
            <span className="line-swatch line-scope" aria-hidden="true" /> Plan (scope), dashed
          </li>
          <li>
            <span className="line-swatch line-done" aria-hidden="true" /> Done, solid and shaded
          </li>
          {burnup.scopeChanges.length > 0 && (
            <li>
              <span className="line-swatch line-change" aria-hidden="true" /> Scope change, labelled with its
              version
            </li>
          )}
          {forecast && <ForecastLegendItems cone={cone && hours} markers={forecast.checkpoints.length > 0} />}
        </ul>
        <p className="chart-summary" data-testid="burnup-summary">
          {summary}
        </p>
        {forecast && (
          <ForecastBasis forecast={forecast} scopeMinutes={burnup.progress.minutesTotal} coneShown={hours} />
        )}
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>Burn-up by day ({hours ? 'hours' : 'tasks'})</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Planned</th>
              <th scope="col">Done</th>
            </tr>
          </thead>
          <tbody>
            {burnup.points.map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatDate(point.date, { year: true })}</th>
                <td>{hours ? formatMinutes(point.scopeMinutes) : plural(point.scopeTasks, 'task')}</td>
                <td>{hours ? formatMinutes(point.doneMinutes) : plural(point.doneTasks, 'task')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {forecast && <ForecastTable forecast={forecast} />}
      </div>
    </figure>
  );
}
