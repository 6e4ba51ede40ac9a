import { join } from 'node:path';
import type { Command } from 'commander';
import {
  type ComprehensionReport,
  listUnderstanding,
  uploadComprehension,
} from '../contracts/comprehension.contract.js';
import type { UnderstandingFact } from '../core/git/understanding.js';
import type { GitSettings } from '../contracts/repositories.contract.js';
import { measureComprehension } from '../git/comprehension.js';
import { resolveRepo } from '../git/repo-info.js';
import type { Progress } from '../git/progress.js';
import { systemClock } from '../server/shared/system-clock.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { connectedRepository } from './git-sync.js';
import { examples } from './help.js';
import { type Column, formatTable } from './output.js';
import { repoRoot } from './repo.commands.js';

const percent = (share: number) => `${Math.round(share * 100)}%`;

const FILE_COLUMNS: Column<ComprehensionReport['files'][number]>[] = [
  { header: 'PATH', value: (f) => f.path },
  { header: 'LINES', value: (f) => String(f.lines) },
  { header: 'AI', value: (f) => String(f.aiLines) },
  { header: 'UN-UNDERSTOOD', value: (f) => String(f.unexplainedAiLines) },
  { header: 'UNDERSTOOD BY', value: (f) => f.understoodBy.join(', ') || 'nobody' },
];

function human(report: ComprehensionReport, uploaded: boolean): string {
  const { totals } = report;
  const worst = [...report.files]
    .sort((a, b) => b.unexplainedAiLines - a.unexplainedAiLines || a.path.localeCompare(b.path))
    .slice(0, 20);
  const hotspots = (report.hotspots ?? []).slice(0, 10);
  return [
    `Comprehension at ${report.commit.slice(0, 12)}: ${percent(totals.coverage)} of ${totals.lines} lines understood by someone.`,
    `${totals.aiLines} AI lines, ${totals.unexplainedAiLines} of them never explained or reviewed.`,
    `Bus factor ${totals.busFactor}: that many people leaving would leave over half the files with nobody who understands them.`,
    '',
    formatTable(FILE_COLUMNS, worst).trimEnd(),
    ...(hotspots.length > 0
      ? [
          '',
          'Hotspots (recent churn × un-understood lines):',
          ...hotspots.map((h) => `  ${h.path}  churn ${h.churn} × ${h.unexplainedAiLines}`),
        ]
      : []),
    ...(uploaded ? ['', 'Recorded in Recital: see the project’s Code page.'] : []),
    '',
  ].join('\n');
}

function progressPrinter(context: CommandContext): ((progress: Progress) => void) | undefined {
  const sink = context.deps.stderr as { write(text: string): unknown; isTTY?: boolean };
  if (context.out.json || sink.isTTY !== true) return undefined;
  return ({ done, total }) => {
    sink.write(`\rReading blame: ${done}/${total} files\x1b[K`);
    if (done >= total) sink.write('\n');
  };
}

/**
 * In a clone connected to Recital (and signed in), Recital's understanding facts join git's and the
 * result is recorded for the web page; anywhere else it works from git alone, with no server.
 */
async function comprehension(
  context: CommandContext,
  path: string | undefined,
  options: { repo?: string; upload: boolean },
): Promise<void> {
  const root = await repoRoot(options.repo ?? context.deps.cwd);
  const connected = options.upload ? await connectedRepository(root) : null;
  const session = connected ? await context.session().catch(() => null) : null;
  let facts: UnderstandingFact[] = [];
  let settings: GitSettings | null = null;
  if (connected && session) {
    const known = await session.api.call(listUnderstanding, { params: { repositoryId: connected.id } });
    facts = known.facts;
    settings = known.settings;
  }
  const onProgress = progressPrinter(context);
  const { full: report, focused: shown } = await measureComprehension({
    repo: root,
    facts,
    snapshot: join((await resolveRepo(root)).gitDir, 'recital', 'ownership.bin'),
    ...(settings
      ? {
          rules: settings.attributionRules,
          generatedPatterns: settings.generatedPatterns,
          botPatterns: settings.botPatterns,
        }
      : {}),
    ...(path ? { focus: path } : {}),
    ...(onProgress ? { progress: { onProgress, clock: context.deps.clock ?? systemClock } } : {}),
  });
  if (connected && session)
    await session.api.call(uploadComprehension, {
      params: { repositoryId: connected.id },
      body: { ...report, hotspots: report.hotspots ?? [] },
    });
  const { commit, files, totals } = shown;
  context.out.result(
    {
      commit,
      files: files.map(({ path: file, lines, authors, aiLines, unexplainedAiLines, understoodBy }) => ({
        path: file,
        lines,
        authors,
        aiLines,
        unexplainedAiLines,
        understoodBy,
      })),
      totals,
    },
    () => human(shown, Boolean(connected && session)),
  );
}

export function registerComprehensionCommands(program: Command, deps: CliDeps): void {
  program
    .command('comprehension')
    .description(
      'Who understands the code: AI lines, un-understood lines, coverage and bus factor of the tree.',
    )
    .argument('[path]', 'only this folder or file of the tree')
    .option(
      '--repo <dir>',
      'the repository (default: the current folder); works on any clone, no server needed',
    )
    .option('--no-upload', 'do not record the result in Recital, even in a connected clone')
    .addHelpText(
      'after',
      examples([
        'recital comprehension',
        'recital comprehension src/server',
        'recital comprehension --repo ~/code/app --json',
      ]),
    )
    .action(action(deps, comprehension));
}
