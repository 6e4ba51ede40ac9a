import type { Command } from 'commander';
import { getForecast } from '../contracts/forecast.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { formatForecast } from './forecast.output.js';
import { resolveProject } from './project.commands.js';

export function registerForecastCommands(program: Command, deps: CliDeps): void {
  program
    .command('forecast')
    .description(
      'The chance each open checkpoint holds, with likely, 85% and 95% dates, from your own pace — and what that rests on.',
    )
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, forecast));
}

async function forecast(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const result = await api.call(getForecast, { params: { projectId: project.id } });
  context.out.result(result, () => formatForecast(project.name, result));
}
