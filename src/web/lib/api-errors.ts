import { ApiError } from '../../contracts/client.js';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error ready to show: one sentence, issues placed beside fields, and the issues no field claimed. */
export interface FormError {
  message: string;
  fields: Partial<Record<string, string>>;
  other: string[];
}

function issuesOf(details: unknown): FieldIssue[] {
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const { issues } = details;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    return [{ path: typeof path === 'string' ? path : '', message }];
  });
}

/** `email`, `body.email` and `/body/email` all name the field `email`. */
function pathMatches(path: string, field: string): boolean {
  return path === field || path.endsWith(`.${field}`) || path.endsWith(`/${field}`);
}

/** The sentence to show for any thrown value; never raw JSON or a stack trace. */
export function humanMessage(error: unknown): string {
  if (error instanceof ApiError) return error.humanMessage;
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  return 'Something went wrong. Try again.';
}

/**
 * Turn a thrown value into a {@link FormError}, placing `request.invalid` issues beside the named fields.
 *
 * @example toFormError(error, ['email', 'password']).fields.password // 'Use at least 10 characters.'
 */
export function toFormError(error: unknown, fieldNames: readonly string[] = []): FormError {
  const result: FormError = { message: humanMessage(error), fields: {}, other: [] };
  if (!(error instanceof ApiError) || error.code !== 'request.invalid') return result;
  for (const issue of issuesOf(error.details)) {
    const field = fieldNames.find((name) => pathMatches(issue.path, name));
    if (field && !result.fields[field]) result.fields[field] = issue.message;
    else result.other.push(issue.message);
  }
  // The server's sentence for this code repeats every issue with its path; the issues speak for themselves.
  if (Object.keys(result.fields).length > 0) result.message = 'Some fields need attention.';
  else if (result.other.length > 0) result.message = 'The form could not be sent:';
  return result;
}

export function isApiError(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
