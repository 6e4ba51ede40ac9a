import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AddRepositoryBody,
  CommitInput,
  IngestCommitsBody,
  IngestResult,
  Repository,
} from '../../../contracts/repositories.contract.js';
import { commitMeaning, type CommitContext } from '../../../core/git/commit-evidence.js';
import { isUniqueViolation } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { CommitsTable, UnderstandingFactsTable } from '../../db/schema.git.js';
import type { Actor, Deps } from '../../deps.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import { commitEmailsOf } from '../accounts/emails.usecases.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { findLiveTask, setTaskStatus } from '../today/evidence.repository.js';
import { findUserById } from '../accounts/users.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { localDate } from '../schedule/schedule.usecases.js';
import { gitSettingsOfProject } from './git-settings.usecases.js';
import * as repo from './repos.repository.js';

type RepoDeps = Pick<Deps, 'db' | 'clock'>;

function present(row: repo.RepositoryRow, commits: number, whyMode: Repository['whyMode']): Repository {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    githubFullName: row.github_full_name,
    defaultBranch: row.default_branch,
    tips: JSON.parse(row.tips_json) as Repository['tips'],
    lastSyncedAt: row.last_synced_at,
    commits,
    whyMode,
    createdAt: row.created_at,
  };
}

/** The repository, if the actor can see its project; otherwise "not found", never "forbidden". */
export async function requireRepository(db: Kysely<Database>, repositoryId: string, actor: Actor) {
  const repository = await repo.findRepository(db, repositoryId);
  if (!repository) throw new AppError('repositories.not_found');
  const { project } = await requireProject(db, repository.project_id, actor).catch(() => {
    throw new AppError('repositories.not_found');
  });
  return { repository, project };
}

