import type { ProofInput } from '../../../contracts/checkpoints.contract.js';
import { ApiError } from '../../../contracts/client.js';
import { humanMessage, type FormError } from '../../lib/api-errors.js';

/** One proof item to send, with the field it came from and how to name it in a message. */
export interface Planned {
  input: ProofInput;
  field: string;
  label: string;
}

/** `proof[2].url` and `body.proof.2.url` both point at item 2. */
function itemIndex(path: string): number | null {
  const match = /proof(?:\[(\d+)\]|\.(\d+))/.exec(path);
  return match ? Number(match[1] ?? match[2]) : null;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Place the server's refusal beside the field that caused it: it names items by position
 * (`proof[1].url: …`), which the form knows as "Link 2" or "Commits".
 */
export function placeError(error: unknown, planned: readonly Planned[]): FormError {
  const result: FormError = { message: humanMessage(error), fields: {}, other: [] };
  if (!(error instanceof ApiError)) return result;
  const details = (error.details ?? {}) as { issues?: unknown; field?: unknown };
  const issues: { path: string; message: string }[] = Array.isArray(details.issues)
    ? details.issues.flatMap((issue: unknown) => {
        const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
        return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
      })
    : [];
  if (issues.length === 0 && typeof details.field === 'string')
    issues.push({ path: details.field, message: error.message.replace(`${details.field}: `, '') });
  for (const issue of issues) {
    const index = itemIndex(issue.path);
    const item = index === null ? undefined : planned[index];
    if (item && !result.fields[item.field]) result.fields[item.field] = sentence(issue.message);
    else if (issue.path.endsWith('note')) result.fields.note = sentence(issue.message);
    else result.other.push(sentence(issue.message));
  }
  if (Object.keys(result.fields).length > 0) result.message = 'Some proof needs attention.';
  else if (result.other.length > 0) result.message = 'The proof could not be sent:';
  else
    result.message = result.message.replace(
      /(?:body\.)?proof(?:\[(\d+)\]|\.(\d+))(?:\.[\w[\]]+)*/g,
      (whole, a?: string, b?: string) => planned[Number(a ?? b)]?.label ?? whole,
    );
  return result;
}
