import { formatMinutes, plural } from '../charts/local-dates.js';
import { Loading } from '../fields.js';
import { useForecast } from '../../lib/forecast.js';
import { useLiveReload } from '../../lib/live.js';
import { ChanceText } from './checkpoint-chance.js';
import { chanceSentence, forecastDate, formatThreshold, paceFacts } from './format.js';
import '../../styles/forecast.css';

/**
 * The checkpoint page's forecast card: the chance it holds, the P50/P85/P95 dates, the open work it
 * carries, the throughput cross-check, and what the numbers rest on.
 */
export function CheckpointForecast({ projectId, checkpointId }: { projectId: string; checkpointId: string }) {
  const query = useForecast(projectId);
  useLiveReload(projectId, query.reload);
  const forecast = query.data;
  const mine = forecast?.checkpoints.find((c) => c.checkpointId === checkpointId);

  let body;
  if (query.loading && !forecast) body = <Loading label="Forecasting…" />;
  else if (!forecast) body = <p className="muted">The forecast could not be loaded just now.</p>;
  else if (!mine) body = <p className="fc-note">{forecast.note}</p>;
  else {
    const { today } = forecast;
    body = (
      <>
        <ChanceText forecast={mine} today={today} atRiskBelow={forecast.atRiskBelow} />
        {mine.kind === 'forecast' && (
          <ul className="fc-details">
            <li>
              {mine.p95 === null
                ? '95% sure only beyond the forecast’s horizon.'
                : `95% sure by ${forecastDate(mine.p95, today)}.`}
            </li>
            <li>
              Open work: {plural(mine.openTasks, 'task')} of its own; {formatMinutes(mine.openMinutes)}{' '}
              estimated before its date, earlier checkpoints’ work included.
            </li>
            {mine.coldStart && (
              <li>
                The builder’s own history is still short, so estimates are widened by the error people
                typically make.
              </li>
            )}
            <li>
              Cross-check from daily output alone:{' '}
              {chanceSentence({ ...mine.throughput, dueDate: mine.dueDate }, today)}
              {mine.throughput.probability !== null && '.'}
            </li>
          </ul>
        )}
        {(mine.kind === 'forecast' || mine.kind === 'unknown') && (
          <p className="fc-facts">
            {paceFacts(forecast.pace, forecast.trials).join(' · ')}. A checkpoint is at risk under{' '}
            {formatThreshold(forecast.atRiskBelow)}.
          </p>
        )}
      </>
    );
  }
  return (
    <section className="card stack-small" aria-labelledby="cp-forecast-heading">
      <h2 id="cp-forecast-heading">Forecast</h2>
      {body}
    </section>
  );
}
