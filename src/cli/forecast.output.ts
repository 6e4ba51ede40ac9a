/** `recital forecast` as text: what it rests on, then one row per checkpoint and its notes. */
import type { CheckpointForecastDto, ProjectForecast } from '../contracts/forecast.contract.js';
import { formatChance } from '../core/forecast/chance.js';
import { formatLocalDate } from './checkpoint.output.js';
import { formatTable, sanitize } from './output.js';

const dateOrBeyond = (date: string | null, kind: CheckpointForecastDto['kind']) =>
  kind !== 'forecast' ? '' : date === null ? 'later' : formatLocalDate(date);

function chanceCell(checkpoint: CheckpointForecastDto): string {
  if (checkpoint.kind === 'forecast' && checkpoint.probability !== null)
    return `${formatChance(checkpoint.probability)}${checkpoint.atRisk ? ' at risk' : ''}`;
  if (checkpoint.kind === 'unknown') return 'unknown';
  return checkpoint.status;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The pace in one line: worked and skipped days, a typical day's output, and the typical overrun. */
export function formatPace(pace: ProjectForecast['pace']): string {
  if (pace.historyDays === 0) return 'Pace: no judged days yet.';
  const parts = [`${plural(pace.workedDays, 'day')} worked, ${pace.skippedDays} skipped`];
  if (pace.medianDailyMinutes !== null)
    parts.push(`a worked day finishes ${pace.medianDailyMinutes} min of estimated work`);
  if (pace.medianOverrun !== null)
    parts.push(
      `tasks take ${pace.medianOverrun}× their estimates (${plural(pace.timedTasks, 'timed task')})`,
    );
  if (pace.scopeGrowthPerDay > 0)
    parts.push(`the plan grows ${(pace.scopeGrowthPerDay * 100).toFixed(1)}% a day`);
  return `Pace: ${parts.join('; ')}.`;
}

export function formatForecast(projectName: string, forecast: ProjectForecast): string {
  const lines = [
    `${sanitize(projectName)}: forecast for ${formatLocalDate(forecast.today)} in ${forecast.timeZone}`,
    sanitize(forecast.note),
    formatPace(forecast.pace),
  ];
  if (forecast.calibration)
    lines.push(
      `Calibration: schedules allow ${forecast.calibration.factor}× each estimate, from ${plural(forecast.calibration.tasks, 'finished task')}.`,
    );
  if (forecast.checkpoints.length === 0) return `${lines.join('\n')}\n`;
  lines.push('');
  const table = formatTable<CheckpointForecastDto>(
    [
      { header: 'CHECKPOINT', value: (c) => c.checkpointId },
      { header: 'DUE', value: (c) => formatLocalDate(c.dueDate) },
      { header: 'CHANCE', value: chanceCell },
      { header: 'LIKELY', value: (c) => dateOrBeyond(c.p50, c.kind) },
      { header: '85% BY', value: (c) => dateOrBeyond(c.p85, c.kind) },
      { header: '95% BY', value: (c) => dateOrBeyond(c.p95, c.kind) },
      { header: 'TITLE', value: (c) => c.title },
    ],
    forecast.checkpoints,
  );
  lines.push(table.trimEnd(), '');
  for (const checkpoint of forecast.checkpoints) {
    lines.push(`${checkpoint.checkpointId}: ${sanitize(checkpoint.note)}`);
    if (checkpoint.kind === 'forecast' && checkpoint.throughput.kind === 'forecast')
      lines.push(
        `  From daily output alone: ${formatChance(checkpoint.throughput.probability ?? 0)}, likely ${dateOrBeyond(checkpoint.throughput.p50, 'forecast')}.`,
      );
  }
  const atRisk = forecast.checkpoints.filter((c) => c.atRisk).length;
  if (atRisk > 0)
    lines.push(
      '',
      `${plural(atRisk, 'checkpoint')} under the ${Math.round(forecast.atRiskBelow * 100)}% threshold: cut scope, add hours, or propose a new date (\`recital contract change\`) before it is missed.`,
    );
  return `${lines.join('\n')}\n`;
}
