import type { Command } from 'commander';
import { getCurrentPlan } from '../contracts/plans.contract.js';
import { type ScheduleResponse, compileProjectSchedule } from '../contracts/schedule.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { sanitize } from './output.js';
import { formatMinutes } from './plan.output.js';
import { resolveProject } from './project.commands.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

/**
 * `mon=2,tue=2,sat=5` (hours; `1.5` and `90m` work too) → minutes per weekday; unnamed days are 0.
 * `weekdays=2` and `weekend=4` set several days at once.
 */
export function parseHours(value: string): Record<Weekday, number> {
  const minutes: Record<Weekday, number> = { mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sat: 0, sun: 0 };
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)=(\d+(?:\.\d+)?)(h|m)?$/i.exec(part);
    const amount = match ? Number(match[2]) * (match[3]?.toLowerCase() === 'm' ? 1 : 60) : NaN;
    const key = match?.[1]?.toLowerCase() ?? '';
    const days: readonly Weekday[] | undefined =
      key === 'weekdays'
        ? WEEKDAYS.slice(0, 5)
        : key === 'weekend'
          ? ['sat', 'sun']
          : WEEKDAYS.includes(key as Weekday)
            ? [key as Weekday]
            : undefined;
    if (!days || !Number.isFinite(amount) || amount > 24 * 60) {
      throw new CliError(`--hours: cannot read "${part}"`, {
        hint: 'write it like mon=2,tue=2,wed=1.5,sat=5 (hours), or weekdays=2,weekend=4',
        exitCode: 2,
      });
    }
    for (const day of days) minutes[day] = Math.round(amount);
  }
  return minutes;
}

export function registerScheduleCommands(program: Command, deps: CliDeps): void {
  program
    .command('schedule')
    .description(
      "Compile the project's current plan into your days, and say whether each checkpoint can hold.",
    )
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .option('--hours <spec>', 'your hours per weekday, e.g. mon=2,tue=2,wed=2,thu=2,fri=2,sat=5', parseHours)
    .option('--start <date>', 'first day to schedule (YYYY-MM-DD; default today where you live)')
    .option('--launch <date>', 'launch date: undated checkpoints are spread up to it')
    .option('--days-off <dates>', 'comma-separated dates with no work', (value: string) =>
      value.split(',').map((d) => d.trim()),
    )
    .option('--calibration <factor>', 'actual ÷ estimated time, e.g. 1.4 if things take 40% longer', Number)
    .option('--save', 'keep these hours and dates for the project')
    .addHelpText(
      'after',
      examples([
        'recital schedule --project beta --hours weekdays=2,sat=5 --launch 2027-01-31 --save',
        'recital schedule --project beta --json',
      ]),
    )
    .action(action(deps, schedule));
}

interface ScheduleOptions {
  project?: string;
  hours?: Record<Weekday, number>;
  start?: string;
  launch?: string;
  daysOff?: string[];
  calibration?: number;
  save?: boolean;
}

async function schedule(context: CommandContext, options: ScheduleOptions): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const body = {
    ...(options.hours ? { minutesPerWeekday: options.hours } : {}),
    ...(options.start ? { startDate: options.start } : {}),
    ...(options.launch ? { launchDate: options.launch } : {}),
    ...(options.daysOff ? { daysOff: options.daysOff } : {}),
    ...(options.calibration ? { calibrationFactor: options.calibration } : {}),
    save: options.save === true,
  };
  const result = await api.call(compileProjectSchedule, { params: { projectId: project.id }, body });
  const titles = new Map(
    (await api.call(getCurrentPlan, { params: { projectId: project.id } })).tasks.map((t) => [t.id, t.title]),
  );
  context.out.result(result, () => formatSchedule(result, titles));
}

/** The first few of a long list, then how many more (`--json` has them all). */
function listSome(items: string[], shown = 8): string {
  const more = items.length - shown;
  return items.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
}

export function formatSchedule(result: ScheduleResponse, titles: Map<string, string>): string {
  const lines: string[] = [
    `Schedule from ${result.startDate} (${result.timeZone}), plan v${result.planVersion}:`,
  ];
  for (const day of result.days.filter((d) => d.items.length > 0)) {
    lines.push(
      `${day.date}  ${formatMinutes(day.items.reduce((sum, item) => sum + item.minutes, 0))} of ${formatMinutes(day.capacityMinutes)}`,
    );
    for (const item of day.items) {
      const part = item.chunks > 1 ? ` (${item.chunk}/${item.chunks})` : '';
      lines.push(
        `    ${formatMinutes(item.minutes).padStart(6)}  ${sanitize(titles.get(item.taskId) ?? item.taskId)}${part}`,
      );
    }
  }
  lines.push('', 'Checkpoints:');
  for (const c of result.checkpoints) {
    const verdict = c.feasible === null ? 'no date' : c.feasible ? 'holds' : 'does not hold';
    lines.push(
      `  ${sanitize(c.title)}: due ${c.dueDate ?? '-'}, needs ${c.hoursNeeded}h of ${c.hoursAvailable ?? '-'}h available: ${verdict}`,
    );
    if (c.feasible === false) {
      lines.push(`    earliest date that holds: ${c.earliestFeasibleDate ?? 'beyond the horizon'}`);
      if (c.cutLine.length > 0)
        lines.push(
          `    or defer ${c.cutLine.length} tasks: ${listSome(c.cutLine.map((id) => sanitize(titles.get(id) ?? id)))}`,
        );
    }
  }
  if (result.unscheduled.length > 0)
    lines.push('', `Does not fit within a year: ${result.unscheduled.length} tasks.`);
  for (const warning of result.warnings) lines.push(`warning: ${sanitize(warning.message)}`);
  return `${lines.join('\n')}\n`;
}
