import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { getMe } from '../contracts/auth.contract.js';
import {
  type CheckpointDetail,
  type CheckpointDto,
  type ProofInput,
  type ProofItemSchema,
  type ReviewQueueItemSchema,
  MAX_UPLOAD_BYTES,
  REJECTION_REASON_CODES,
  type UploadDto,
  getCheckpoint,
  listCheckpoints,
  listReviews,
  reviewCheckpoint,
  submitCheckpoint,
  uploadProofFile,
} from '../contracts/checkpoints.contract.js';
import { ApiError, type ApiClient } from '../contracts/client.js';
import { endpointUrl } from '../contracts/endpoint.js';
import { type Project, listProjects } from '../contracts/projects.contract.js';
import { type Member, listMembers, listWorkspaces } from '../contracts/workspaces.contract.js';
import { type CliDeps, type CommandContext, type Session, action } from './context.js';
import { CliError, EXIT_USAGE, NetworkError, explainApiError, networkReason } from './errors.js';
import { examples } from './help.js';
import { type Column, formatTable, sanitize } from './output.js';
import { resolveProject } from './project.commands.js';

export const projectOption = [
  '--project <project>',
  'the project id or slug (default: your only project, or the only one you build)',
] as const;

type ProofItem = z.infer<typeof ProofItemSchema>;
type Submission = CheckpointDetail['submissions'][number];
type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;
type RejectionReason = (typeof REJECTION_REASON_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Proof on the command line

/** One `--proof` value as understood: proof to send as it is, or a local file to upload first. */
export type PlannedProof = Exclude<ProofInput, { kind: 'file' }> | { kind: 'upload'; path: string };

/** What is at a path on this machine, if anything. */
export type PathKind = 'file' | 'directory' | undefined;

const SHA = /^[0-9a-f]{7,40}$/i;
const RANGE = /^([0-9a-f]{7,40})\.\.([0-9a-f]{7,40})$/i;
const MAX_SHAS_PER_ITEM = 100;

export const PROOF_FORMS =
  'an http(s) link (a pull request or a live page), a file to upload (PNG, JPEG, GIF, WebP or PDF), ' +
  'a commit sha (7 to 40 hex digits) or a range like 1a2b3c4..5d6e7f8; put words in --text';

/** Whether an http(s) link is a pull request (GitHub, GitLab, Bitbucket) rather than a page. */
export function isPullRequestUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const github = host === 'github.com' || host === 'www.github.com' || host.startsWith('github.');
  if (github && /^\/[^/]+\/[^/]+\/pull\/\d+(\/|$)/.test(url.pathname)) return true;
  if (/\/-\/merge_requests\/\d+(\/|$)/.test(url.pathname)) return true;
  return host === 'bitbucket.org' && /^\/[^/]+\/[^/]+\/pull-requests\/\d+(\/|$)/.test(url.pathname);
}

function usage(message: string, hint = `give ${PROOF_FORMS}`): CliError {
  return new CliError(message, { hint, exitCode: EXIT_USAGE });
}

function classifyOne(value: string, pathKind: (value: string) => PathKind): PlannedProof | string {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw usage(`--proof: "${sanitize(value)}" is not a valid link`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw usage(`--proof: only http:// and https:// links can be proof, not "${sanitize(value)}"`);
    return { kind: isPullRequestUrl(url) ? 'pull_request' : 'live_url', url: url.href };
  }
  const range = RANGE.exec(trimmed);
  if (range) return { kind: 'commit_range', from: range[1]!.toLowerCase(), to: range[2]!.toLowerCase() };
  const found = pathKind(value);
  if (found === 'file') return { kind: 'upload', path: value };
  if (found === 'directory') throw usage(`--proof: ${sanitize(value)} is a directory; give a file in it`);
  if (SHA.test(trimmed)) return trimmed.toLowerCase();
  if (/^[0-9a-f]{7,40}\.\.\.[0-9a-f]{7,40}$/i.test(trimmed))
    throw usage(`--proof: "${sanitize(value)}" has three dots; a commit range is written with two (a..b)`);
  if (/[/\\]/.test(trimmed) || /\.[a-z0-9]{1,5}$/i.test(trimmed))
    throw usage(`--proof: no such file: ${sanitize(value)}`);
  throw usage(`--proof: cannot tell what "${sanitize(value)}" is`);
}

