import type { ProjectForecast } from '../../../contracts/forecast.contract.js';
import { chanceSentence, coneSentence, forecastDate, formatChance, paceFacts } from './format.js';
import '../../styles/forecast.css';

/** The burn-up legend's forecast entries: what each cone line and marker means. */
export function ForecastLegendItems({ cone, markers }: { cone: boolean; markers: boolean }) {
  return (
    <>
      {cone && (
        <>
          <li>
            <span className="line-swatch fc-line-p50" aria-hidden="true" /> Forecast, likely path (P50)
          </li>
          <li>
            <span className="line-swatch fc-line-p85" aria-hidden="true" /> 85% sure, dashed
          </li>
          <li>
            <span className="fc-band-swatch" aria-hidden="true" /> Shaded: from likely to 95% sure
          </li>
        </>
      )}
      {markers && (
        <li>
          <span className="line-swatch fc-line-due" aria-hidden="true" /> Checkpoint due, labelled with its
          chance
        </li>
      )}
    </>
  );
}

/**
 * What the forecast rests on, under the chart: the cone in a sentence, the server's note, and the
 * pace facts (days of history, timed tasks, simulated runs). Never a promise.
 */
export function ForecastBasis({
  forecast,
  scopeMinutes,
  coneShown,
}: {
  forecast: ProjectForecast;
  scopeMinutes: number;
  coneShown: boolean;
}) {
  const cone = coneSentence(forecast, scopeMinutes);
  return (
    <div className="fc-basis" data-testid="forecast-basis">
      <p>
        <strong>Forecast, not a promise.</strong>{' '}
        {cone
          ? coneShown
            ? cone
            : `${cone} The cone is drawn in hours: choose Hours to see it.`
          : 'No forecast cone: there is no number to give yet.'}
      </p>
      <p className="fc-note">{forecast.note}</p>
      <p className="fc-facts">{paceFacts(forecast.pace, forecast.trials).join(' · ')}.</p>
    </div>
  );
}

/** The forecast's numbers per checkpoint, for screen readers (the canvas says nothing to them). */
export function ForecastTable({ forecast }: { forecast: ProjectForecast }) {
  if (forecast.checkpoints.length === 0) return null;
  const date = (value: string | null) =>
    value === null ? 'beyond the horizon' : forecastDate(value, forecast.today);
  return (
    <table>
      <caption>
        Forecast by checkpoint (from {forecast.trials.toLocaleString('en-US')} simulated runs)
      </caption>
      <thead>
        <tr>
          <th scope="col">Checkpoint</th>
          <th scope="col">Due</th>
          <th scope="col">Chance by then</th>
          <th scope="col">Likely done (P50)</th>
          <th scope="col">85% sure by</th>
          <th scope="col">95% sure by</th>
        </tr>
      </thead>
      <tbody>
        {forecast.checkpoints.map((c) => (
          <tr key={c.checkpointId}>
            <th scope="row">{c.title}</th>
            <td>{forecastDate(c.dueDate, forecast.today)}</td>
            {c.kind === 'forecast' && c.probability !== null ? (
              <>
                <td>
                  {formatChance(c.probability)}
                  {c.atRisk ? ' (at risk)' : ''}
                </td>
                <td>{date(c.p50)}</td>
                <td>{date(c.p85)}</td>
                <td>{date(c.p95)}</td>
              </>
            ) : (
              <td colSpan={4}>{chanceSentence(c, forecast.today)}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
