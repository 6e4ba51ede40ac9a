import type { Command } from 'commander';
import type { ApiClient } from '../contracts/client.js';
import { ApiError } from '../contracts/client.js';
import { type Project, createProject, getProject, listProjects } from '../contracts/projects.contract.js';
import { listWorkspaces } from '../contracts/workspaces.contract.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { type Column, formatTable, sanitize } from './output.js';
import { resolveWorkspace } from './workspace.commands.js';

export function registerProjectCommands(program: Command, deps: CliDeps): void {
  const project = program
    .command('project')
    .description('Create and list projects: one plan, one builder, its checkpoints.');
  project
    .command('create')
    .description('Create a project in a workspace; you are its builder unless --builder says otherwise.')
    .argument('<name>', 'what the project is called')
    .requiredOption('--workspace <workspace>', 'the workspace id or slug')
    .option('--slug <slug>', 'short name (derived from the name when missing)')
    .option('--builder <userId>', 'the member who builds it (organizers only)')
    .addHelpText('after', examples(['recital project create "Launch the beta" --workspace my-plan']))
    .action(action(deps, create));
  project
    .command('list')
    .description('Projects in your workspaces (or one workspace).')
    .option('--workspace <workspace>', 'only this workspace (id or slug)')
    .action(action(deps, list));
  project
    .command('show')
    .description('One project.')
    .argument('<project>', 'the project id or slug')
    .action(action(deps, show));
}

/**
 * A project by id, or by slug across the workspaces you belong to (refused when ambiguous); with no
 * reference, your only project.
 */
export async function resolveProject(api: ApiClient, reference: string | undefined): Promise<Project> {
  if (reference === undefined) return onlyProject(api);
  try {
    return await api.call(getProject, { params: { projectId: reference } });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  const matches = (await allProjects(api)).filter((project) => project.slug === reference);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0)
    throw new CliError(`no project "${reference}"`, { hint: 'run `recital project list` to see yours' });
  throw new CliError(`"${reference}" names ${matches.length} projects in different workspaces`, {
    hint: 'use the project id from `recital project list`',
  });
}

async function allProjects(api: ApiClient): Promise<Project[]> {
  const { workspaces } = await api.call(listWorkspaces, {});
  const projects: Project[] = [];
  for (const workspace of workspaces)
    projects.push(...(await api.call(listProjects, { params: { workspaceId: workspace.id } })).projects);
  return projects;
}

async function onlyProject(api: ApiClient): Promise<Project> {
  const projects = await allProjects(api);
  if (projects.length === 1) return projects[0]!;
  const hint =
    projects.length === 0
      ? 'create one with `recital project create <name> --workspace <ws>`'
      : `you have ${projects.length} projects: add --project <slug> (see \`recital project list\`)`;
  throw new CliError('which project?', { hint, exitCode: 2 });
}

const COLUMNS: Column<Project>[] = [
  { header: 'ID', value: (p) => p.id },
  { header: 'SLUG', value: (p) => p.slug },
  { header: 'NAME', value: (p) => p.name },
  { header: 'PLAN', value: (p) => (p.currentVersion ? `v${p.currentVersion}` : '-') },
];

async function create(
  context: CommandContext,
  name: string,
  options: { workspace: string; slug?: string; builder?: string },
): Promise<void> {
  const { api } = await context.session();
  const workspace = await resolveWorkspace(api, options.workspace);
  const body = {
    name,
    ...(options.slug ? { slug: options.slug } : {}),
    ...(options.builder ? { builderId: options.builder } : {}),
  };
  const project = await api.call(createProject, { params: { workspaceId: workspace.id }, body });
  context.out.result(
    project,
    () =>
      `Created project "${sanitize(project.name)}" (slug ${project.slug}, id ${project.id}) in ${sanitize(workspace.name)}.\n`,
  );
}

async function list(context: CommandContext, options: { workspace?: string }): Promise<void> {
  const { api } = await context.session();
  const projects = options.workspace
    ? (
        await api.call(listProjects, {
          params: { workspaceId: (await resolveWorkspace(api, options.workspace)).id },
        })
      ).projects
    : await allProjects(api);
  context.out.result({ projects }, () =>
    projects.length === 0
      ? 'No projects yet. Create one with `recital project create <name> --workspace <ws>`.\n'
      : formatTable(COLUMNS, projects),
  );
}

async function show(context: CommandContext, reference: string): Promise<void> {
  const { api } = await context.session();
  const project = await resolveProject(api, reference);
  context.out.result(project, () => formatTable(COLUMNS, [project]));
}
