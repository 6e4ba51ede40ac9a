import type { CheckpointForecastDto } from '../../../contracts/forecast.contract.js';
import { chanceParts, forecastDate, formatChance, formatThreshold } from './format.js';
import '../../styles/forecast.css';

/** "At risk" as a symbol and words, with the threshold it fell under for screen readers and on hover. */
export function AtRiskBadge({ threshold }: { threshold?: number | undefined }) {
  const under = threshold === undefined ? '' : `: its chance is under ${formatThreshold(threshold)}`;
  return (
    <span className="status fc-at-risk" title={under ? `At risk${under}` : undefined}>
      <span aria-hidden="true">⚠</span> At risk
      {under && <span className="visually-hidden">{under}</span>}
    </span>
  );
}

const SETTLED: Record<
  Exclude<CheckpointForecastDto['kind'], 'forecast'>,
  { symbol: string; tone: string }
> = {
  done: { symbol: '✓', tone: 'done' },
  closed: { symbol: '✕', tone: 'closed' },
  unknown: { symbol: '?', tone: 'unknown' },
};

/**
 * A checkpoint's forecast in a line: "62% chance by Fri, Mar 13 · likely done Tue, Mar 17 · 85% sure
 * by Thu, Mar 19", an at-risk badge under the threshold, and what it is based on. Without a number
 * (too little history, done, missed) it says why instead.
 */
export function ChanceText({
  forecast,
  today,
  atRiskBelow,
  showNote = true,
}: {
  forecast: CheckpointForecastDto;
  today: string;
  atRiskBelow?: number | undefined;
  showNote?: boolean;
}) {
  const parts = forecast.kind === 'forecast' ? chanceParts(forecast, today) : null;
  if (!parts) {
    const settled = SETTLED[forecast.kind === 'forecast' ? 'unknown' : forecast.kind];
    return (
      <div className={`fc-chance fc-${settled.tone}`} data-testid="checkpoint-chance">
        <p>
          <span aria-hidden="true">{settled.symbol} </span>
          {forecast.kind === 'unknown' || forecast.kind === 'forecast' ? (
            <>
              <strong>No forecast yet.</strong> {forecast.note}
            </>
          ) : (
            forecast.note
          )}
        </p>
      </div>
    );
  }
  return (
    <div className={`fc-chance ${forecast.atRisk ? 'fc-risk' : 'fc-open'}`} data-testid="checkpoint-chance">
      <p className="fc-chance-line">
        {forecast.atRisk && (
          <>
            <AtRiskBadge threshold={atRiskBelow} />{' '}
          </>
        )}
        <strong>{parts.chance}</strong> {parts.due} · {parts.likely} · {parts.sure}
      </p>
      {showNote && <p className="fc-note">{forecast.note}</p>}
    </div>
  );
}

/**
 * A stored chance as consoles show it: "<1% chance by the due date · 85% sure by Thu, Mar 19", or
 * the note when there is no number.
 */
export function ChanceSummary({
  chance,
  dueDate,
}: {
  chance: { probability: number | null; p85: string | null; note: string };
  dueDate: string;
}) {
  if (chance.probability === null) return <span className="fc-summary">{chance.note}</span>;
  return (
    <span className="fc-summary">
      <strong>{formatChance(chance.probability)} chance</strong> by {forecastDate(dueDate, dueDate)} ·{' '}
      {chance.p85 === null
        ? '85% sure: beyond the forecast’s horizon'
        : `85% sure by ${forecastDate(chance.p85, dueDate)}`}
    </span>
  );
}
