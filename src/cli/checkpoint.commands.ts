import { type Command, InvalidArgumentError } from 'commander';
import {
  type CheckpointDto,
  type ProofInput,
  REJECTION_REASON_CODES,
  getCheckpoint,
  listCheckpoints,
  listReviews,
  reviewCheckpoint,
  submitCheckpoint,
} from '../contracts/checkpoints.contract.js';
import { ApiError, type ApiClient } from '../contracts/client.js';
import { type Project } from '../contracts/projects.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { type Column, formatTable, sanitize } from './output.js';
import { resolveProject } from './project.commands.js';
import { classifyProof, pathKindsOf, uploadFile, usage } from './proof.js';
import {
  labelOf,
  matchCheckpoint,
  projectOption,
  resolveCheckpoint,
  resolveOwnProject,
} from './checkpoint.lookup.js';
import {
  STATUS_WORDS,
  formatCheckpointDetail,
  formatLocalDate,
  formatQueue,
  formatSubmitted,
  membersOf,
  statusText,
  viewerTimeZone,
} from './checkpoint.output.js';

type RejectionReason = (typeof REJECTION_REASON_CODES)[number];

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

async function reviewList(context: CommandContext): Promise<void> {
  const { api } = await context.session();
  const { items } = await api.call(listReviews, {});
  const zone = items.length > 0 ? await viewerTimeZone(api) : 'UTC';
  context.out.result({ items }, () => formatQueue(items, zone));
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
