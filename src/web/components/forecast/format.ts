/**
 * Forecasts in words. A forecast is never shown as certain: chances are clamped to ">99%" and "<1%",
 * dates beyond the simulated horizon say so, and a forecast without numbers shows its note instead.
 */
import type {
  CheckpointForecastDto,
  PaceDto,
  ProjectForecast,
} from '../../../contracts/forecast.contract.js';
import { formatChance } from '../../../core/forecast/chance.js';
import { formatDate, formatMinutes, plural } from '../charts/local-dates.js';

export { formatChance };

/** A threshold (0..1 or a whole percent) as "70%". */
export function formatThreshold(value: number): string {
  return `${Math.round(value <= 1 ? value * 100 : value)}%`;
}

/** A forecast date, with the year only when it is not this year's. */
export function forecastDate(date: string, today: string): string {
  return formatDate(date, { year: date.slice(0, 4) !== today.slice(0, 4) });
}

const BEYOND = 'beyond the forecast’s horizon';

/** "by Tue, Mar 17", or a plain "beyond the forecast’s horizon" when no run finished in time. */
function byDate(date: string | null, today: string): string {
  return date === null ? BEYOND : `by ${forecastDate(date, today)}`;
}

/**
 * The parts of a checkpoint's forecast line, or null when there is no number to give (the caller
 * shows the note instead).
 *
 * @example chanceParts(week2, '2026-03-10')
 * // { chance: '62% chance', due: 'by Fri, Mar 13', likely: 'likely done Tue, Mar 17', sure: '85% sure by Thu, Mar 19' }
 */
export function chanceParts(
  forecast: Pick<CheckpointForecastDto, 'probability' | 'dueDate' | 'p50' | 'p85'>,
  today: string,
): { chance: string; due: string; likely: string; sure: string } | null {
  if (forecast.probability === null) return null;
  return {
    chance: `${formatChance(forecast.probability)} chance`,
    due: `by ${forecastDate(forecast.dueDate, today)}`,
    likely:
      forecast.p50 === null ? `likely done ${BEYOND}` : `likely done ${forecastDate(forecast.p50, today)}`,
    sure: `85% sure ${byDate(forecast.p85, today)}`,
  };
}

/** The whole line as one sentence, for lists and text alternatives. */
export function chanceSentence(
  forecast: Pick<CheckpointForecastDto, 'probability' | 'dueDate' | 'p50' | 'p85' | 'note'>,
  today: string,
): string {
  const parts = chanceParts(forecast, today);
  if (!parts) return forecast.note;
  return `${parts.chance} ${parts.due} · ${parts.likely} · ${parts.sure}`;
}

/** A short label for a due-date marker on the chart. */
export function markerLabel(forecast: CheckpointForecastDto): string {
  if (forecast.kind === 'forecast' && forecast.probability !== null)
    return formatChance(forecast.probability);
  if (forecast.kind === 'done') return '✓';
  if (forecast.kind === 'closed') return '✕';
  return '?';
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * What the pace rests on, as short facts: days of history, timed tasks, typical output, overrun,
 * skipped days, scope growth and the number of simulated runs.
 */
export function paceFacts(pace: PaceDto, trials: number): string[] {
  const facts = [
    `Pace so far: ${plural(pace.historyDays, 'day')} of history` +
      (pace.historyDays > 0 ? ` (${pace.workedDays} worked, ${pace.skippedDays} skipped)` : '') +
      (pace.projects > 1 ? ` across ${plural(pace.projects, 'project')}` : ''),
    `${pace.timedTasks} of ${plural(pace.finishedTasks, 'finished task')} with known times`,
  ];
  if (pace.medianDailyMinutes !== null)
    facts.push(`typically ${formatMinutes(pace.medianDailyMinutes)} of estimated work on a worked day`);
  if (pace.medianOverrun !== null)
    facts.push(`tasks took ${Math.round(pace.medianOverrun * 100) / 100}× their estimates (median)`);
  if (pace.historyDays > 0) facts.push(`${percent(pace.skipRate)} of planned days skipped`);
  if (pace.scopeGrowthPerDay > 0) facts.push(`scope grew ${percent(pace.scopeGrowthPerDay)} a day`);
  facts.push(`${trials.toLocaleString('en-US')} simulated runs`);
  return facts;
}

type ConePoint = ProjectForecast['cone']['p50'][number];

/**
 * The cone in one sentence: where each percentile path ends, from today's done total.
 *
 * @example coneSentence(forecast, 720)
 * // 'From Tue, Mar 10: half of the simulated runs finish all open work by Tue, Mar 17, 85% by Thu, Mar 19 and 95% by Mon, Mar 23.'
 */
export function coneSentence(forecast: ProjectForecast, scopeMinutes: number): string | null {
  const { cone, today } = forecast;
  const last = (points: ConePoint[]) =>
    points.reduce<ConePoint | null>((a, p) => (!a || p.minutes >= a.minutes ? p : a), null);
  const p50 = last(cone.p50);
  if (!p50) return null;
  const p85 = last(cone.p85);
  const p95 = last(cone.p95);
  const all = p50.minutes >= scopeMinutes - 0.5;
  const what = all ? 'finish all open work' : `reach ${formatMinutes(p50.minutes)} of work done`;
  const tail = (label: string, point: ConePoint | null) =>
    point && point.minutes >= p50.minutes ? `${label} ${byDate(point.date, today)}` : `${label} ${BEYOND}`;
  return `From ${forecastDate(cone.from.date, today)}: half of the simulated runs ${what} by ${forecastDate(p50.date, today)}, ${tail('85%', p85)} and ${tail('95%', p95)}.`;
}
