import { WEEKDAYS } from '../schedule/schedule.model.js';
import type { Contract } from './contract.model.js';

export const CONTRACT_ERROR_CODES = [
  'contracts.no_change',
  'contracts.invalid_minutes',
  'contracts.no_hours',
  'contracts.invalid_date',
  'contracts.due_date_in_past',
  'contracts.duplicate_checkpoint',
  'contracts.checkpoint_without_tasks',
  'contracts.invalid_criterion',
  'contracts.builder_as_witness',
  'contracts.duplicate_witness',
  'contracts.backup_is_witness',
  'contracts.invalid_ladder',
  'contracts.invalid_grace',
  'contracts.invalid_sprint_length',
] as const;
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

export interface ContractIssue {
  code: ContractErrorCode;
  path: string;
  message: string;
}

/** `code` and `message` are the first issue's; `issues` lists them all, so a form can show each. */
export type ContractValidation =
  { ok: true } | { ok: false; code: ContractErrorCode; message: string; issues: ContractIssue[] };

export interface ValidateOptions {
  now: string;
  /** The builder's IANA zone: "today" is their local date. */
  timeZone: string;
  builderId: string;
}

export const CONTRACT_LIMITS = { maxMinutesPerDay: 1440, maxSprintLengthDays: 366, maxCriterionLength: 500 };

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `after` may replace `before`. Dates are only refused for being in the past when they
 * changed (or are new): a checkpoint that was already due keeps its date.
 *
 * @example validateContractChange(c, { ...c, witnesses: ['u-builder'] }, { now, timeZone, builderId: 'u-builder' })
 * // { ok: false, code: 'contracts.builder_as_witness', message: 'witnesses[0]: the builder cannot witness their own work', … }
 */
export function validateContractChange(
  before: Contract,
  after: Contract,
  options: ValidateOptions,
): ContractValidation {
  const today = localDate(options.now, options.timeZone);
  const issues: ContractIssue[] = [];
  const add = (code: ContractErrorCode, path: string, message: string) =>
    issues.push({ code, path, message });
  if (JSON.stringify(before) === JSON.stringify(after))
    add('contracts.no_change', '', 'the contract is unchanged');

  let total = 0;
  for (const day of WEEKDAYS) {
    const minutes = after.minutesPerWeekday[day];
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > CONTRACT_LIMITS.maxMinutesPerDay) {
      add(
        'contracts.invalid_minutes',
        `minutesPerWeekday.${day}`,
        `${day}: minutes must be a whole number from 0 to 1440`,
      );
    } else total += minutes;
  }
  if (total <= 0)
    add(
      'contracts.no_hours',
      'minutesPerWeekday',
      'the contract commits to no hours at all; give at least one day some minutes',
    );

  checkpointIssues(before, after, today, add);
  witnessIssues(after, options.builderId, add);
  after.ladder.forEach((step, i) => {
    if (
      !Number.isInteger(step.afterConsecutiveSkips) ||
      step.afterConsecutiveSkips < 1 ||
      !step.action.trim()
    ) {
      add(
        'contracts.invalid_ladder',
        `ladder[${i}]`,
        'a ladder step needs an action and a whole number of skips, at least 1',
      );
    }
  });
  if (!Number.isInteger(after.graceTokensPerSprint) || after.graceTokensPerSprint < 0) {
    add(
      'contracts.invalid_grace',
      'graceTokensPerSprint',
      'grace tokens per sprint must be a whole number, 0 or more',
    );
  }
  const days = after.sprintLengthDays;
  if (!Number.isInteger(days) || days < 1 || days > CONTRACT_LIMITS.maxSprintLengthDays) {
    add('contracts.invalid_sprint_length', 'sprintLengthDays', 'a sprint lasts 1 to 366 days');
  }

  const first = issues[0];
  if (!first) return { ok: true };
  return { ok: false, code: first.code, message: issues.map((issue) => issue.message).join('; '), issues };
}

type AddIssue = (code: ContractErrorCode, path: string, message: string) => void;

function checkpointIssues(before: Contract, after: Contract, today: string, add: AddIssue): void {
  const seen = new Set<string>();
  after.checkpoints.forEach((cp, i) => {
    const path = `checkpoints[${cp.id || i}]`;
    if (seen.has(cp.id))
      add('contracts.duplicate_checkpoint', path, `checkpoint id "${cp.id}" appears twice`);
    seen.add(cp.id);
    const old = before.checkpoints.find((b) => b.id === cp.id);
    if (!isLocalDate(cp.dueDate)) {
      add('contracts.invalid_date', `${path}.dueDate`, `"${cp.dueDate}" is not a date (YYYY-MM-DD)`);
    } else if (cp.dueDate < today && cp.dueDate !== old?.dueDate) {
      add(
        'contracts.due_date_in_past',
        `${path}.dueDate`,
        `checkpoint ${cp.id} cannot be due on ${cp.dueDate}: that is before today (${today})`,
      );
    }
    if (cp.taskIds.length === 0)
      add(
        'contracts.checkpoint_without_tasks',
        `${path}.taskIds`,
        `checkpoint ${cp.id} has no tasks; give it at least one or remove it`,
      );
    cp.criteria.forEach((criterion, j) => {
      if (!criterion.trim() || criterion.length > CONTRACT_LIMITS.maxCriterionLength) {
        add(
          'contracts.invalid_criterion',
          `${path}.criteria[${j}]`,
          `a criterion is 1 to ${CONTRACT_LIMITS.maxCriterionLength} characters`,
        );
      }
    });
  });
}

function isLocalDate(date: string): boolean {
  if (!LOCAL_DATE.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

function witnessIssues(after: Contract, builderId: string, add: AddIssue): void {
  after.witnesses.forEach((witness, i) => {
    if (witness === builderId)
      add('contracts.builder_as_witness', `witnesses[${i}]`, 'the builder cannot witness their own work');
    if (after.witnesses.indexOf(witness) !== i)
      add('contracts.duplicate_witness', `witnesses[${i}]`, `witness "${witness}" is listed twice`);
  });
  const backup = after.backupWitness;
  if (backup === builderId)
    add('contracts.builder_as_witness', 'backupWitness', 'the builder cannot be their own backup witness');
  else if (backup !== null && after.witnesses.includes(backup)) {
    add(
      'contracts.backup_is_witness',
      'backupWitness',
      `"${backup}" is already a witness; the backup must be someone else`,
    );
  }
}

/** The calendar date in `timeZone` at the instant `now`, as YYYY-MM-DD. */
export function localDate(now: string, timeZone: string): string {
  const instant = new Date(now);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`now must be an ISO instant, got "${now}"`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
