import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { exportLedger } from '../contracts/ledger.contract.js';
import type { JsonObject } from '../core/ledger/canonical-json.js';
import { type LedgerEntry, toJsonLines } from '../core/ledger/ledger.model.js';
import { verifyChain } from '../core/ledger/verify-chain.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { resolveProject } from './project.commands.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function registerLedgerCommands(program: Command, deps: CliDeps): void {
  const ledger = program.command('ledger').description("The project's append-only, hash-chained record.");
  ledger
    .command('verify')
    .description('Download the record and check every hash and link here, on your machine.')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, verify));
  ledger
    .command('export')
    .description('Write the record as JSON lines (one canonical entry per line).')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', examples(['recital ledger export --out ledger.jsonl']))
    .action(action(deps, exportCommand));
}

async function entriesOf(context: CommandContext, reference: string | undefined) {
  const { api } = await context.session();
  const project = await resolveProject(api, reference);
  const { entries } = await api.call(exportLedger, { params: { projectId: project.id } });
  return {
    project,
    entries: entries.map(
      (entry) => ({ ...entry, kind: entry.kind, payload: entry.payload as JsonObject }) as LedgerEntry,
    ),
  };
}

async function verify(context: CommandContext, options: { project?: string }): Promise<void> {
  const { project, entries } = await entriesOf(context, options.project);
  const verdict = verifyChain(entries, sha256, { projectId: project.id });
  if (!verdict.ok) {
    const lines = verdict.problems.map(
      (problem) => `  entry ${problem.seq}: ${problem.kind}: ${problem.message}`,
    );
    throw new CliError(`the record of "${project.name}" has been altered:\n${lines.join('\n')}`, {
      hint: 'compare with an earlier export (`recital ledger export`) to see what changed',
    });
  }
  context.out.result(verdict, () =>
    verdict.head
      ? `The record holds: ${verdict.count} entries, head #${verdict.head.seq} ${verdict.head.hash.slice(0, 16)}…\n`
      : 'The record is empty.\n',
  );
}

async function exportCommand(
  context: CommandContext,
  options: { project?: string; out?: string },
): Promise<void> {
  const { entries } = await entriesOf(context, options.project);
  const lines = toJsonLines(entries);
  if (!options.out) {
    context.deps.stdout.write(lines);
    return;
  }
  await writeFile(path.resolve(context.deps.cwd, options.out), lines);
  context.out.result(
    { entries: entries.length, file: options.out },
    () => `Wrote ${entries.length} entries to ${options.out}.\n`,
  );
}
