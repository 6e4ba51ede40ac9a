import { type Command, InvalidArgumentError } from 'commander';
import {
  type ContractDto,
  type ContractView,
  approveContractChange,
  getContract,
  proposeContract,
} from '../contracts/commitments.contract.js';
import type { Project } from '../contracts/projects.contract.js';
import type { Member } from '../contracts/workspaces.contract.js';
import { parsePositiveInteger } from './arguments.js';
import { matchCheckpoint, projectOption, resolveOwnProject } from './checkpoint.lookup.js';
import { formatInstant, formatLocalDate, membersOf, nameOf, viewerTimeZone } from './checkpoint.output.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { examples } from './help.js';
import { sanitize } from './output.js';
import { formatMinutes } from './plan.output.js';
import { resolveProject } from './project.commands.js';
import { parseHours } from './schedule.commands.js';

type Weekday = keyof ContractDto['minutesPerWeekday'];
type Version = ContractView['versions'][number];

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

// ---------------------------------------------------------------------------------------------
// Flags

/**
 * `--hours` for a change: only the days named change (`sat=0` frees Saturdays); hours by default,
 * `90m` for minutes, `weekdays=` and `weekend=` for several days at once.
 *
 * @example
 * parseHoursChange('mon=3,weekend=0'); // { mon: 180, sat: 0, sun: 0 }
 */
export function parseHoursChange(value: string): Partial<Record<Weekday, number>> {
  const minutes: Partial<Record<Weekday, number>> = {};
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0)
    throw new CliError('--hours: name at least one day', { hint: 'e.g. --hours mon=2,sat=0', exitCode: 2 });
  for (const part of parts) {
    const tooMany = /^([a-z]+)=(\d+(?:\.\d+)?)$/i.exec(part);
    if (tooMany && Number(tooMany[2]) > 24)
      throw new CliError(`--hours: "${sanitize(part)}" is more than 24 hours in a day`, {
        hint: `hours are the unit; for minutes write ${tooMany[1]}=${tooMany[2]}m`,
        exitCode: EXIT_USAGE,
      });
    const full = parseHours(part);
    const key = part.split('=')[0]?.trim().toLowerCase() ?? '';
    const days: readonly Weekday[] =
      key === 'weekdays' ? WEEK.slice(0, 5) : key === 'weekend' ? ['sat', 'sun'] : [key as Weekday];
    for (const day of days) minutes[day] = full[day];
  }
  return minutes;
}

function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

function parseCount(value: string): number {
  if (!/^\d{1,3}$/.test(value.trim())) throw new InvalidArgumentError('Expected a whole number (0 or more).');
  return Number(value.trim());
}

export interface DueChange {
  checkpoint: string;
  date: string;
}

