import type { Command } from 'commander';
import {
  type Today,
  checkIn,
  deferTask,
  finishTask,
  getToday,
  startTask,
} from '../contracts/today.contract.js';
import { parsePositiveInteger } from './arguments.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { examples } from './help.js';
import { sanitize } from './output.js';
import { formatEstimate, formatMinutes } from './plan.output.js';
import { resolveProject } from './project.commands.js';

const projectOption = ['--project <project>', 'the project id or slug (default: your only project)'] as const;

export function registerTodayCommands(program: Command, deps: CliDeps): void {
  program
    .command('today')
    .description('The next step, what is planned today, and how much time is left.')
    .option(...projectOption)
    .action(action(deps, today));
  program
    .command('start')
    .description('Start a task.')
    .argument('<task>', 'the task id (see `recital today` or `recital plan show`)')
    .option(...projectOption)
    .action(
      action(deps, async (context, task: string, options: { project?: string }) =>
        taskEvent(context, task, options, 'start'),
      ),
    );
  program
    .command('done')
    .description('Finish a task.')
    .argument('<task>', 'the task id')
    .option(...projectOption)
    .action(
      action(deps, async (context, task: string, options: { project?: string }) =>
        taskEvent(context, task, options, 'done'),
      ),
    );
  program
    .command('defer')
    .description('A planned task did not get finished: say why; it moves forward in the schedule.')
    .argument('<task>', 'the task id')
    .requiredOption('--reason <text>', 'why, in a few words')
    .option(...projectOption)
    .action(action(deps, defer));
  program
    .command('checkin')
    .description('Record what you did.')
    .argument('<text>', 'what you did, in a sentence')
    .option('--minutes <n>', 'how long you worked on it', parsePositiveInteger)
    .option('--task <task>', 'the task it was for')
    .option(...projectOption)
    .addHelpText(
      'after',
      examples(['recital checkin "Sign-up form with validation" --minutes 50 --task week-1.t1']),
    )
    .action(action(deps, checkin));
}

export function formatToday(today: Today): string {
  const lines = [`Today, ${today.date} (${today.timeZone})`];
  if (today.nextStep) {
    const estimate =
      today.nextStep.estimateMinutes === null ? '' : ` (${formatEstimate(today.nextStep.estimateMinutes)})`;
    lines.push(`Next step: ${sanitize(today.nextStep.title)}${estimate}  [${today.nextStep.taskId}]`);
  } else {
    lines.push('Nothing open: every task in the plan is done.');
  }
  if (today.needsHours)
    lines.push('No hours saved yet: run `recital schedule --hours weekdays=2 --save` for a day plan.');
  for (const item of today.planned) {
    const part = item.chunks > 1 ? ` (${item.chunk}/${item.chunks})` : '';
    lines.push(
      `  ${item.status === 'done' ? '[x]' : '[ ]'} ${formatMinutes(item.minutes).padStart(6)}  ${sanitize(item.title)}${part}  [${item.taskId}]`,
    );
  }
  if (!today.needsHours)
    lines.push(
      `Logged ${formatMinutes(today.loggedMinutes)} of ${formatMinutes(today.capacityMinutes)}; ${formatMinutes(today.minutesLeft)} left.`,
    );
  return `${lines.join('\n')}\n`;
}

async function today(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const result = await api.call(getToday, { params: { projectId: project.id } });
  context.out.result(result, () => formatToday(result));
}

async function taskEvent(
  context: CommandContext,
  taskId: string,
  options: { project?: string },
  what: 'start' | 'done',
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const params = { projectId: project.id, taskId };
  const evidence = await api.call(what === 'start' ? startTask : finishTask, { params });
  context.out.result(evidence, () => (what === 'start' ? `Started ${taskId}.\n` : `Done: ${taskId}.\n`));
}

async function defer(
  context: CommandContext,
  taskId: string,
  options: { project?: string; reason: string },
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const evidence = await api.call(deferTask, {
    params: { projectId: project.id, taskId },
    body: { reason: options.reason },
  });
  context.out.result(evidence, () => `Noted why ${taskId} is not done; it moves forward in the schedule.\n`);
}

async function checkin(
  context: CommandContext,
  text: string,
  options: { project?: string; minutes?: number; task?: string },
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const body = {
    text,
    ...(options.minutes ? { minutes: options.minutes } : {}),
    ...(options.task ? { taskId: options.task } : {}),
  };
  const evidence = await api.call(checkIn, { params: { projectId: project.id }, body });
  context.out.result(
    evidence,
    () =>
      `Checked in${evidence.minutes ? ` (${formatMinutes(evidence.minutes)})` : ''} for ${evidence.localDate}.\n`,
  );
}
