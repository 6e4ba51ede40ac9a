import type { Command } from 'commander';
import {
  type ContractDto,
  approveContractChange,
  getContract,
  proposeContract,
} from '../contracts/commitments.contract.js';
import { parsePositiveInteger } from './arguments.js';
import { matchCheckpoint, projectOption, resolveOwnProject } from './checkpoint.lookup.js';
import { membersOf, viewerTimeZone } from './checkpoint.output.js';
import { parseOnOff } from './inbox.commands.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { type DueChange, collect, parseCount, parseDue, parseHoursChange } from './contract.arguments.js';
import { type Weekday, formatChanged, formatCommitted, formatContractView } from './contract.output.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { examples } from './help.js';
import { sanitize } from './output.js';
import { resolveProject } from './project.commands.js';

export function registerContractCommands(program: Command, deps: CliDeps): void {
  const contract = program
    .command('contract')
    .description(
      'The commitment: hours, checkpoints, witnesses, grace. Harder changes apply at once; easier ones wait 7 days or a witness approval.',
    )
    .addHelpText(
      'after',
      examples([
        'recital contract',
        'recital contract commit --witness grace@example.com',
        'recital contract change --grace 3 --reason "the kids are ill"',
        'recital contract approve 3 --project beta',
      ]),
    );
  contract
    .command('show', { isDefault: true })
    .description('What holds now, what waits, and every version with its changes.')
    .option(...projectOption)
    .addHelpText('after', examples(['recital contract', 'recital contract show --project beta --json']))
    .action(action(deps, show));
  contract
    .command('commit')
    .description('Commit to the plan: hours and checkpoint dates come from your saved schedule.')
    .option('--witness <email>', 'a witness (a member of the workspace); repeatable', collect)
    .option('--backup <email>', 'a backup witness, asked when the witnesses are silent')
    .option('--grace <n>', 'grace tokens per sprint (default 2)', parseCount)
    .option('--sprint-days <n>', 'sprint length in days (default 14)', parsePositiveInteger)
    .option(
      '--commits-close-tasks <on|off>',
      'a merged commit saying "fixes T12" marks the task done',
      parseOnOff,
    )
    .option(...projectOption)
    .addHelpText(
      'after',
      examples([
        'recital contract commit --witness grace@example.com',
        'recital contract commit --witness grace@example.com --backup alan@example.com --grace 1',
      ]),
    )
    .action(action(deps, commit));
  contract
    .command('change')
    .description('Change the commitment; say why. Harder changes apply now, easier ones wait.')
    .option(
      '--hours <spec>',
      'hours on the days named, e.g. mon=3,sat=0 (90m for minutes; others keep theirs)',
      parseHoursChange,
    )
    .option('--witness <email>', 'the witnesses from now on (replaces the list); repeatable', collect)
    .option('--backup <email>', 'the backup witness, or "none"')
    .option('--grace <n>', 'grace tokens per sprint', parseCount)
    .option('--sprint-days <n>', 'sprint length in days', parsePositiveInteger)
    .option(
      '--commits-close-tasks <on|off>',
      'a merged commit saying "fixes T12" marks the task done',
      parseOnOff,
    )
    .option('--due <checkpoint=date>', 'move a checkpoint, e.g. cp-week-2=2026-03-20; repeatable', parseDue)
    .requiredOption('--reason <text>', 'why; your witnesses read it')
    .option(...projectOption)
    .addHelpText(
      'after',
      examples([
        'recital contract change --hours sat=0 --reason "weekends are for family"',
        'recital contract change --due cp-week-2=2026-03-20 --grace 3 --reason "the kids are ill"',
      ]),
    )
    .action(action(deps, change));
  contract
    .command('approve')
    .description('As a witness, let a waiting easier change apply now instead of after the delay.')
    .argument('<version>', 'the version number (see `recital contract`)', parsePositiveInteger)
    .option(...projectOption)
    .addHelpText('after', examples(['recital contract approve 3 --project beta']))
    .action(action(deps, approve));
}

async function projectOf(context: CommandContext, reference: string | undefined, own = true) {
  const { api } = await context.session();
  const project = await (own ? resolveOwnProject : resolveProject)(api, reference);
  return { api, project };
}

async function show(context: CommandContext, options: { project?: string }): Promise<void> {
  const { api, project } = await projectOf(context, options.project);
  const view = await api.call(getContract, { params: { projectId: project.id } });
  const members = await membersOf(api, project.workspaceId);
  const zone = await viewerTimeZone(api);
  context.out.result(view, () => formatContractView(view, project, members, zone));
}

