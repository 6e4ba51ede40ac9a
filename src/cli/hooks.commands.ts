import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { explainCommit, getRepository } from '../contracts/repositories.contract.js';
import { attributeCommit } from '../core/git/attribution.js';
import { whyTrailer } from '../core/git/commit-evidence.js';
import { defaultBranch } from '../git/refs.js';
import { resolveRepo } from '../git/repo-info.js';
import { runGit, runGitWithExitCode } from '../git/run-git.js';
import { systemClock } from '../server/shared/system-clock.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';
import {
  connectedRepository,
  currentBranch,
  readCommits,
  syncRepository,
  toCommitInput,
} from './git-sync.js';
import { examples } from './help.js';
import { HOOKS, type HookName, REPORT_HOOKS, installHooks, uninstallHooks } from './hooks.js';
import { repoRoot } from './repo.commands.js';
import { flushSpool, spoolCommits } from './spool.js';

async function requireConnected(root: string) {
  const connected = await connectedRepository(root);
  if (!connected)
    throw new CliError(`${root} is not connected to a Recital project`, {
      hint: 'connect it with `recital repo add` first',
      exitCode: EXIT_USAGE,
    });
  return connected;
}

async function install(context: CommandContext, options: { repo?: string }): Promise<void> {
  const root = await repoRoot(options.repo ?? context.deps.cwd);
  const connected = await requireConnected(root);
  const { api } = await context.session();
  const repository = await api.call(getRepository, { params: { repositoryId: connected.id } });
  await runGit(['config', '--local', 'recital.whyMode', repository.whyMode], { cwd: root });
  const command = context.deps.cliCommand ?? ['recital'];
  const result = await installHooks(root, command);
  context.out.result({ ...result, whyMode: repository.whyMode }, () =>
    [
      `Installed ${result.installed.join(', ')} in ${result.dir}.`,
      ...result.chained.map(
        (name) => `Your existing ${name} hook still runs first (kept as ${name}.pre-recital).`,
      ),
      `Commits are reported in the background; offline, they wait in .git/recital/spool.`,
      `AI-assisted commits without a Why: trailer: ${repository.whyMode === 'require' ? 'refused' : repository.whyMode === 'warn' ? 'a warning' : 'nothing'}.`,
      '',
    ].join('\n'),
  );
}

async function uninstall(context: CommandContext, options: { repo?: string }): Promise<void> {
  const root = await repoRoot(options.repo ?? context.deps.cwd);
  const removed = await uninstallHooks(root);
  context.out.result({ removed }, () =>
    removed.length === 0 ? 'No Recital hooks were installed.\n' : `Removed ${removed.join(', ')}.\n`,
  );
}

async function commitsFor(root: string, hook: HookName, revisions: string | undefined) {
  if (revisions && /^[0-9a-f]{7,64}(\.\.[0-9a-f]{7,64})?$/.test(revisions))
    return readCommits(root, revisions.includes('..') ? [revisions] : ['-1', revisions]);
  if (hook === 'post-commit') return readCommits(root, ['-1', 'HEAD']);
  if (hook === 'post-merge') {
    const { exitCode } = await runGitWithExitCode(['rev-parse', '-q', '--verify', 'ORIG_HEAD'], {
      cwd: root,
      okExitCodes: [0, 1],
    });
    return exitCode === 0 ? readCommits(root, ['ORIG_HEAD..HEAD']) : [];
  }
  return [];
}

/**
 * What a hook runs in the background: read the new commits, spool them, then send whatever waits.
 * It never fails the hook; what happened goes to `.git/recital/hook.log`.
 */
async function report(
  context: CommandContext,
  hook: string,
  options: { repo?: string; revisions?: string },
): Promise<void> {
  if (!(REPORT_HOOKS as readonly string[]).includes(hook))
    throw new CliError(`unknown hook "${hook}"`, {
      hint: `one of ${REPORT_HOOKS.join(', ')}`,
      exitCode: EXIT_USAGE,
    });
  const root = await repoRoot(options.repo ?? context.deps.cwd);
  const { gitDir } = await resolveRepo(root);
  const connected = await requireConnected(root);
  const clock = context.deps.clock ?? systemClock;
  const log = async (line: string) => {
    await mkdir(join(gitDir, 'recital'), { recursive: true });
    await appendFile(join(gitDir, 'recital', 'hook.log'), `${clock.now().toISOString()} ${hook}: ${line}\n`);
  };
  const branch = await currentBranch(root);
  const onDefault = branch !== null && branch === (await defaultBranch(root))?.name;
  const commits = (await commitsFor(root, hook as HookName, options.revisions)).map((commit) =>
    toCommitInput(commit, branch, onDefault),
  );
  await spoolCommits(gitDir, commits);
  try {
    const { api } = await context.session();
    const flushed = await flushSpool({ api, repositoryId: connected.id, gitDir });
    await log(
      `spooled ${commits.length}, sent ${flushed.sent}, waiting ${flushed.pending}` +
        (flushed.rejected ? `, rejected ${flushed.rejected}` : '') +
        (flushed.error ? ` (${flushed.error})` : ''),
    );
    if (flushed.error !== null) {
      context.out.result({ spooled: commits.length, ...flushed }, () => '');
      return;
    }
    if (hook === 'pre-push') {
      const synced = await syncRepository({ api, repositoryId: connected.id, repo: root, clock });
      await log(`synced ${synced.inserted} new of ${synced.listed}`);
    }
    const repository = await api.call(getRepository, { params: { repositoryId: connected.id } });
    await runGit(['config', '--local', 'recital.whyMode', repository.whyMode], { cwd: root });
    context.out.result({ spooled: commits.length, ...flushed }, () => '');
  } catch (error) {
    await log(`spooled ${commits.length}; not sent: ${(error as Error).message}`);
    context.out.result({ spooled: commits.length, sent: 0, error: (error as Error).message }, () => '');
  }
}

