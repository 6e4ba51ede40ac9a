/** How checkpoints, submissions and the review queue read in a terminal. */
import type { z } from 'zod';
import { getMe } from '../contracts/auth.contract.js';
import {
  type CheckpointDetail,
  type CheckpointDto,
  type ProofItemSchema,
  type ReviewQueueItemSchema,
} from '../contracts/checkpoints.contract.js';
import { ApiError, type ApiClient } from '../contracts/client.js';
import { type Project } from '../contracts/projects.contract.js';
import { type Member, listMembers } from '../contracts/workspaces.contract.js';
import { sanitize } from './output.js';
import { formatBytes } from './proof.js';

type ProofItem = z.infer<typeof ProofItemSchema>;
type Submission = CheckpointDetail['submissions'][number];
type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

/** `YYYY-MM-DD HH:MM` of an instant in a time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Fri 2026-03-06`. */
export function formatLocalDate(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return Number.isNaN(day) ? date : `${WEEKDAY_NAMES[day]} ${date}`;
}

/** The caller's time zone, for printing instants. */
export async function viewerTimeZone(api: ApiClient): Promise<string> {
  return (await api.call(getMe, {})).timeZone;
}

/** The workspace's members by user id; empty when the caller may not list them. */
export async function membersOf(api: ApiClient, workspaceId: string): Promise<Map<string, Member>> {
  try {
    const { members } = await api.call(listMembers, { params: { workspaceId } });
    return new Map(members.map((m) => [m.userId, m]));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return new Map();
    throw error;
  }
}

