import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { runGit } from '../git/run-git.js';

/** Marks a hook file as Recital's, so install and uninstall never touch anyone else's. */
export const HOOK_MARKER = '# recital-hook';

/** Hooks that report work, in the background; and the one that asks AI-assisted commits for a why. */
export const REPORT_HOOKS = ['post-commit', 'post-merge', 'pre-push'] as const;
export const HOOKS = [...REPORT_HOOKS, 'commit-msg'] as const;
export type HookName = (typeof HOOKS)[number];

/** A word for sh, single-quoted so nothing in it (spaces, $, quotes) is interpreted. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A hook that was there before Recital's is kept beside it and run first, with the same input. */
const previous = (name: HookName) => `${name}.pre-recital`;

function chainPrevious(name: HookName): string[] {
  const path = `"$(dirname "$0")/${previous(name)}"`;
  if (name === 'pre-push')
    return ['input=$(cat)', `if [ -x ${path} ]; then printf '%s\\n' "$input" | ${path} "$@" || exit $?; fi`];
  return [`if [ -x ${path} ]; then ${path} "$@" || exit $?; fi`];
}

/**
 * The script git runs. Reports go to the background with no terminal attached, so a commit never
 * waits for the network; the commit-msg check runs in the foreground only when the workspace asks
 * for why-notes, because only it may stop a commit.
 */
export function hookScript(name: HookName, command: readonly string[]): string {
  const cli = command.map(shellQuote).join(' ');
  const program = command.find((word, index) => index > 0 && isAbsolute(word)) ?? command[0] ?? 'recital';
  const guard = isAbsolute(program)
    ? `[ -e ${shellQuote(program)} ] || exit 0`
    : `command -v ${shellQuote(program)} >/dev/null 2>&1 || exit 0`;
  const lines = [
    '#!/bin/sh',
    `${HOOK_MARKER}: reports work to Recital. Remove with \`recital hooks uninstall\`.`,
    ...chainPrevious(name),
    guard,
  ];
  if (name === 'commit-msg') {
    lines.push(
      'mode=$(git config --get recital.whyMode 2>/dev/null || echo warn)',
      '[ "$mode" = off ] && exit 0',
      `exec ${cli} hooks commit-msg "$1"`,
    );
  } else {
    // What to report is read now, while git waits: by the time the background report runs, HEAD may
    // have moved on (a rebase commits many times a second).
    const what =
      name === 'post-commit'
        ? ' --revisions "$(git rev-parse HEAD)"'
        : name === 'post-merge'
          ? ' --revisions "$(git rev-parse -q --verify ORIG_HEAD)..$(git rev-parse HEAD)"'
          : '';
    lines.push(`${cli} hooks report ${name}${what} </dev/null >/dev/null 2>&1 &`, 'exit 0');
  }
  return `${lines.join('\n')}\n`;
}

/** The clone's hooks folder, as git resolves it (core.hooksPath, worktrees). */
export async function hooksDir(root: string): Promise<string> {
  const path = (await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: root })).trim();
  return isAbsolute(path) ? path : join(root, path);
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface InstallResult {
  installed: HookName[];
  /** Hooks that were already there: kept as `<name>.pre-recital` and run first. */
  chained: HookName[];
  dir: string;
}

export async function installHooks(root: string, command: readonly string[]): Promise<InstallResult> {
  const dir = await hooksDir(root);
  const result: InstallResult = { installed: [], chained: [], dir };
  for (const name of HOOKS) {
    const path = join(dir, name);
    const existing = await readIfExists(path);
    if (existing !== null && !existing.includes(HOOK_MARKER)) {
      await rename(path, join(dir, previous(name)));
      result.chained.push(name);
    }
    await writeFile(path, hookScript(name, command), { mode: 0o755 });
    await chmod(path, 0o755);
    result.installed.push(name);
  }
  return result;
}

/** Remove Recital's hooks and put back the ones they had wrapped. */
export async function uninstallHooks(root: string): Promise<HookName[]> {
  const dir = await hooksDir(root);
  const removed: HookName[] = [];
  for (const name of HOOKS) {
    const path = join(dir, name);
    const existing = await readIfExists(path);
    if (existing === null || !existing.includes(HOOK_MARKER)) continue;
    await rm(path);
    removed.push(name);
    if ((await readIfExists(join(dir, previous(name)))) !== null)
      await rename(join(dir, previous(name)), path);
  }
  return removed;
}