/** Everything git would keep of the message: comment lines and the scissors' cut dropped. */
export function cleanMessage(text: string): string {
  const cut = text.indexOf('# ------------------------ >8 ------------------------');
  return (cut >= 0 ? text.slice(0, cut) : text)
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
}

function identity(ident: string): { name: string; email: string } {
  const match = /^(.*?)\s*<([^>]*)>/.exec(ident.trim());
  return { name: match?.[1] ?? '', email: match?.[2] ?? '' };
}

/** The commit-msg check: an AI-assisted commit is asked for a `Why:` trailer, per the workspace's mode. */
async function commitMsg(context: CommandContext, file: string): Promise<void> {
  const root = context.deps.cwd;
  const message = cleanMessage(await readFile(file, 'utf8'));
  const { stdout: mode } = await runGitWithExitCode(['config', '--get', 'recital.whyMode'], {
    cwd: root,
    okExitCodes: [0, 1],
  });
  const whyMode = mode.trim() || 'warn';
  if (whyMode === 'off' || message === '') return;
  const author = identity(await runGit(['var', 'GIT_AUTHOR_IDENT'], { cwd: root }));
  const committer = identity(await runGit(['var', 'GIT_COMMITTER_IDENT'], { cwd: root }));
  const attribution = attributeCommit({
    sha: '',
    authorName: author.name,
    authorEmail: author.email,
    committerName: committer.name,
    committerEmail: committer.email,
    message,
  });
  if (attribution.kind === 'human' || whyTrailer(message)) return;
  const what = `this commit is ${attribution.kind === 'ai_authored' ? 'AI-authored' : 'AI-assisted'} (${attribution.signal}) and says nowhere why`;
  const hint =
    'add a trailer line such as `Why: <why this change, and why this way>` at the end of the message';
  if (whyMode === 'require') throw new CliError(what, { hint: `${hint}; your workspace requires it` });
  context.deps.stderr.write(`recital: ${what}.\nhint: ${hint}, or later: recital explain <sha> "…"\n`);
}

async function explain(
  context: CommandContext,
  sha: string,
  text: string,
  options: { repo?: string; gitNote?: boolean },
): Promise<void> {
  const root = await repoRoot(options.repo ?? context.deps.cwd);
  const connected = await requireConnected(root);
  const { api } = await context.session();
  const note = await api.call(explainCommit, {
    params: { repositoryId: connected.id, sha: sha.toLowerCase() },
    body: { text },
  });
  if (options.gitNote)
    await runGit(['notes', '--ref=refs/notes/why', 'add', '-f', '-m', note.text, note.sha], { cwd: root });
  context.out.result(
    note,
    () => `Why-note added to ${note.sha.slice(0, 12)}: you now understand its lines.\n`,
  );
}

export function registerHookCommands(program: Command, deps: CliDeps): void {
  const hooks = program.command('hooks').description('Git hooks that report commits as they happen.');
  hooks
    .command('install')
    .description(`Install ${HOOKS.join(', ')} hooks in a connected clone (existing hooks keep running).`)
    .option('--repo <path>', 'the clone (default: the current folder)')
    .action(action(deps, install));
  hooks
    .command('uninstall')
    .description("Remove Recital's hooks and restore the ones they wrapped.")
    .option('--repo <path>', 'the clone (default: the current folder)')
    .action(action(deps, uninstall));
  hooks
    .command('report')
    .description('Run by the hooks: spool the new commits and send what waits.')
    .argument('<hook>', REPORT_HOOKS.join(' | '))
    .option('--repo <path>', 'the clone (default: the current folder)')
    .option(
      '--revisions <sha|a..b>',
      'the commit (or range) the hook saw; default: HEAD (or ORIG_HEAD..HEAD)',
    )
    .action(action(deps, report));
  hooks
    .command('commit-msg')
    .description('Run by the commit-msg hook: ask AI-assisted commits for a Why: trailer.')
    .argument('<file>', 'the commit message file git passes')
    .action(action(deps, commitMsg));
  program
    .command('explain')
    .description('Add a why-note to a commit after the fact.')
    .argument('<sha>', 'the commit (at least 4 hex digits)')
    .argument('<why>', 'why this change, and why this way')
    .option('--repo <path>', 'the clone (default: the current folder)')
    .option('--git-note', 'also keep it as a git note under refs/notes/why')
    .addHelpText(
      'after',
      examples(['recital explain 1a2b3c4 "Retries were lost on restart; the outbox keeps them."']),
    )
    .action(action(deps, explain));
}