export function nameOf(members: Map<string, Member>, userId: string | null): string {
  if (userId === null) return 'Recital';
  return members.get(userId)?.displayName ?? userId;
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

function clip(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** One piece of proof on one line. */
export function describeProof(item: ProofItem): string {
  switch (item.kind) {
    case 'commits':
      return `${item.shas.length === 1 ? 'commit' : 'commits'} ${item.shas.map(shortSha).join(', ')}`;
    case 'commit_range':
      return `commits ${shortSha(item.from)}..${shortSha(item.to)}`;
    case 'pull_request':
      return `pull request ${item.url}`;
    case 'live_url':
      return `live ${item.url}`;
    case 'file':
      return `file ${item.name} (${item.mediaType}, ${formatBytes(item.bytes)})`;
    case 'text':
      return `text "${clip(item.text, 60)}"`;
  }
}

/** The proof of a submission with the pre-check of each item, one per line. */
export function proofLines(submission: Submission, indent = '  '): string[] {
  return submission.proof.map((item, index) => {
    const check = submission.checks.find((c) => c.item === index);
    const verdict = check ? `: ${check.status} (${check.detail})` : '';
    return `${indent}${index + 1}. ${sanitize(describeProof(item))}${sanitize(verdict)}`;
  });
}

export function statusText(checkpoint: CheckpointDto): string {
  if (checkpoint.status === 'missed') return 'missed';
  if (checkpoint.missedAt) return `${checkpoint.status}, late (the date was missed)`;
  return checkpoint.late ? `${checkpoint.status}, late` : checkpoint.status;
}

export const STATUS_WORDS: Record<CheckpointDto['status'], string> = {
  pending: 'no proof yet',
  submitted: 'waiting for review',
  approved: 'approved',
  rejected: 'rejected',
  missed: 'missed',
};

export function formatCheckpointDetail(
  detail: CheckpointDetail,
  members: Map<string, Member>,
  zone: string,
  project: Pick<Project, 'name' | 'builderId'>,
): string {
  const { checkpoint } = detail;
  const builderZone = members.get(project.builderId)?.timeZone;
  const when = (iso: string) => formatInstant(iso, zone);
  const lines = [
    `${sanitize(checkpoint.title)}  [${checkpoint.id}]  ${sanitize(project.name)}`,
    `Due:       ${formatLocalDate(checkpoint.dueDate)}, end of day${builderZone ? ` in ${builderZone}` : ''} (${when(checkpoint.dueAt)} your time)`,
    `Status:    ${statusText(checkpoint)}${checkpoint.missedAt ? `; missed at ${when(checkpoint.missedAt)}` : ''}`,
  ];
  if (checkpoint.taskIds.length > 0) lines.push(`Tasks:     ${checkpoint.taskIds.join(', ')}`);
  lines.push('Criteria:');
  if (checkpoint.criteria.length === 0) lines.push('  (none written)');
  for (const criterion of checkpoint.criteria) lines.push(`  - ${sanitize(criterion)}`);
  lines.push('', detail.submissions.length === 0 ? 'No proof submitted yet.' : 'Submissions:');
  detail.submissions.forEach((submission, index) => {
    const current = checkpoint.current?.submissionId === submission.submissionId ? ', current' : '';
    lines.push(
      `  #${index + 1} ${when(submission.at)} by ${sanitize(nameOf(members, submission.by))}` +
        `${submission.late ? ', late' : ''}${current}  [${submission.submissionId}]`,
    );
    if (submission.note) lines.push(`    note: ${sanitize(clip(submission.note, 200))}`);
    lines.push(...proofLines(submission, '    '));
    for (const review of detail.reviews.filter((r) => r.submissionId === submission.submissionId)) {
      const reason = review.reason ? ` (${review.reason})` : '';
      const comment = review.comment ? `: ${clip(review.comment, 200)}` : '';
      lines.push(
        `    → ${review.decision}${reason} by ${sanitize(nameOf(members, review.by))} at ${when(review.at)}${sanitize(comment)}`,
      );
    }
  });
  if (detail.history.length > 0) {
    lines.push('', 'History:');
    for (const event of detail.history)
      lines.push(
        `  ${when(event.at)}  ${event.type.replace('_', ' ')}${event.by ? ` by ${sanitize(nameOf(members, event.by))}` : ''}` +
          `${event.detail ? `: ${sanitize(clip(event.detail, 160))}` : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function formatSubmitted(detail: CheckpointDetail): string {
  const { checkpoint } = detail;
  const submission = checkpoint.current ?? detail.submissions.at(-1);
  const timing = checkpoint.late ? `late (it was due ${checkpoint.dueDate})` : 'on time';
  const lines = [
    `Submitted proof for "${sanitize(checkpoint.title)}" [${checkpoint.id}]: ${STATUS_WORDS[checkpoint.status]}, ${timing}.`,
  ];
  if (submission) {
    lines.push(`Submission ${submission.submissionId}; pre-checks:`);
    lines.push(...proofLines(submission));
    const failed = submission.checks.filter((c) => c.status === 'failed').length;
    if (failed > 0)
      lines.push(`${failed} check${failed === 1 ? '' : 's'} failed; your witness sees that too.`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatQueue(items: ReviewQueueItem[], zone: string): string {
  if (items.length === 0) return 'Nothing is waiting for your review.\n';
  const lines: string[] = [`${items.length} waiting for your review (times in ${zone}):`];
  for (const item of items) {
    const { checkpoint } = item;
    lines.push(
      '',
      `${sanitize(item.projectName)}: "${sanitize(checkpoint.title)}" [${checkpoint.id}]${checkpoint.late ? ' (late)' : ''}`,
      `  builder ${sanitize(item.builderName)}, waiting since ${formatInstant(item.waitingSince, zone)}, due ${checkpoint.dueDate}`,
    );
    if (checkpoint.current) {
      if (checkpoint.current.note) lines.push(`  note: ${sanitize(clip(checkpoint.current.note, 200))}`);
      lines.push(...proofLines(checkpoint.current, '  '));
    }
    lines.push(`  → recital review approve ${checkpoint.id} --project ${item.projectId}`);
  }
  return `${lines.join('\n')}\n`;
}
