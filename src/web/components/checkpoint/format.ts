import type { CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import { REJECTION_REASON_CODES } from '../../../contracts/checkpoints.contract.js';
import type { FormError } from '../../lib/api-errors.js';

export type CheckpointStatus = CheckpointDto['status'];
export type RejectionReason = (typeof REJECTION_REASON_CODES)[number];

export const REASON_LABELS: Record<RejectionReason, string> = {
  incomplete: 'Incomplete: part of the work is missing',
  does_not_meet_criteria: 'Does not meet the acceptance criteria',
  cannot_verify: 'Cannot verify it from this proof',
  other: 'Other (explained in the comment)',
};

/** The short form, for lists and history lines. */
export const REASON_SHORT: Record<RejectionReason, string> = {
  incomplete: 'incomplete',
  does_not_meet_criteria: 'does not meet the criteria',
  cannot_verify: 'cannot verify',
  other: 'other',
};

export function isReason(value: string): value is RejectionReason {
  return (REJECTION_REASON_CODES as readonly string[]).includes(value);
}

/** Each status has its own word and its own symbol, so colour is never the only signal. */
export const STATUS_LABELS: Record<CheckpointStatus, { label: string; symbol: string }> = {
  pending: { label: 'Pending', symbol: '○' },
  submitted: { label: 'Waiting for review', symbol: '◔' },
  approved: { label: 'Approved', symbol: '✓' },
  rejected: { label: 'Rejected', symbol: '✕' },
  missed: { label: 'Missed', symbol: '!' },
};

export const HEALTH_LABELS = {
  on_track: { label: 'On track', symbol: '●' },
  slipping: { label: 'Slipping', symbol: '▲' },
  stalled: { label: 'Stalled', symbol: '■' },
} as const;
export type Health = keyof typeof HEALTH_LABELS;

/**
 * A local date (YYYY-MM-DD) for people: `Fri, Mar 6, 2026`. Read at noon UTC so no zone moves the day.
 */
export function formatLocalDate(date: string, options: { year?: boolean } = {}): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(options.year === false ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(at);
}

/** `3 h 20 min`, `45 min`, `0 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `1.2 MB`, `830 kB`, `512 B`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Whether a link points at a pull or merge request (GitHub, GitLab, Bitbucket) rather than a live page,
 * decided by the URL's shape like the CLI does.
 */
export function isPullRequestUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const github = host === 'github.com' || host === 'www.github.com' || host.startsWith('github.');
  if (github && /^\/[^/]+\/[^/]+\/pull\/\d+(\/|$)/.test(url.pathname)) return true;
  if (/\/-\/merge_requests\/\d+(\/|$)/.test(url.pathname)) return true;
  return host === 'bitbucket.org' && /^\/[^/]+\/[^/]+\/pull-requests\/\d+(\/|$)/.test(url.pathname);
}

export type LinkKind =
  | { kind: 'pull_request' | 'live_url'; url: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'empty' };

/** What a typed link is: a pull request, a live page, or not an acceptable link (and why). */
export function classifyLink(value: string): LinkKind {
  const trimmed = value.trim();
  if (!trimmed) return { kind: 'empty' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { kind: 'invalid', message: 'Enter a full link starting with https:// (or http://).' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { kind: 'invalid', message: 'Only http:// and https:// links can be proof.' };
  if (url.username || url.password)
    return { kind: 'invalid', message: 'Remove the user name or password from the link.' };
  return { kind: isPullRequestUrl(url) ? 'pull_request' : 'live_url', url: trimmed };
}

const SHA = /^[0-9a-f]{7,40}$/i;
const RANGE = /^([0-9a-f]{7,40})\.\.([0-9a-f]{7,40})$/i;

export type CommitProof =
  { kind: 'commits'; shas: string[] } | { kind: 'commit_range'; from: string; to: string };

/**
 * Commit SHAs separated by spaces or commas, and ranges written `a..b`.
 *
 * @example parseCommits('abc1234, def5678 1111111..2222222')
 * // { items: [{ kind: 'commits', shas: ['abc1234', 'def5678'] }, { kind: 'commit_range', … }] }
 */
export function parseCommits(value: string): { items: CommitProof[] } | { error: string } {
  const tokens = value.split(/[\s,]+/).filter(Boolean);
  const shas: string[] = [];
  const ranges: CommitProof[] = [];
  for (const token of tokens) {
    const range = RANGE.exec(token);
    if (range)
      ranges.push({ kind: 'commit_range', from: range[1]!.toLowerCase(), to: range[2]!.toLowerCase() });
    else if (SHA.test(token)) shas.push(token.toLowerCase());
    else if (/^[0-9a-f]{7,40}\.\.\.[0-9a-f]{7,40}$/i.test(token))
      return { error: `“${token}” has three dots; write a range with two, like a1b2c3d..e4f5a6b.` };
    else return { error: `“${token}” is not a commit SHA (7 to 40 hexadecimal characters) or a range a..b.` };
  }
  if (shas.length > 100) return { error: 'List at most 100 commits; use a range for more.' };
  return { items: [...(shas.length > 0 ? [{ kind: 'commits' as const, shas }] : []), ...ranges] };
}

/** The error without the message beside `field`, once the person has changed that field. */
export function withoutField(error: FormError | null, field: string): FormError | null {
  if (!error?.fields[field]) return error;
  const fields = { ...error.fields };
  delete fields[field];
  if (Object.keys(fields).length === 0 && error.other.length === 0) return null;
  return { ...error, fields };
}