export async function addRepository(
  deps: RepoDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof AddRepositoryBody>,
): Promise<Repository> {
  const { project } = await requireProject(deps.db, projectId, actor);
  if (project.builder_id !== actor.userId) throw new AppError('repositories.not_builder');
  const now = deps.clock.now();
  const row: repo.RepositoryRow = {
    id: newId(),
    project_id: projectId,
    name: input.name,
    github_full_name: input.githubFullName?.toLowerCase() ?? null,
    default_branch: input.defaultBranch ?? null,
    tips_json: '[]',
    last_synced_at: null,
    created_by: actor.userId,
    created_at: now.toISOString(),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (await repo.repositoryNamed(trx, projectId, input.name))
        throw new AppError('repositories.name_taken');
      await repo.insertRepository(trx, row);
      await recordAudit(trx, {
        workspaceId: project.workspace_id,
        actorId: actor.userId,
        action: 'repository.added',
        subjectId: row.id,
        data: { projectId, name: row.name, githubFullName: row.github_full_name },
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('repositories.name_taken');
    throw error;
  }
  return present(row, 0, await repo.workspaceWhyMode(deps.db, project.workspace_id));
}

export async function listRepositories(deps: RepoDeps, actor: Actor, projectId: string) {
  const { project } = await requireProject(deps.db, projectId, actor);
  const whyMode = await repo.workspaceWhyMode(deps.db, project.workspace_id);
  const rows = await repo.repositoriesOf(deps.db, projectId);
  const counts = await repo.commitCounts(
    deps.db,
    rows.map((row) => row.id),
  );
  return { repositories: rows.map((row) => present(row, counts.get(row.id) ?? 0, whyMode)) };
}

export async function getRepository(deps: RepoDeps, actor: Actor, repositoryId: string): Promise<Repository> {
  const { repository, project } = await requireRepository(deps.db, repositoryId, actor);
  const counts = await repo.commitCounts(deps.db, [repository.id]);
  const whyMode = await repo.workspaceWhyMode(deps.db, project.workspace_id);
  return present(repository, counts.get(repository.id) ?? 0, whyMode);
}

/** Instants are stored in UTC; git's offsets stay in the message-independent `authored_at` instant. */
const utc = (instant: string) => new Date(instant).toISOString();

interface StoredCommit {
  row: Insertable<CommitsTable>;
  meaning: ReturnType<typeof commitMeaning>;
  input: CommitInput;
}

function toRows(
  commits: CommitInput[],
  context: CommitContext & { repositoryId: string; projectId: string; source: 'sync' | 'hook' | 'github' },
  users: Map<string, string>,
  receivedAt: string,
): StoredCommit[] {
  return commits.map((input) => {
    const meaning = commitMeaning(input, context);
    const row: Insertable<CommitsTable> = {
      repository_id: context.repositoryId,
      sha: input.sha,
      project_id: context.projectId,
      parents_json: JSON.stringify(input.parents),
      author_name: input.authorName,
      author_email: input.authorEmail.toLowerCase(),
      authored_at: utc(input.authoredAt),
      committer_email: input.committerEmail.toLowerCase(),
      committed_at: utc(input.committedAt),
      message: input.message,
      branch: input.branch ?? null,
      user_id: users.get(input.authorEmail.toLowerCase()) ?? null,
      is_bot: meaning.isBot ? 1 : 0,
      files_changed: meaning.filesChanged,
      additions: meaning.additions,
      deletions: meaning.deletions,
      generated_lines: meaning.generatedLines,
      attribution: meaning.attribution.kind,
      attribution_signal: meaning.attribution.signal,
      attribution_tool: meaning.attribution.tool,
      attribution_confidence: meaning.attribution.confidence,
      source: context.source,
      received_at: receivedAt,
    };
    return { row, meaning, input };
  });
}

/**
 * Store reported commits once each (by SHA), in one transaction: the commit, its task links, what it
 * says about understanding, and — when the builder made it — evidence for the builder's local day of
 * its author date. Commits already known are counted and left alone, so a re-run sync or a hook that
 * fires twice changes nothing.
 */
export async function ingestCommits(
  deps: RepoDeps,
  actor: Actor,
  repositoryId: string,
  body: z.output<typeof IngestCommitsBody>,
): Promise<IngestResult> {
  const { repository, project } = await requireRepository(deps.db, repositoryId, actor);
  if (project.builder_id !== actor.userId) throw new AppError('repositories.not_builder');
  const builder = await findUserById(deps.db, project.builder_id);
  if (!builder) throw new AppError('repositories.not_found');
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const result = await storeCommits(trx, {
      repository,
      project,
      builder,
      commits: body.commits,
      source: body.source,
      now,
    });
    if (body.tips || body.defaultBranch)
      await repo.recordSync(trx, repository.id, {
        ...(body.tips ? { tips_json: JSON.stringify(body.tips) } : {}),
        ...(body.defaultBranch ? { default_branch: body.defaultBranch } : {}),
        last_synced_at: now,
      });
    return result;
  });
}

/**
 * Store commits a repository has not seen, inside the caller's transaction: the rows, their task
 * links and understanding facts, and the builder's evidence. Shared by sync, hooks and webhooks.
 */
export async function storeCommits(
  trx: Kysely<Database>,
  input: {
    repository: repo.RepositoryRow;
    project: { id: string };
    builder: { id: string; email: string; time_zone: string };
    commits: CommitInput[];
    source: 'sync' | 'hook' | 'github';
    now: string;
  },
): Promise<IngestResult> {
  const { repository, project, builder, now } = input;
  const unique = [...new Map(input.commits.map((commit) => [commit.sha, commit])).values()];
  const known = await repo.knownShas(
    trx,
    repository.id,
    unique.map((commit) => commit.sha),
  );
  const fresh = unique.filter((commit) => !known.has(commit.sha));
  const users = await repo.usersByEmail(
    trx,
    fresh.map((commit) => commit.authorEmail),
  );
  const settings = await gitSettingsOfProject(trx, project.id);
  const stored = toRows(
    fresh,
    {
      repositoryId: repository.id,
      projectId: project.id,
      source: input.source,
      builderEmails: new Set(await commitEmailsOf(trx, builder.id)),
      taskIds: await repo.liveTaskIds(trx, project.id),
      githubConnected: repository.github_full_name !== null,
      rules: settings.attributionRules,
      generatedPatterns: settings.generatedPatterns,
      botPatterns: settings.botPatterns,
    },
    users,
    now,
  );
  await repo.insertCommits(
    trx,
    stored.map((commit) => commit.row),
  );
  await storeMeanings(trx, repository.id, project.id, stored, builder, now);
  const tasksClosed = await closeFixedTasks(trx, {
    projectId: project.id,
    builder,
    now,
    fixes: stored.flatMap(({ input, meaning }) =>
      input.onDefaultBranch && meaning.isEvidence
        ? meaning.taskLinks
            .filter((link) => link.closes)
            .map((link) => ({ taskId: link.taskId, sha: input.sha }))
        : [],
    ),
  });
  return {
    tasksClosed,
    received: input.commits.length,
    inserted: stored.length,
    duplicates: input.commits.length - stored.length,
    evidence: stored.filter((commit) => commit.meaning.isEvidence).length,
    taskLinks: stored.reduce((sum, commit) => sum + commit.meaning.taskLinks.length, 0),
    aiCommits: stored.filter((commit) => commit.meaning.attribution.kind !== 'human').length,
  };
}