/**
 * Classify `--proof` values, in order: http(s) links (pull requests or live pages), commit ranges
 * (`a..b`), existing files (to upload), and commit shas; consecutive shas become one commits item.
 * Anything else is a usage error naming the value and the accepted forms.
 *
 * @example
 * classifyProof(['abc1234', 'def5678', 'https://github.com/o/r/pull/7'], () => undefined);
 * // [{ kind: 'commits', shas: ['abc1234', 'def5678'] }, { kind: 'pull_request', url: '…/pull/7' }]
 */
export function classifyProof(
  values: readonly string[],
  pathKind: (value: string) => PathKind = () => undefined,
): PlannedProof[] {
  const planned: PlannedProof[] = [];
  let shas: string[] | null = null;
  for (const value of values) {
    const item = classifyOne(value, pathKind);
    if (typeof item === 'string') {
      if (shas && shas.length < MAX_SHAS_PER_ITEM) shas.push(item);
      else {
        shas = [item];
        planned.push({ kind: 'commits', shas });
      }
      continue;
    }
    shas = null;
    planned.push(item);
  }
  return planned;
}

async function pathKindsOf(values: readonly string[], cwd: string): Promise<Map<string, PathKind>> {
  const kinds = new Map<string, PathKind>();
  for (const value of values) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) continue;
    try {
      const info = await stat(path.resolve(cwd, value));
      kinds.set(value, info.isFile() ? 'file' : info.isDirectory() ? 'directory' : undefined);
    } catch {
      kinds.set(value, undefined);
    }
  }
  return kinds;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Upload a proof file as the raw request body; the typed client only speaks JSON. Same server and
 * token as the session, so the token never goes anywhere else.
 */
export async function uploadFile(
  context: CommandContext,
  session: Session,
  projectId: string,
  file: string,
): Promise<UploadDto> {
  const name = path.basename(file);
  const bytes = await readFile(path.resolve(context.deps.cwd, file));
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new CliError(
      `${sanitize(file)} is ${formatBytes(bytes.length)}; a proof file may be at most ${formatBytes(MAX_UPLOAD_BYTES)}`,
      { hint: 'attach a smaller screenshot or a PDF export, or link to it with a URL' },
    );
  if (bytes.length === 0) throw new CliError(`${sanitize(file)} is empty`);
  context.out.note(`uploading ${sanitize(name)} (${formatBytes(bytes.length)})…`);
  const url =
    session.url.replace(/\/$/, '') +
    endpointUrl(uploadProofFile.path, { projectId }) +
    `?name=${encodeURIComponent(name)}`;
  let response: Response;
  try {
    response = await context.deps.fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${session.token}`,
        'content-type': 'application/octet-stream',
      },
      body: bytes,
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new NetworkError(session.url, networkReason(error), error);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Reported below from the status alone.
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const apiError = new ApiError(
      error?.code ?? 'internal.error',
      error?.message ?? `HTTP ${response.status}`,
      response.status,
      error?.details,
    );
    const explained = explainApiError(apiError, { url: session.url });
    throw new CliError(`cannot upload ${sanitize(file)}: ${explained.message}`, {
      cause: apiError,
      ...(explained.hint ? { hint: explained.hint } : {}),
    });
  }
  return json as UploadDto;
}

// ---------------------------------------------------------------------------------------------
// Finding projects and checkpoints by what people type

/**
 * Like `resolveProject`, but with no reference in a workspace of several projects, the only one
 * you build: a builder in a cohort sees everyone's projects and should not have to name their own.
 */
export async function resolveOwnProject(api: ApiClient, reference: string | undefined): Promise<Project> {
  try {
    return await resolveProject(api, reference);
  } catch (error) {
    if (reference !== undefined || !(error instanceof CliError) || error.exitCode !== EXIT_USAGE) throw error;
    const me = await api.call(getMe, {});
    const mine: Project[] = [];
    for (const workspace of (await api.call(listWorkspaces, {})).workspaces)
      for (const project of (await api.call(listProjects, { params: { workspaceId: workspace.id } }))
        .projects)
        if (project.builderId === me.id) mine.push(project);
    if (mine.length === 1) return mine[0]!;
    throw error;
  }
}

interface Named {
  id: string;
  title: string;
  /** How the candidate is listed when a reference is ambiguous. */
  label: string;
}

/**
 * The one candidate a reference names: its id (any case), else its title, else a unique prefix of
 * an id or title, else a unique part of a title. Undefined when nothing matches; a usage error
 * listing the candidates when several do.
 *
 * @example
 * matchCheckpoint('week 1', checkpoints, (c) => ({ id: c.id, title: c.title, label: c.id }));
 */
export function matchCheckpoint<T>(
  reference: string,
  candidates: readonly T[],
  named: (candidate: T) => Named,
  where = '',
): T | undefined {
  const wanted = reference.trim().toLowerCase();
  if (!wanted) return undefined;
  const entries = candidates.map((candidate) => ({ candidate, ...named(candidate) }));
  const tiers: ((entry: Named) => boolean)[] = [
    (e) => e.id.toLowerCase() === wanted,
    (e) => e.title.trim().toLowerCase() === wanted,
    (e) => e.id.toLowerCase().startsWith(wanted) || e.title.trim().toLowerCase().startsWith(wanted),
    (e) => e.title.toLowerCase().includes(wanted),
  ];
  for (const tier of tiers) {
    const found = entries.filter(tier);
    if (found.length === 1) return found[0]!.candidate;
    if (found.length > 1)
      throw new CliError(
        `"${sanitize(reference)}" matches ${found.length} checkpoints${sanitize(where)}:\n` +
          found.map((e) => `  ${sanitize(e.label)}`).join('\n'),
        { hint: 'give the checkpoint id (and --project when they are in different projects)', exitCode: 2 },
      );
  }
  return undefined;
}

const labelOf = (c: CheckpointDto) => ({ id: c.id, title: c.title, label: `${c.id}  ${c.title}` });

/** A checkpoint of a project by id, title or unique prefix; an error listing them when none matches. */
export async function resolveCheckpoint(
  api: ApiClient,
  project: Project,
  reference: string,
): Promise<CheckpointDto> {
  const { checkpoints } = await api.call(listCheckpoints, { params: { projectId: project.id } });
  const found = matchCheckpoint(reference, checkpoints, labelOf, ` in ${project.name}`);
  if (found) return found;
  throw new CliError(`no checkpoint "${sanitize(reference)}" in ${sanitize(project.name)}`, {
    hint:
      checkpoints.length === 0
        ? 'the commitment has no checkpoints'
        : `its checkpoints: ${checkpoints.map((c) => c.id).join(', ')} (see \`recital checkpoints\`)`,
  });
}

