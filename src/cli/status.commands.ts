import type { Command } from 'commander';
import {
  type Days,
  type GraceAllowance,
  listDays,
  requestPause,
  spendGrace,
} from '../contracts/days.contract.js';
import { listCheckpoints } from '../contracts/checkpoints.contract.js';
import { ApiError } from '../contracts/client.js';
import { formatLocalDate } from './checkpoint.output.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { resolveProject } from './project.commands.js';
import { sanitize } from './output.js';

const MARK: Record<Days['verdicts'][number]['verdict'], string> = {
  showed_up: '■ showed up',
  skipped: '□ skipped',
  paused: '‖ paused',
  grace: '○ grace',
};

/**
 * The grace tokens left in the sprint under way, in words.
 *
 * @example
 * formatGraceLeft({ tokensPerSprint: 2, tokensLeft: 1, renewsOn: '2026-03-16', … });
 * // '1 of 2 grace tokens left this sprint (renews Mon 2026-03-16)'
 */
export function formatGraceLeft(grace: Pick<GraceAllowance, 'tokensPerSprint' | 'tokensLeft' | 'renewsOn'>) {
  if (grace.tokensPerSprint === 0) return 'no grace tokens in this commitment';
  const tokens = `grace token${grace.tokensPerSprint === 1 ? '' : 's'}`;
  const renews = grace.renewsOn ? ` (renews ${formatLocalDate(grace.renewsOn)})` : '';
  return `${grace.tokensLeft} of ${grace.tokensPerSprint} ${tokens} left this sprint${renews}`;
}

export function registerStatusCommands(program: Command, deps: CliDeps): void {
  program
    .command('status')
    .description('How the project is going: the last planned days, the streak, and whether it is slipping.')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .option('--days <n>', 'how many recent days to show', (value: string) => Number.parseInt(value, 10), 14)
    .action(action(deps, status));
  program
    .command('pause')
    .description('Plan a break (vacation, illness) in advance: those days count as paused, not skipped.')
    .requiredOption('--from <date>', 'first day of the pause (YYYY-MM-DD, not yet begun)')
    .requiredOption('--to <date>', 'last day of the pause')
    .requiredOption('--reason <text>', 'why; your witness sees it')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, pause));
  program
    .command('grace')
    .description(
      'Spend a grace token on a day (today by default, or a day that ended less than 12 hours ago).',
    )
    .argument('[date]', 'the day (YYYY-MM-DD)')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, grace));
}

async function pause(
  context: CommandContext,
  options: { from: string; to: string; reason: string; project?: string },
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const body = { from: options.from, to: options.to, reason: options.reason };
  const result = await api.call(requestPause, { params: { projectId: project.id }, body });
  context.out.result(
    result,
    () => `Paused ${result.from} to ${result.to}: those days will not count as skipped.\n`,
  );
}

async function grace(
  context: CommandContext,
  date: string | undefined,
  options: { project?: string },
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const result = await api.call(spendGrace, {
    params: { projectId: project.id },
    body: date ? { date } : {},
  });
  const { grace: left } = await api.call(listDays, { params: { projectId: project.id } });
  context.out.result(result, () => {
    const spent = `Grace token spent on ${result.date}${result.verdict ? ` (now ${result.verdict.verdict})` : ''}.`;
    return `${spent}${left ? ` ${sentence(formatGraceLeft(left))}.` : ''}\n`;
  });
}

async function status(context: CommandContext, options: { project?: string; days: number }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const days = await api.call(listDays, { params: { projectId: project.id } });
  const checkpoints = await api
    .call(listCheckpoints, { params: { projectId: project.id } })
    .then((list) => list.checkpoints)
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'contracts.none') return null;
      throw error;
    });
  context.out.result({ ...days, checkpoints }, () => {
    const lines = [
      `${sanitize(project.name)}: ${days.health.state.replace('_', ' ')}, streak ${days.streak.current} (longest ${days.streak.longest})`,
    ];
    if (days.health.replanRequired)
      lines.push('A re-plan is required: import a revised plan with `recital plan import … --reason "…"`.');
    if (days.grace) lines.push(`${sentence(formatGraceLeft(days.grace))}.`);
    if (days.verdicts.length === 0)
      lines.push(
        days.verdictsFrom
          ? `Days are judged from ${days.verdictsFrom}.`
          : 'Save your hours with `recital schedule --hours … --save` to start.',
      );
    for (const day of days.verdicts.slice(-options.days)) lines.push(`  ${day.date}  ${MARK[day.verdict]}`);
    if (checkpoints === null) lines.push('No commitment yet: `recital contract commit --witness EMAIL`.');
    else if (checkpoints.length > 0) {
      lines.push('Checkpoints:');
      for (const cp of checkpoints)
        lines.push(
          `  ${cp.dueDate}  ${sanitize(cp.title)}: ${cp.status}${cp.late ? ' (late)' : ''}${
            cp.missedAt && cp.status !== 'missed' ? ' (missed, then submitted)' : ''
          }`,
        );
    }
    return `${lines.join('\n')}\n`;
  });
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
