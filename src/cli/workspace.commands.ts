import { type Command, Option } from 'commander';
import type { ApiClient } from '../contracts/client.js';
import {
  type Role,
  ROLES,
  type Workspace,
  WORKSPACE_KINDS,
  type WorkspaceKind,
  createInvitation,
  createWorkspace,
  listWorkspaces,
} from '../contracts/index.js';
import { parsePositiveInteger } from './arguments.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError } from './errors.js';
import { examples } from './help.js';
import { type Column, formatTable, sanitize } from './output.js';

export function registerWorkspaceCommands(program: Command, deps: CliDeps): void {
  const workspace = program
    .command('workspace')
    .description('List, create and invite people to workspaces.')
    .addHelpText(
      'after',
      examples(['recital workspace list', 'recital workspace create "Spring cohort" --kind cohort']),
    );

  workspace
    .command('list')
    .description('The workspaces you belong to, with your roles in each.')
    .addHelpText(
      'after',
      examples(['recital workspace list', 'recital workspace list --json | jq -r ".workspaces[].slug"']),
    )
    .action(action(deps, list));

  workspace
    .command('create')
    .description('Create a workspace; you become its organizer.')
    .argument('<name>', 'what people will see, e.g. "Spring cohort"')
    .addOption(new Option('--kind <kind>', 'who works in it').choices(WORKSPACE_KINDS).default('solo'))
    .option('--slug <slug>', 'short name for URLs (derived from the name when missing)')
    .addHelpText(
      'after',
      examples([
        'recital workspace create "My plan"',
        'recital workspace create "Spring cohort" --kind cohort --slug spring',
      ]),
    )
    .action(action(deps, create));

  workspace
    .command('invite')
    .description('Create an invitation link for a role; the link is printed once.')
    .argument('<workspace>', 'the workspace id or slug')
    .addOption(
      new Option('--role <role>', 'the role the invitation grants').choices(ROLES).makeOptionMandatory(),
    )
    .option('--email <email>', 'only this email address may accept it')
    .option('--expires-days <days>', 'days until the link expires (server default: 7)', parsePositiveInteger)
    .addHelpText(
      'after',
      examples([
        'recital workspace invite spring --role builder',
        'recital workspace invite spring --role witness --email grace@example.com --expires-days 3',
      ]),
    )
    .action(action(deps, invite));
}

const WORKSPACE_COLUMNS: Column<Workspace>[] = [
  { header: 'ID', value: (w) => w.id },
  { header: 'SLUG', value: (w) => w.slug },
  { header: 'NAME', value: (w) => w.name },
  { header: 'KIND', value: (w) => w.kind },
  { header: 'ROLES', value: (w) => w.myRoles.join(', ') },
];

async function list(context: CommandContext): Promise<void> {
  const { api } = await context.session();
  const { workspaces } = await api.call(listWorkspaces, {});
  context.out.result({ workspaces }, () =>
    workspaces.length === 0
      ? 'No workspaces yet. Create one with `recital workspace create <name>`.\n'
      : formatTable(WORKSPACE_COLUMNS, workspaces),
  );
}

async function create(
  context: CommandContext,
  name: string,
  options: { kind: WorkspaceKind; slug?: string },
): Promise<void> {
  const { api } = await context.session();
  const body = { name, kind: options.kind, ...(options.slug ? { slug: options.slug } : {}) };
  const workspace = await api.call(createWorkspace, { body });
  context.out.result(
    workspace,
    () =>
      `Created ${workspace.kind} workspace "${sanitize(workspace.name)}" (slug ${workspace.slug}, id ${workspace.id}).\n`,
  );
}

async function invite(
  context: CommandContext,
  reference: string,
  options: { role: Role; email?: string; expiresDays?: number },
): Promise<void> {
  const { api } = await context.session();
  const workspace = await resolveWorkspace(api, reference);
  const body = {
    role: options.role,
    ...(options.email ? { email: options.email } : {}),
    ...(options.expiresDays ? { expiresInDays: options.expiresDays } : {}),
  };
  const created = await api.call(createInvitation, { params: { workspaceId: workspace.id }, body });
  const { invitation } = created;
  const audience = invitation.email ? ` for ${invitation.email}` : '';
  context.out.note(
    `Invitation to "${sanitize(workspace.name)}" as ${invitation.role}${audience}, expires ${invitation.expiresAt}.\n` +
      'The link is shown only this once:',
  );
  context.out.result({ url: created.url, invitation }, () => `${created.url}\n`);
}

/**
 * The workspace a person named by id or by slug, among those they belong to. An id wins over
 * a slug that happens to spell the same.
 */
export async function resolveWorkspace(api: ApiClient, reference: string): Promise<Workspace> {
  const { workspaces } = await api.call(listWorkspaces, {});
  const found = workspaces.find((w) => w.id === reference) ?? workspaces.find((w) => w.slug === reference);
  if (!found) {
    throw new CliError(`no workspace "${sanitize(reference)}" among yours`, {
      hint: 'run `recital workspace list` to see their ids and slugs',
    });
  }
  return found;
}
