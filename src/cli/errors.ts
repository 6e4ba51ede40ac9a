import { ApiError } from '../contracts/client.js';
import { ERRORS } from '../contracts/errors.js';
import { sanitize } from './output.js';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/** An error the CLI explains itself: a message, an optional hint and the exit code. */
export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_ERROR;
  }
}

/** The server could not be reached at all (DNS, refused, TLS, timeout). */
export class NetworkError extends CliError {
  constructor(
    readonly url: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`cannot reach ${url}: ${reason}`, { hint: 'check the URL and that the server is running', cause });
    this.name = 'NetworkError';
  }
}

export function loginHint(url: string | undefined): string {
  return `run \`recital login ${url ?? '<url>'}\``;
}

/** Why a fetch failed, in the words of the deepest cause that has any. */
export function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'the server did not answer in time';
  let current: unknown = error;
  let reason = error instanceof Error ? error.message : String(error);
  while (current instanceof Error && current.cause !== undefined) {
    current = current.cause;
    const cause = current as Error & { code?: string };
    if (cause.message) reason = cause.message;
    else if (cause.code) reason = cause.code;
  }
  return reason;
}

interface Issue {
  path?: (string | number)[] | string;
  message: string;
}

function issuesOf(error: ApiError): Issue[] {
  if (error.code !== 'request.invalid') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is Issue =>
      typeof issue === 'object' && issue !== null && typeof issue.message === 'string',
  );
}

function formatIssue(issue: Issue): string {
  const joined = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
  // The CLI built the body from flags; "body." only adds noise. Params and query keep their prefix.
  const path = joined.replace(/^body(\.|$)/, '');
  return path ? `  ${path}: ${issue.message}` : `  ${issue.message}`;
}

function hintFor(error: ApiError, url: string | undefined): string | undefined {
  switch (error.code) {
    case 'auth.required':
      return loginHint(url);
    case 'auth.invalid_credentials':
      return 'check the email and password, then try again';
    case 'workspaces.not_found':
      return 'run `recital workspace list` to see your workspaces';
    case 'route.not_found':
      return url ? `is ${url} a Recital server of a compatible version?` : undefined;
    default:
      return undefined;
  }
}

/**
 * An API error as the CLI explains it: the server's message, the field issues of an invalid
 * request, and a hint at what to do next.
 */
export function explainApiError(error: ApiError, context: { url?: string | undefined }): CliError {
  const issues = issuesOf(error).map(formatIssue);
  // The server folds the issues into its message too; listed one per line, they read better.
  const headline = issues.length > 0 ? ERRORS['request.invalid'].message : error.humanMessage;
  const lines = [headline, ...issues].map(sanitize);
  const hint = hintFor(error, context.url);
  return new CliError(lines.join('\n'), { cause: error, ...(hint ? { hint } : {}) });
}

/**
 * The lines printed on stderr for a failed command, ending with a newline.
 *
 * @example
 * formatError(new CliError('not logged in', { hint: 'run `recital login <url>`' }));
 * // "error: not logged in\nhint: run `recital login <url>`\n"
 */
export function formatError(error: unknown): string {
  const explained = error instanceof ApiError ? explainApiError(error, {}) : error;
  const message = explained instanceof Error ? explained.message : String(explained);
  const hint = explained instanceof CliError ? explained.hint : undefined;
  return `error: ${message}\n${hint ? `hint: ${hint}\n` : ''}`;
}

export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : EXIT_ERROR;
}