async function storeMeanings(
  trx: Kysely<Database>,
  repositoryId: string,
  projectId: string,
  stored: StoredCommit[],
  builder: { id: string; time_zone: string },
  now: string,
): Promise<void> {
  await repo.insertTaskLinks(
    trx,
    stored.flatMap(({ input, meaning }) =>
      meaning.taskLinks.map((link) => ({
        repository_id: repositoryId,
        sha: input.sha,
        project_id: projectId,
        task_id: link.taskId,
        ref: link.ref,
        closes: link.closes ? 1 : 0,
        source: link.source,
      })),
    ),
  );
  const facts: Insertable<UnderstandingFactsTable>[] = stored.flatMap(({ meaning }) =>
    meaning.facts.map((fact) => ({
      id: newId(),
      repository_id: repositoryId,
      sha: fact.sha,
      person_email: fact.person,
      kind: fact.kind,
      source: fact.source,
      text: fact.text ?? null,
      recorded_by: null,
      created_at: now,
    })),
  );
  await repo.insertFacts(trx, facts);
  await repo.insertEvidenceRows(
    trx,
    stored
      .filter(({ meaning }) => meaning.isEvidence)
      .map(({ input, meaning, row }) => ({
        id: newId(),
        project_id: projectId,
        user_id: builder.id,
        kind: 'commit',
        source: 'git',
        at: row.authored_at,
        local_date: localDate(new Date(row.authored_at), builder.time_zone),
        task_id: meaning.taskLinks[0]?.taskId ?? null,
        minutes: null,
        text: input.message.split('\n', 1)[0]?.slice(0, 200) ?? '',
        ref: input.sha,
        dedup_key: `commit:${input.sha}`,
        created_at: now,
      })),
  );
}

/**
 * When the contract in force says so, a merged commit by the builder that says "fixes T12" marks the
 * task done, as if the builder had: the task's status, and evidence for the day it is recorded.
 */
async function closeFixedTasks(
  trx: Kysely<Database>,
  input: {
    projectId: string;
    builder: { id: string; time_zone: string };
    now: string;
    fixes: { taskId: string; sha: string }[];
  },
): Promise<number> {
  if (input.fixes.length === 0) return 0;
  const contract = contractAt(await loadContractVersions(trx, input.projectId), Date.parse(input.now));
  if (contract?.contract.commitsCloseTasks !== true) return 0;
  let closed = 0;
  for (const fix of input.fixes) {
    const task = await findLiveTask(trx, input.projectId, fix.taskId);
    if (!task || task.status === 'done' || task.status === 'cancelled') continue;
    await setTaskStatus(trx, input.projectId, fix.taskId, 'done', input.now);
    await repo.insertEvidenceRows(trx, [
      {
        id: newId(),
        project_id: input.projectId,
        user_id: input.builder.id,
        kind: 'task_done',
        source: 'git',
        at: input.now,
        local_date: localDate(new Date(input.now), input.builder.time_zone),
        task_id: fix.taskId,
        minutes: null,
        text: `Closed by ${fix.sha.slice(0, 12)}`,
        ref: fix.sha,
        dedup_key: `close:${fix.taskId}:${fix.sha}`,
        created_at: input.now,
      },
    ]);
    closed += 1;
  }
  return closed;
}
