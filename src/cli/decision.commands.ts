import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { ApiClient } from '../contracts/client.js';
import { importDecision, listDecisions } from '../contracts/decisions.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { type Column, formatTable, sanitize } from './output.js';
import { resolveProject } from './project.commands.js';

export function registerDecisionCommands(program: Command, deps: CliDeps): void {
  const decision = program
    .command('decision')
    .description('Decision records (MADR, ADR) that tasks build on.');
  decision
    .command('import')
    .description('Import decision records; importing the same id again updates it.')
    .argument('<files...>', 'decision record files (.md)')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .addHelpText('after', examples(['recital decision import docs/adr/*.md --project beta']))
    .action(action(deps, importFiles));
  decision
    .command('list')
    .description("The project's decisions, and open tasks built on superseded ones.")
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, list));
}

async function importFiles(
  context: CommandContext,
  files: string[],
  options: { project?: string },
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const results: Array<Awaited<ReturnType<typeof importOne>>> = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(path.resolve(context.deps.cwd, file), 'utf8');
    } catch (error) {
      throw new CliError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        { cause: error },
      );
    }
    const result = await importOne(api, project.id, text, path.basename(file));
    for (const warning of result.warnings)
      context.out.warn(`${file}:${warning.line ?? '-'}: ${warning.message}`);
    results.push(result);
  }
  context.out.result(
    { imported: results },
    () =>
      results
        .map((r) => `${r.decision.id}  ${r.decision.status ?? 'no status'}  ${sanitize(r.decision.title)}`)
        .join('\n') +
      `\n${results.at(-1)?.flagged.length ?? 0} open tasks build on superseded, deprecated or rejected decisions.\n`,
  );
}

function importOne(api: ApiClient, projectId: string, text: string, fileName: string) {
  return api.call(importDecision, { params: { projectId }, body: { text, fileName } });
}

const COLUMNS: Column<{ id: string; status: string | null; title: string; supersededBy: string[] }>[] = [
  { header: 'ID', value: (d) => d.id },
  { header: 'STATUS', value: (d) => d.status ?? '-' },
  { header: 'TITLE', value: (d) => sanitize(d.title) },
  { header: 'SUPERSEDED BY', value: (d) => d.supersededBy.join(', ') || '-' },
];

async function list(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const result = await api.call(listDecisions, { params: { projectId: project.id } });
  context.out.result(result, () => {
    const flagged = result.flagged.map((f) => `  task ${f.taskId} builds on ${f.decisionId} (${f.reason})`);
    return `${formatTable(COLUMNS, result.decisions)}${flagged.length ? `\nReview:\n${flagged.join('\n')}\n` : ''}`;
  });
}