interface CommitOptions {
  witness?: string[];
  backup?: string;
  grace?: number;
  sprintDays?: number;
  commitsCloseTasks?: boolean;
  project?: string;
}

async function commit(context: CommandContext, options: CommitOptions): Promise<void> {
  const { api, project } = await projectOf(context, options.project);
  const before = await api.call(getContract, { params: { projectId: project.id } });
  const newest = before.versions[0];
  if (newest)
    throw new CliError(`"${sanitize(project.name)}" is already committed (version ${newest.number})`, {
      hint: 'change it with `recital contract change … --reason "…"`',
    });
  const view = await api.call(proposeContract, {
    params: { projectId: project.id },
    body: {
      ...(options.witness ? { witnesses: options.witness } : {}),
      ...(options.backup ? { backupWitness: options.backup } : {}),
      ...(options.grace === undefined ? {} : { graceTokensPerSprint: options.grace }),
      ...(options.sprintDays === undefined ? {} : { sprintLengthDays: options.sprintDays }),
      ...(options.commitsCloseTasks === undefined ? {} : { commitsCloseTasks: options.commitsCloseTasks }),
    },
  });
  const members = await membersOf(api, project.workspaceId);
  context.out.result(view, () => formatCommitted(view, project, members));
}

interface ChangeOptions {
  hours?: Partial<Record<Weekday, number>>;
  witness?: string[];
  backup?: string;
  grace?: number;
  sprintDays?: number;
  commitsCloseTasks?: boolean;
  due?: DueChange[];
  reason: string;
  project?: string;
}

async function change(context: CommandContext, options: ChangeOptions): Promise<void> {
  const given = [
    options.hours,
    options.witness,
    options.backup,
    options.grace,
    options.sprintDays,
    options.commitsCloseTasks,
    options.due,
  ];
  if (given.every((value) => value === undefined))
    throw new CliError('nothing to change', {
      hint: 'give --hours, --witness, --backup, --grace, --sprint-days, --commits-close-tasks or --due',
      exitCode: EXIT_USAGE,
    });
  const { api, project } = await projectOf(context, options.project);
  const before = await api.call(getContract, { params: { projectId: project.id } });
  // The server builds a change on the newest version, waiting or not; so does this.
  const base = before.versions[0]?.contract;
  if (!base)
    throw new CliError(`"${sanitize(project.name)}" has no commitment yet`, {
      hint: 'commit first with `recital contract commit --witness EMAIL`',
    });
  let checkpoints: ContractDto['checkpoints'] | undefined;
  if (options.due) {
    checkpoints = base.checkpoints.map((c) => ({ ...c }));
    for (const due of options.due) {
      const found = matchCheckpoint(
        due.checkpoint,
        checkpoints,
        (c) => {
          const title = before.checkpointTitles[c.id] ?? c.id;
          return { id: c.id, title, label: `${c.id}  ${title}` };
        },
        ' in the commitment',
      );
      if (!found)
        throw new CliError(`--due: no checkpoint "${sanitize(due.checkpoint)}" in the commitment`, {
          hint: `its checkpoints: ${checkpoints.map((c) => c.id).join(', ')}`,
          exitCode: EXIT_USAGE,
        });
      found.dueDate = due.date;
    }
  }
  const view = await api.call(proposeContract, {
    params: { projectId: project.id },
    body: {
      reason: options.reason,
      ...(options.hours ? { minutesPerWeekday: { ...base.minutesPerWeekday, ...options.hours } } : {}),
      ...(options.witness ? { witnesses: options.witness } : {}),
      ...(options.backup === undefined
        ? {}
        : { backupWitness: options.backup.toLowerCase() === 'none' ? null : options.backup }),
      ...(options.grace === undefined ? {} : { graceTokensPerSprint: options.grace }),
      ...(options.sprintDays === undefined ? {} : { sprintLengthDays: options.sprintDays }),
      ...(options.commitsCloseTasks === undefined ? {} : { commitsCloseTasks: options.commitsCloseTasks }),
      ...(checkpoints ? { checkpoints } : {}),
    },
  });
  const zone = await viewerTimeZone(api);
  context.out.result(view, () => formatChanged(view, project, zone));
}

async function approve(context: CommandContext, number: number, options: { project?: string }) {
  // A witness approves someone else's change: "your own project" would be the wrong guess.
  const { api, project } = await projectOf(context, options.project, false);
  const view = await api.call(approveContractChange, { params: { projectId: project.id, number } });
  context.out.result(
    view,
    () => `Approved version ${number} of the commitment for "${sanitize(project.name)}": it applies now.\n`,
  );
}