// ---------------------------------------------------------------------------------------------
// Shared presentation

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

const STATUS_WORDS: Record<CheckpointDto['status'], string> = {
  pending: 'no proof yet',
  submitted: 'waiting for review',
  approved: 'approved',
  rejected: 'rejected',
  missed: 'missed',
};

// ---------------------------------------------------------------------------------------------
// Commands

export function registerCheckpointCommands(program: Command, deps: CliDeps): void {
  program
    .command('checkpoints')
    .description("The commitment's checkpoints: due date, status, late or missed.")
    .option(...projectOption)
    .addHelpText('after', examples(['recital checkpoints', 'recital checkpoints --project beta --json']))
    .action(action(deps, list));

  const checkpoint = program
    .command('checkpoint')
    .description('Look at one checkpoint: criteria, proof, pre-checks, reviews and history.')
    .addHelpText('after', examples(['recital checkpoint show cp-week-1', 'recital checkpoint list']));
  checkpoint
    .command('list')
    .description('The same as `recital checkpoints`.')
    .option(...projectOption)
    .addHelpText('after', examples(['recital checkpoint list']))
    .action(action(deps, list));
  checkpoint
    .command('show')
    .description('One checkpoint with every submission, pre-check, review and event.')
    .argument('<checkpoint>', 'the checkpoint id, or a unique start of its id or title')
    .option(...projectOption)
    .addHelpText('after', examples(['recital checkpoint show cp-week-1', 'recital checkpoint show "week 2"']))
    .action(action(deps, show));

  program
    .command('submit')
    .description('Submit proof for a checkpoint; your witness reviews it.')
    .argument('<checkpoint>', 'the checkpoint id, or a unique start of its id or title')
    .option(
      '--proof <proof...>',
      'a URL (pull request or live page), a file to upload, a commit sha, or a range sha..sha; repeatable',
    )
    .option('--text <text>', 'proof in words (what you did, where to look)')
    .option('--note <text>', 'a note for the witness')
    .option(...projectOption)
    .addHelpText(
      'after',
      examples([
        'recital submit cp-week-1 --proof https://github.com/me/app/pull/12 --proof shot.png',
        'recital submit cp-week-1 --proof 1a2b3c4 5d6e7f8 --note "sign-in works end to end"',
        'recital submit "week 2" --proof 1a2b3c4..9f8e7d6 --proof https://app.example.com',
      ]) +
        '\nEach --proof is read as: an http(s) link (GitHub/GitLab pull or merge request links are\n' +
        'pull requests), a range a..b, an existing file (uploaded first; PNG, JPEG, GIF, WebP or PDF,\n' +
        'at most 10 MB), or a commit sha (7 to 40 hex digits). Put the checkpoint before --proof.\n',
    )
    .action(action(deps, submit));

  const review = program
    .command('review')
    .description('Review proof as a witness: the queue, approve, reject.')
    .addHelpText(
      'after',
      examples([
        'recital review',
        'recital review approve cp-week-1',
        'recital review reject cp-week-1 --reason incomplete --comment "Receipts are missing"',
      ]),
    );
  review
    .command('list', { isDefault: true })
    .description('Submissions waiting for your review, in every project, oldest first.')
    .addHelpText('after', examples(['recital review', 'recital review list --json']))
    .action(action(deps, reviewList));
  review
    .command('approve')
    .description('Approve the current submission of a checkpoint (approval is final).')
    .argument('<checkpoint>', 'the checkpoint id, or a unique start of its id or title')
    .option('--comment <text>', 'a word for the builder')
    .option('--project <project>', 'the project id or slug (default: found from your review queue)')
    .addHelpText('after', examples(['recital review approve cp-week-1 --comment "Works on my phone too"']))
    .action(
      action(deps, (context, reference: string, options: ReviewOptions) =>
        decide(context, reference, 'approved', options),
      ),
    );
  review
    .command('reject')
    .description('Reject the current submission, saying why and what is missing; the builder resubmits.')
    .argument('<checkpoint>', 'the checkpoint id, or a unique start of its id or title')
    .requiredOption(`--reason <reason>`, `why: ${REJECTION_REASON_CODES.join(', ')}`, parseRejectionReason)
    .requiredOption('--comment <text>', 'what is missing, so the builder can fix it')
    .option('--project <project>', 'the project id or slug (default: found from your review queue)')
    .addHelpText(
      'after',
      examples([
        'recital review reject cp-week-1 --reason cannot_verify --comment "The live link answers 404"',
      ]),
    )
    .action(
      action(deps, (context, reference: string, options: ReviewOptions) =>
        decide(context, reference, 'rejected', options),
      ),
    );
}

