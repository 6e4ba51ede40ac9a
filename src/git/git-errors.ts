/** Stable codes for what can go wrong when Recital asks git something. */
export type GitErrorCode = 'git.missing' | 'git.not_a_repository' | 'git.unknown_revision' | 'git.failed';

/**
 * The one error of the git gateway: a stable dotted code a caller can branch on, a message for
 * people that carries git's own first stderr line, and the arguments that were run.
 */
export class GitError extends Error {
  readonly code: GitErrorCode;
  readonly args: readonly string[];
  readonly stderr: string;
  readonly exitCode: number | null;

  constructor(options: {
    code: GitErrorCode;
    message: string;
    args: readonly string[];
    stderr?: string;
    exitCode?: number | null;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'GitError';
    this.code = options.code;
    this.args = options.args;
    this.stderr = options.stderr ?? '';
    this.exitCode = options.exitCode ?? null;
  }
}

export function isGitError(error: unknown): error is GitError {
  return error instanceof GitError;
}

/** The first non-empty stderr line, without git's "fatal: " prefix: what a person needs to read. */
export function firstStderrLine(stderr: string): string {
  const line = stderr.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  return line.replace(/^(fatal|error): /, '').trim();
}

const NOT_A_REPOSITORY = /not a git repository/i;
const UNKNOWN_REVISION =
  /unknown revision|bad revision|not a valid object name|bad object|ambiguous argument|does not have any commits yet|needed a single revision|invalid object name/i;

/**
 * Names a failed git run from its stderr (git runs with LC_ALL=C, so the English wording is stable).
 *
 * @example classifyGitFailure("fatal: bad revision 'nope'\n") // 'git.unknown_revision'
 */
export function classifyGitFailure(stderr: string): GitErrorCode {
  if (NOT_A_REPOSITORY.test(stderr)) return 'git.not_a_repository';
  if (UNKNOWN_REVISION.test(stderr)) return 'git.unknown_revision';
  return 'git.failed';
}

/** Builds the error for a git run that exited non-zero. */
export function gitFailure(options: {
  args: readonly string[];
  cwd: string;
  stderr: string;
  exitCode: number | null;
}): GitError {
  const code = classifyGitFailure(options.stderr);
  const detail = firstStderrLine(options.stderr) || `exit code ${String(options.exitCode)}`;
  const message =
    code === 'git.not_a_repository'
      ? `${options.cwd} is not a git repository (or any parent): run git init or pass the repository's folder`
      : `git ${options.args[0] ?? ''} failed: ${detail}`;
  return new GitError({
    code,
    message,
    args: options.args,
    stderr: options.stderr,
    exitCode: options.exitCode,
  });
}
