import type { Command } from 'commander';
import { type Days, listDays } from '../contracts/days.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { resolveProject } from './project.commands.js';
import { sanitize } from './output.js';

const MARK: Record<Days['verdicts'][number]['verdict'], string> = {
  showed_up: '■ showed up',
  skipped: '□ skipped',
  paused: '‖ paused',
  grace: '○ grace',
};

export function registerStatusCommands(program: Command, deps: CliDeps): void {
  program
    .command('status')
    .description('How the project is going: the last planned days, the streak, and whether it is slipping.')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .option('--days <n>', 'how many recent days to show', (value: string) => Number.parseInt(value, 10), 14)
    .action(action(deps, status));
}

async function status(context: CommandContext, options: { project?: string; days: number }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const days = await api.call(listDays, { params: { projectId: project.id } });
  context.out.result(days, () => {
    const lines = [
      `${sanitize(project.name)}: ${days.health.state.replace('_', ' ')}, streak ${days.streak.current} (longest ${days.streak.longest})`,
    ];
    if (days.health.replanRequired)
      lines.push('A re-plan is required: import a revised plan with `recital plan import … --reason "…"`.');
    if (days.verdicts.length === 0)
      lines.push(
        days.verdictsFrom
          ? `Days are judged from ${days.verdictsFrom}.`
          : 'Save your hours with `recital schedule --hours … --save` to start.',
      );
    for (const day of days.verdicts.slice(-options.days)) lines.push(`  ${day.date}  ${MARK[day.verdict]}`);
    return `${lines.join('\n')}\n`;
  });
}
