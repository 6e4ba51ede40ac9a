/** Finding a project and a checkpoint from what people type: ids, slugs, titles and prefixes. */
import { getMe } from '../contracts/auth.contract.js';
import { type CheckpointDto, listCheckpoints } from '../contracts/checkpoints.contract.js';
import { type ApiClient } from '../contracts/client.js';
import { type Project, listProjects } from '../contracts/projects.contract.js';
import { listWorkspaces } from '../contracts/workspaces.contract.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { sanitize } from './output.js';
import { resolveProject } from './project.commands.js';

export const projectOption = [
  '--project <project>',
  'the project id or slug (default: your only project, or the only one you build)',
] as const;

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

export const labelOf = (c: CheckpointDto) => ({ id: c.id, title: c.title, label: `${c.id}  ${c.title}` });

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
