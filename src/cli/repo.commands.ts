import { basename } from 'node:path';
import type { Command } from 'commander';
import { type Repository, addRepository, listRepositories } from '../contracts/repositories.contract.js';
import { isGitError } from '../git/git-errors.js';
import type { Progress } from '../git/progress.js';
import { resolveRepo } from '../git/repo-info.js';
import { runGit, runGitWithExitCode } from '../git/run-git.js';
import { systemClock } from '../server/shared/system-clock.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';
import {
  CONFIG_KEY,
  CONFIG_URL_KEY,
  type SyncResult,
  connectedRepository,
  syncRepository,
} from './git-sync.js';
import { examples } from './help.js';
import { type Column, formatTable } from './output.js';
import { resolveProject } from './project.commands.js';

/**
 * `owner/name` of a GitHub remote URL, in the forms git accepts (scp-like SSH, ssh://, https://).
 *
 * @example githubFullName('git@github.com:ada/launch.git') // 'ada/launch'
 */
export function githubFullName(remote: string): string | null {
  const match =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com(?::\d+)?\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
      remote.trim(),
    );
  return match ? `${match[1]}/${match[2]}` : null;
}

async function originUrl(root: string): Promise<string | null> {
  const { stdout, exitCode } = await runGitWithExitCode(['remote', 'get-url', 'origin'], {
    cwd: root,
    okExitCodes: [0, 2, 128],
  });
  return exitCode === 0 ? stdout.trim() : null;
}

/** The clone's root, with git's own complaint turned into a usage error that says what to pass. */
export async function repoRoot(path: string): Promise<string> {
  try {
    return (await resolveRepo(path)).root;
  } catch (error) {
    if (isGitError(error)) throw new CliError(error.message, { exitCode: EXIT_USAGE });
    throw error;
  }
}

function describe(result: SyncResult): string {
  if (result.listed === 0) return 'Up to date: no commits since the last sync.\n';
  const parts = [
    `${result.inserted} new commit${result.inserted === 1 ? '' : 's'}`,
    result.duplicates > 0 ? `${result.duplicates} already known` : null,
    `${result.evidence} counted as your evidence`,
    result.aiCommits > 0 ? `${result.aiCommits} AI-assisted or AI-authored` : null,
    result.taskLinks > 0 ? `${result.taskLinks} task link${result.taskLinks === 1 ? '' : 's'}` : null,
  ];
  return `Synced: ${parts.filter(Boolean).join(', ')}.\n`;
}

/** Progress on stderr: a line redrawn in place on a terminal, nothing in a pipe or with --json. */
function progressPrinter(context: CommandContext): ((progress: Progress) => void) | undefined {
  const sink = context.deps.stderr as { write(text: string): unknown; isTTY?: boolean };
  if (context.out.json || sink.isTTY !== true) return undefined;
  return ({ done, total, etaMs }) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const eta = etaMs === null || done >= total ? '' : ` · about ${Math.ceil(etaMs / 1000)} s left`;
    sink.write(`\rReading commits: ${done}/${total} (${percent}%)${eta}\x1b[K`);
    if (done >= total) sink.write('\n');
  };
}

async function runSync(context: CommandContext, root: string, repositoryId: string): Promise<SyncResult> {
  const { api } = await context.session();
  return syncRepository({
    api,
    repositoryId,
    repo: root,
    clock: context.deps.clock ?? systemClock,
    ...(progressPrinter(context) ? { onProgress: progressPrinter(context)! } : {}),
  });
}

async function add(
  context: CommandContext,
  path: string | undefined,
  options: { project?: string; name?: string; github?: string; sync: boolean },
): Promise<void> {
  const root = await repoRoot(path ?? context.deps.cwd);
  const existing = await connectedRepository(root);
  if (existing)
    throw new CliError(`${root} is already connected (repository ${existing.id})`, {
      hint: 'run `recital sync` in it to send new commits',
    });
  const { api, url } = await context.session();
  const project = await resolveProject(api, options.project);
  const origin = await originUrl(root);
  const github = options.github ?? (origin ? githubFullName(origin) : null);
  const repository = await api.call(addRepository, {
    params: { projectId: project.id },
    body: { name: options.name ?? github ?? basename(root), ...(github ? { githubFullName: github } : {}) },
  });
  await runGit(['config', '--local', CONFIG_KEY, repository.id], { cwd: root });
  await runGit(['config', '--local', CONFIG_URL_KEY, url], { cwd: root });
  context.out.note(`Connected ${root} to ${project.name} as "${repository.name}".`);
  const synced = options.sync ? await runSync(context, root, repository.id) : null;
  context.out.result({ repository, sync: synced }, () =>
    synced ? describe(synced) : 'Run `recital sync` in it to send its history.\n',
  );
}

async function sync(context: CommandContext, options: { repo?: string }): Promise<void> {
  const root = await repoRoot(options.repo ?? context.deps.cwd);
  const connected = await connectedRepository(root);
  if (!connected)
    throw new CliError(`${root} is not connected to a Recital project`, {
      hint: 'connect it with `recital repo add` first',
      exitCode: EXIT_USAGE,
    });
  const result = await runSync(context, root, connected.id);
  context.out.result(result, () => describe(result));
}

const COLUMNS: Column<Repository>[] = [
  { header: 'ID', value: (r) => r.id },
  { header: 'NAME', value: (r) => r.name },
  { header: 'GITHUB', value: (r) => r.githubFullName ?? '-' },
  { header: 'COMMITS', value: (r) => String(r.commits) },
  { header: 'LAST SYNC', value: (r) => r.lastSyncedAt ?? 'never' },
];

async function list(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, options.project);
  const { repositories } = await api.call(listRepositories, { params: { projectId: project.id } });
  context.out.result({ repositories }, () =>
    repositories.length === 0
      ? 'No repositories yet: connect one with `recital repo add`.\n'
      : formatTable(COLUMNS, repositories),
  );
}

export function registerRepoCommands(program: Command, deps: CliDeps): void {
  const repo = program.command('repo').description('Git repositories whose commits count as evidence.');
  repo
    .command('add')
    .description('Connect a local clone to a project and send its history.')
    .argument('[path]', 'the clone (default: the current folder)')
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .option('--name <name>', 'how Recital calls it (default: owner/name on GitHub, else the folder name)')
    .option('--github <owner/name>', 'its GitHub repository, for webhooks (default: read from origin)')
    .option('--no-sync', 'connect only; send the history later with `recital sync`')
    .addHelpText('after', examples(['recital repo add', 'recital repo add ~/code/launch --project launch']))
    .action(action(deps, add));
  repo
    .command('list')
    .description("The project's repositories.")
    .option('--project <project>', 'the project id or slug (default: your only project)')
    .action(action(deps, list));
  program
    .command('sync')
    .description('Send the commits a connected clone has and Recital has not seen (all branches).')
    .option('--repo <path>', 'the clone (default: the current folder)')
    .addHelpText('after', examples(['recital sync', 'recital sync --repo ~/code/launch --json']))
    .action(action(deps, sync));
}
