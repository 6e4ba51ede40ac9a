/** The commitment in words: terms, versions and their changes, what waits and until when. */
import type { ContractDto, ContractView } from '../contracts/commitments.contract.js';
import type { Project } from '../contracts/projects.contract.js';
import type { Member } from '../contracts/workspaces.contract.js';
import { formatInstant, formatLocalDate, nameOf } from './checkpoint.output.js';
import { sanitize } from './output.js';
import { formatMinutes } from './plan.output.js';

export type Weekday = keyof ContractDto['minutesPerWeekday'];
type Version = ContractView['versions'][number];

export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

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
    `${indent}Commits:     ${contract.commitsCloseTasks ? 'a merged "fixes T12" marks the task done' : 'do not close tasks'}`,
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

export function formatChanged(view: ContractView, project: Pick<Project, 'id' | 'name'>, zone: string) {
  const version = view.versions[0];
  if (!version) return 'Nothing changed.\n';
  const lines = [`Version ${version.number} of the commitment for "${sanitize(project.name)}":`];
  lines.push(...changeLines(version, zone, '  '));
  const waiting = waitingMessage(view, zone, project.id);
  lines.push(waiting ?? 'It all applies now.');
  return `${lines.join('\n')}\n`;
}

export function formatCommitted(
  view: ContractView,
  project: Pick<Project, 'name'>,
  members: Map<string, Member>,
): string {
  const lines = [`Committed to "${sanitize(project.name)}" (version ${view.versions[0]?.number ?? 1}):`];
  if (view.inForce) lines.push(...formatTerms(view.inForce, view, members, '  '));
  if (view.inForce?.witnesses.length === 0)
    lines.push('No witness: the organizers review your checkpoints. Add one with `recital contract change`.');
  return `${lines.join('\n')}\n`;
}