/** `--reason`: one of the four codes; dashes and spaces read as underscores. */
export function parseRejectionReason(value: string): RejectionReason {
  const normal = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const found = REJECTION_REASON_CODES.find((code) => code === normal);
  if (!found)
    throw new InvalidArgumentError(
      `Expected one of ${REJECTION_REASON_CODES.join(', ')} (incomplete: parts are missing; ` +
        'does_not_meet_criteria: it does not do what the checkpoint asks; cannot_verify: you cannot see or run it; ' +
        'other: say why in --comment).',
    );
  return found;
}

async function list(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api } = await context.session();
  const project = await resolveOwnProject(api, options.project);
  const { checkpoints } = await api.call(listCheckpoints, { params: { projectId: project.id } });
  const members = await membersOf(api, project.workspaceId);
  const zone = members.get(project.builderId)?.timeZone;
  context.out.result({ projectId: project.id, builderTimeZone: zone ?? null, checkpoints }, () => {
    if (checkpoints.length === 0) return `${sanitize(project.name)}: the commitment has no checkpoints.\n`;
    const columns: Column<CheckpointDto>[] = [
      { header: 'ID', value: (c) => c.id },
      { header: 'DUE', value: (c) => formatLocalDate(c.dueDate) },
      { header: 'STATUS', value: statusText },
      { header: 'SUBMITTED', value: (c) => String(c.submittedCount) },
      { header: 'TITLE', value: (c) => c.title },
    ];
    const where = zone ? ` (due at the end of the day in ${zone}, the builder's time zone)` : '';
    return `${sanitize(project.name)}${where}:\n${formatTable(columns, checkpoints)}`;
  });
}

async function show(context: CommandContext, reference: string, options: { project?: string }) {
  const { api } = await context.session();
  const project = await resolveOwnProject(api, options.project);
  const found = await resolveCheckpoint(api, project, reference);
  const detail = await api.call(getCheckpoint, {
    params: { projectId: project.id, checkpointId: found.id },
  });
  const members = await membersOf(api, project.workspaceId);
  const zone = await viewerTimeZone(api);
  context.out.result(detail, () => formatCheckpointDetail(detail, members, zone, project));
}

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

interface SubmitOptions {
  proof?: string[];
  text?: string;
  note?: string;
  project?: string;
}