/** `--due CHECKPOINT=YYYY-MM-DD`, repeatable. */
export function parseDue(value: string, previous: DueChange[] = []): DueChange[] {
  const match = /^(.+)=(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  if (!match || Number.isNaN(Date.parse(`${match[2]}T00:00:00Z`)))
    throw new InvalidArgumentError('Expected CHECKPOINT=YYYY-MM-DD, e.g. cp-week-2=2026-03-20.');
  return [...previous, { checkpoint: match[1]!.trim(), date: match[2]! }];
}

// ---------------------------------------------------------------------------------------------
// Presentation

export function formatWeek(minutes: ContractDto['minutesPerWeekday']): string {
  const working = WEEK.filter((day) => minutes[day] > 0);
  const off = WEEK.filter((day) => minutes[day] === 0);
  const total = WEEK.reduce((sum, day) => sum + minutes[day], 0);
  const parts = working.map((day) => `${DAY_NAMES[day]} ${formatMinutes(minutes[day])}`).join(', ');
  const rest = off.length > 0 ? `${parts ? '; ' : ''}${off.map((d) => DAY_NAMES[d]).join(', ')} off` : '';
  return `${parts}${rest} (${formatMinutes(total)} a week)`;
}

function formatLadder(ladder: ContractDto['ladder']): string {
  if (ladder.length === 0) return 'none';
  const steps = new Map<number, string[]>();
  for (const step of [...ladder].sort((a, b) => a.afterConsecutiveSkips - b.afterConsecutiveSkips))
    steps.set(step.afterConsecutiveSkips, [
      ...(steps.get(step.afterConsecutiveSkips) ?? []),
      step.action.replace(/_/g, ' '),
    ]);
  return [...steps]
    .map(
      ([skips, actions]) => `after ${skips} skipped day${skips === 1 ? '' : 's'}: ${actions.join(' and ')}`,
    )
    .join('; ');
}

function person(members: Map<string, Member>, userId: string): string {
  const member = members.get(userId);
  return member ? `${member.displayName} <${member.email}>` : userId;
}

function formatTerms(
  contract: ContractDto,
  view: ContractView,
  members: Map<string, Member>,
  indent: string,
): string[] {
  const witnesses = contract.witnesses.map((id) => person(members, id)).join(', ') || 'none';
  const backup = contract.backupWitness ? person(members, contract.backupWitness) : 'none';
  const lines = [
    `${indent}Hours:       ${formatWeek(contract.minutesPerWeekday)}`,
    `${indent}Witnesses:   ${witnesses}; backup: ${backup}`,
    `${indent}Grace:       ${contract.graceTokensPerSprint} token${contract.graceTokensPerSprint === 1 ? '' : 's'} per ${contract.sprintLengthDays}-day sprint`,
    `${indent}Ladder:      ${formatLadder(contract.ladder)}`,
    `${indent}Checkpoints:${contract.checkpoints.length === 0 ? ' none' : ''}`,
  ];
  for (const checkpoint of contract.checkpoints) {
    const title = view.checkpointTitles[checkpoint.id];
    lines.push(
      `${indent}  ${checkpoint.id}  due ${formatLocalDate(checkpoint.dueDate)}${title ? `  ${title}` : ''}`,
    );
    for (const criterion of checkpoint.criteria) lines.push(`${indent}    - ${criterion}`);
  }
  return lines.map(sanitize);
}

function appliesNow(change: Version['changes'][number], version: Version): boolean {
  return Date.parse(change.effectiveAt) <= Date.parse(version.requestedAt);
}

function changeLines(version: Version, zone: string, indent: string): string[] {
  return version.changes.map((change) => {
    const when = appliesNow(change, version)
      ? 'applies at once'
      : `from ${formatInstant(change.effectiveAt, zone)}`;
    return sanitize(`${indent}${change.direction.padEnd(7)}  ${change.description}  (${when})`);
  });
}

/** The waiting version, in words: what waits, until when, and how a witness lets it apply now. */
export function waitingMessage(view: ContractView, zone: string, projectId: string): string | null {
  const waiting = view.versions.find((v) => v.status === 'waiting');
  if (!waiting) return null;
  return (
    `Waiting: version ${waiting.number} makes the commitment easier; that part applies on ` +
    `${formatInstant(waiting.fullyEffectiveAt, zone)} (${zone}) unless a witness approves it sooner ` +
    `(\`recital contract approve ${waiting.number} --project ${projectId}\`).`
  );
}

export function formatContractView(
  view: ContractView,
  project: Pick<Project, 'id' | 'name'>,
  members: Map<string, Member>,
  zone: string,
): string {
  const name = sanitize(project.name);
  if (!view.inForce)
    return `"${name}" has no commitment yet. Commit with \`recital contract commit --witness EMAIL\`.\n`;
  const newest = view.versions[0];
  const lines = [
    `Commitment for "${name}"${newest ? `, version ${newest.number}` : ''} (times in ${zone})`,
    'In force now:',
    ...formatTerms(view.inForce, view, members, '  '),
  ];
  const waiting = waitingMessage(view, zone, project.id);
  if (waiting) lines.push('', waiting);
  lines.push('', 'Versions, newest first:');
  for (const version of view.versions) {
    lines.push(
      sanitize(
        `  v${version.number}  ${version.status.replace('_', ' ').padEnd(10)}  ${formatInstant(version.requestedAt, zone)}` +
          ` by ${nameOf(members, version.requestedBy)}: "${version.reason}"`,
      ),
    );
    if (version.approvedBy && version.approvedAt)
      lines.push(
        sanitize(
          `      approved by ${nameOf(members, version.approvedBy)} at ${formatInstant(version.approvedAt, zone)}`,
        ),
      );
    lines.push(...changeLines(version, zone, '      '));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Commands

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
    },
  });
  const members = await membersOf(api, project.workspaceId);
  context.out.result(view, () => {
    const lines = [`Committed to "${sanitize(project.name)}" (version ${view.versions[0]?.number ?? 1}):`];
    if (view.inForce) lines.push(...formatTerms(view.inForce, view, members, '  '));
    if (view.inForce?.witnesses.length === 0)
      lines.push(
        'No witness: the organizers review your checkpoints. Add one with `recital contract change`.',
      );
    return `${lines.join('\n')}\n`;
  });
}

interface ChangeOptions {
  hours?: Partial<Record<Weekday, number>>;
  witness?: string[];
  backup?: string;
  grace?: number;
  sprintDays?: number;
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
    options.due,
  ];
  if (given.every((value) => value === undefined))
    throw new CliError('nothing to change', {
      hint: 'give --hours, --witness, --backup, --grace, --sprint-days or --due',
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
      ...(checkpoints ? { checkpoints } : {}),
    },
  });
  const zone = await viewerTimeZone(api);
  context.out.result(view, () => formatChanged(view, project, zone));
}

export function formatChanged(view: ContractView, project: Pick<Project, 'id' | 'name'>, zone: string) {
  const version = view.versions[0];
  if (!version) return 'Nothing changed.\n';
  const lines = [`Version ${version.number} of the commitment for "${sanitize(project.name)}":`];
  lines.push(...changeLines(version, zone, '  '));
  const waiting = waitingMessage(view, zone, project.id);
  lines.push(waiting ?? 'It all applies now.');
  return `${lines.join('\n')}\n`;
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
