import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { importDecision } from '../contracts/decisions.contract.js';
import {
  diffPlanVersions,
  getCurrentPlan,
  importPlan as importPlanEndpoint,
  listPlanVersions,
} from '../contracts/plans.contract.js';
import type { DecisionRecord } from '../core/decisions/decision.model.js';
import { importDecisionRecord } from '../core/decisions/decision.importer.js';
import { linkDecisions } from '../core/decisions/decision-links.js';
import { importPlan } from '../core/plans/import-plan.js';
import {
  type ImportedPlan,
  PLAN_FORMATS,
  type PlanFormat,
  PlanImportError,
} from '../core/plans/plan.model.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { dryRunDocument, formatPlan } from './plan.output.js';
import { resolveProject } from './project.commands.js';
import { sanitize } from './output.js';

/** Plans larger than this are not plans (the server refuses them too). */
const MAX_PLAN_BYTES = 2_000_000;

export function registerPlanCommands(program: Command, deps: CliDeps): void {
  const plan = program.command('plan').description('Import plans, and see their versions and what changed.');

  plan
    .command('import')
    .description(
      'Import a plan file (Markdown roadmap, Task Master tasks.json, spec-kit or Kiro tasks.md, GSD roadmap).',
    )
    .argument('<file>', 'the plan file')
    .option(
      '--project <project>',
      'the project id or slug (default: your only project; not used with --dry-run)',
    )
    .addOption(
      new Option('--format <format>', 'skip detection and read the file as this format').choices(
        PLAN_FORMATS,
      ),
    )
    .option('--decisions <files...>', 'decision records (MADR or ADR .md) to link tasks to')
    .option('--reason <text>', 'why the plan changed (recorded with the new version)')
    .option('--dry-run', 'only read and check the plan, locally: no server, no database')
    .addHelpText(
      'after',
      examples([
        'recital plan import ROADMAP.md --dry-run',
        'recital plan import .taskmaster/tasks/tasks.json --dry-run --json',
        'recital plan import specs/001/tasks.md --project my-app --reason "regenerated after review"',
      ]),
    )
    .action(action(deps, importCommand));

  plan
    .command('show')
    .description("The project's current plan.")
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, show));

  plan
    .command('versions')
    .description('Every version of the plan, newest first.')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, versions));

  plan
    .command('diff')
    .description('What changed between two versions (default: the last two).')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .option('--from <n>', 'older version number')
    .option('--to <n>', 'newer version number')
    .action(action(deps, diff));
}

async function readText(context: CommandContext, file: string): Promise<string> {
  const resolved = path.resolve(context.deps.cwd, file);
  let buffer: Buffer;
  try {
    buffer = await readFile(resolved);
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  if (buffer.byteLength > MAX_PLAN_BYTES)
    throw new CliError(`${file} is ${Math.round(buffer.byteLength / 1024)} KB; plans are at most 2 MB`, {
      hint: 'split the plan or remove pasted logs',
    });
  return new TextDecoder('utf-8').decode(buffer);
}

function explainImportError(file: string, error: unknown): never {
  if (error instanceof PlanImportError) {
    const where =
      error.location.line === null
        ? file
        : `${file}:${error.location.line}${error.location.column ? `:${error.location.column}` : ''}`;
    throw new CliError(`${where}: ${error.message}`, { hint: error.hint, cause: error });
  }
  throw error;
}

async function readDecisions(context: CommandContext, files: string[]): Promise<DecisionRecord[]> {
  const decisions: DecisionRecord[] = [];
  for (const file of files) {
    try {
      const { decision, warnings } = importDecisionRecord({
        text: await readText(context, file),
        fileName: path.basename(file),
      });
      for (const warning of warnings) context.out.warn(`${file}:${warning.line ?? '-'}: ${warning.message}`);
      decisions.push(decision);
    } catch (error) {
      explainImportError(file, error);
    }
  }
  return decisions;
}

interface ImportOptions {
  project?: string;
  format?: PlanFormat;
  decisions?: string[];
  reason?: string;
  dryRun?: boolean;
}

async function importCommand(context: CommandContext, file: string, options: ImportOptions): Promise<void> {
  const text = await readText(context, file);
  const fileName = path.basename(file);
  if (options.dryRun) {
    let plan: ImportedPlan;
    try {
      plan = importPlan({ text, fileName, ...(options.format ? { format: options.format } : {}) });
    } catch (error) {
      explainImportError(file, error);
    }
    const decisions = await readDecisions(context, options.decisions ?? []);
    const linked = decisions.length > 0 ? linkDecisions(plan, decisions) : { plan, warnings: [] };
    const result = {
      ...linked.plan,
      warnings: [...linked.plan.warnings, ...linked.warnings],
    };
    context.out.result(dryRunDocument(result, decisions), () => formatPlan(result, fileName));
    return;
  }
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  // Decisions first, so the new plan version is linked to them.
  for (const file of options.decisions ?? []) {
    const record = { text: await readText(context, file), fileName: path.basename(file) };
    await api.call(importDecision, { params: { projectId: project.id }, body: record });
  }
  const body = {
    text,
    fileName,
    ...(options.format ? { format: options.format } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
  };
  const { version } = await api.call(importPlanEndpoint, { params: { projectId: project.id }, body });
  context.out.result(version, () => {
    const diff = version.diff;
    const change = diff
      ? ` (+${diff.added.length} added, -${diff.removed.length} removed, ~${diff.changed.length} changed)`
      : '';
    return `Imported ${fileName} as version ${version.number} of "${sanitize(project.name)}": ${version.taskCount} tasks, ${version.warningCount} warnings${change}.\n`;
  });
}

async function show(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const version = await api.call(getCurrentPlan, { params: { projectId: project.id } });
  const asPlan: ImportedPlan = {
    format: version.format,
    title: project.name,
    tasks: version.tasks.map((task) => ({ ...task, sourceId: null })),
    phases: [],
    checkpoints: version.checkpoints.map((c) => ({ ...c, phaseId: null })),
    warnings: version.warnings,
  };
  context.out.result(version, () => formatPlan(asPlan, `${project.slug} v${version.number}`));
}

async function versions(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const result = await api.call(listPlanVersions, { params: { projectId: project.id } });
  context.out.result(
    result,
    () =>
      result.versions
        .map((v) =>
          `v${v.number}  ${v.createdAt}  ${v.format}  ${v.taskCount} tasks  ${v.sourceName ?? ''}  ${v.reason ?? ''}`.trimEnd(),
        )
        .join('\n') + '\n',
  );
}

async function diff(
  context: CommandContext,
  options: { project?: string; from?: string; to?: string },
): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const latest = project.currentVersion ?? 0;
  const to = Number(options.to ?? latest);
  const from = Number(options.from ?? to - 1);
  if (!(from >= 1 && to > from))
    throw new CliError(`nothing to compare: versions ${from} and ${to}`, {
      hint: 'import the plan again to create a second version',
      exitCode: 2,
    });
  const result = await api.call(diffPlanVersions, { params: { projectId: project.id }, query: { from, to } });
  context.out.result(result, () => {
    const lines = [
      `v${from} → v${to}: +${result.added.length} added, -${result.removed.length} removed, ~${result.changed.length} changed, ${result.reestimated.length} re-estimated`,
    ];
    for (const t of result.added) lines.push(`  + ${sanitize(t.title)}`);
    for (const t of result.removed) lines.push(`  - ${sanitize(t.title)}`);
    for (const t of result.changed)
      lines.push(`  ~ ${sanitize(t.title)}: ${t.fields.map((f) => f.field).join(', ')}`);
    return `${lines.join('\n')}\n`;
  });
}