async function submit(context: CommandContext, reference: string, options: SubmitOptions): Promise<void> {
  const values = options.proof ?? [];
  if (values.length === 0 && options.text === undefined)
    throw usage('give some proof: --proof (links, files, commits) or --text');
  const kinds = await pathKindsOf(values, context.deps.cwd);
  const planned = classifyProof(values, (value) => kinds.get(value));
  const session = await context.session();
  const { api } = session;
  const project = await resolveOwnProject(api, options.project);
  const checkpoint = await resolveCheckpoint(api, project, reference);
  const proof: ProofInput[] = [];
  for (const item of planned) {
    if (item.kind !== 'upload') {
      proof.push(item);
      continue;
    }
    const upload = await uploadFile(context, session, project.id, item.path);
    proof.push({ kind: 'file', uploadId: upload.id });
  }
  if (options.text !== undefined) proof.push({ kind: 'text', text: options.text });
  const detail = await api.call(submitCheckpoint, {
    params: { projectId: project.id, checkpointId: checkpoint.id },
    body: { proof, ...(options.note === undefined ? {} : { note: options.note }) },
  });
  context.out.result(detail, () => formatSubmitted(detail));
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

async function reviewList(context: CommandContext): Promise<void> {
  const { api } = await context.session();
  const { items } = await api.call(listReviews, {});
  const zone = items.length > 0 ? await viewerTimeZone(api) : 'UTC';
  context.out.result({ items }, () => formatQueue(items, zone));
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

interface ReviewOptions {
  project?: string;
  comment?: string;
  reason?: RejectionReason;
}

interface ReviewTarget {
  projectId: string;
  projectName: string;
  checkpoint: CheckpointDto;
}

/**
 * What a reviewer means by a checkpoint: in --project when given; otherwise in their only project,
 * and failing that the one submission in their review queue it names.
 */
async function resolveReviewTarget(
  api: ApiClient,
  reference: string,
  projectReference: string | undefined,
): Promise<ReviewTarget> {
  if (projectReference !== undefined) {
    const project = await resolveProject(api, projectReference);
    const checkpoint = await resolveCheckpoint(api, project, reference);
    return { projectId: project.id, projectName: project.name, checkpoint };
  }
  let only: Project | undefined;
  try {
    only = await resolveProject(api, undefined);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
  }
  if (only) {
    try {
      const { checkpoints } = await api.call(listCheckpoints, { params: { projectId: only.id } });
      const checkpoint = matchCheckpoint(reference, checkpoints, labelOf, ` in ${only.name}`);
      if (checkpoint) return { projectId: only.id, projectName: only.name, checkpoint };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  const { items } = await api.call(listReviews, {});
  const item = matchCheckpoint(
    reference,
    items,
    (i) => ({
      id: i.checkpoint.id,
      title: i.checkpoint.title,
      label: `${i.checkpoint.id}  ${i.checkpoint.title}  (${i.projectName}, --project ${i.projectId})`,
    }),
    ' waiting for your review',
  );
  if (item) return { projectId: item.projectId, projectName: item.projectName, checkpoint: item.checkpoint };
  throw new CliError(`no checkpoint "${sanitize(reference)}" is waiting for your review`, {
    hint: 'run `recital review` to see your queue, or add --project <project>',
  });
}

async function decide(
  context: CommandContext,
  reference: string,
  decision: 'approved' | 'rejected',
  options: ReviewOptions,
): Promise<void> {
  const { api } = await context.session();
  const target = await resolveReviewTarget(api, reference, options.project);
  const params = { projectId: target.projectId, checkpointId: target.checkpoint.id };
  const current = await api.call(getCheckpoint, { params });
  const submission = current.checkpoint.current;
  if (current.checkpoint.status !== 'submitted' || !submission)
    throw new CliError(
      `"${sanitize(current.checkpoint.title)}" in ${sanitize(target.projectName)} has nothing waiting for review (${STATUS_WORDS[current.checkpoint.status]})`,
      { hint: `see \`recital checkpoint show ${current.checkpoint.id} --project ${target.projectId}\`` },
    );
  const detail = await api.call(reviewCheckpoint, {
    params,
    body: {
      submissionId: submission.submissionId,
      decision,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    },
  });
  const title = `"${sanitize(detail.checkpoint.title)}" in ${sanitize(target.projectName)}`;
  context.out.result(detail, () =>
    decision === 'approved'
      ? `Approved ${title} (submission ${submission.submissionId}).\n`
      : `Rejected ${title} (${options.reason ?? 'other'}); the builder is told what is missing and can resubmit.\n`,
  );
}
