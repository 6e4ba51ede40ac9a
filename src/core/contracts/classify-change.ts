import { WEEKDAYS } from '../schedule/schedule.model.js';
import type {
  ChangeDirection,
  ConsequenceStep,
  Contract,
  ContractChange,
  ContractCheckpoint,
} from './contract.model.js';

const change = (field: string, direction: ChangeDirection, description: string): ContractChange => ({
  field,
  direction,
  description,
});

const hours = (minutes: number) => `${Math.round((minutes / 60) * 100) / 100}h`;
const list = (items: readonly string[]) => items.map((item) => `"${item}"`).join(', ');
const without = (items: readonly string[], remove: readonly string[]) =>
  items.filter((item) => !remove.includes(item));

/**
 * Every difference between two versions of a contract, each judged easier, harder or neutral for
 * the builder. When a change cannot be shown not to weaken the commitment it is called easier, so
 * it waits (see `effectiveAt`): replacing the backup witness, or rewriting ladder actions.
 *
 * @example classifyChange(before, { ...before, graceTokensPerSprint: 3 })
 * // [{ field: 'graceTokensPerSprint', direction: 'easier', description: 'grace tokens per sprint 1 → 3' }]
 */
export function classifyChange(before: Contract, after: Contract): ContractChange[] {
  return [
    ...hoursChanges(before, after),
    ...checkpointChanges(before.checkpoints, after.checkpoints),
    ...witnessChanges(before, after),
    ...ladderChanges(before.ladder, after.ladder),
    ...graceChanges(before, after),
    ...automationChanges(before, after),
  ];
}

/** Letting commits close tasks neither raises nor lowers what the builder is held to. */
function automationChanges(before: Contract, after: Contract): ContractChange[] {
  const [from, to] = [before.commitsCloseTasks === true, after.commitsCloseTasks === true];
  if (from === to) return [];
  const word = (on: boolean) => (on ? 'on' : 'off');
  return [
    change('commitsCloseTasks', 'neutral', `commits close the tasks they fix: ${word(from)} → ${word(to)}`),
  ];
}

/** Judged on the weekly total: moving an hour from Monday to Tuesday commits to no more and no less. */
function hoursChanges(before: Contract, after: Contract): ContractChange[] {
  const changed = WEEKDAYS.filter((day) => before.minutesPerWeekday[day] !== after.minutesPerWeekday[day]);
  if (changed.length === 0) return [];
  const total = (c: Contract) => WEEKDAYS.reduce((sum, day) => sum + c.minutesPerWeekday[day], 0);
  const [from, to] = [total(before), total(after)];
  const days = changed
    .map((day) => `${day} ${before.minutesPerWeekday[day]} → ${after.minutesPerWeekday[day]} min`)
    .join(', ');
  const direction = to < from ? 'easier' : to > from ? 'harder' : 'neutral';
  return [change('minutesPerWeekday', direction, `weekly hours ${hours(from)} → ${hours(to)} (${days})`)];
}

function checkpointChanges(before: ContractCheckpoint[], after: ContractCheckpoint[]): ContractChange[] {
  const changes: ContractChange[] = [];
  for (const old of before) {
    const next = after.find((cp) => cp.id === old.id);
    if (!next) {
      changes.push(
        change(`checkpoints[${old.id}]`, 'easier', `removes checkpoint ${old.id} (due ${old.dueDate})`),
      );
      continue;
    }
    const field = `checkpoints[${old.id}]`;
    // LocalDate strings (YYYY-MM-DD) sort as dates.
    if (next.dueDate !== old.dueDate) {
      const later = next.dueDate > old.dueDate;
      const description = `moves checkpoint ${old.id} ${later ? 'later' : 'earlier'}: ${old.dueDate} → ${next.dueDate}`;
      changes.push(change(`${field}.dueDate`, later ? 'easier' : 'harder', description));
    }
    changes.push(...scopeChanges(`${field}.taskIds`, 'tasks', old.taskIds, next.taskIds));
    changes.push(...scopeChanges(`${field}.criteria`, 'criteria', old.criteria, next.criteria));
  }
  for (const added of after.filter((cp) => !before.some((old) => old.id === cp.id))) {
    changes.push(
      change(`checkpoints[${added.id}]`, 'harder', `adds checkpoint ${added.id} (due ${added.dueDate})`),
    );
  }
  return changes;
}

/** Removed scope is easier and added scope harder, reported apart so a swap waits for its removal. */
function scopeChanges(field: string, noun: string, before: string[], after: string[]): ContractChange[] {
  const removed = without(before, after);
  const added = without(after, before);
  return [
    ...(removed.length ? [change(field, 'easier', `removes ${noun} ${list(removed)}`)] : []),
    ...(added.length ? [change(field, 'harder', `adds ${noun} ${list(added)}`)] : []),
  ];
}

function witnessChanges(before: Contract, after: Contract): ContractChange[] {
  const changes = scopeChanges('witnesses', 'witnesses', before.witnesses, after.witnesses);
  const [from, to] = [before.backupWitness, after.backupWitness];
  if (from !== to) {
    // Replacing the backup is a removal too: the person who agreed to step in stops watching.
    const description =
      from === null
        ? `adds backup witness "${to}"`
        : to === null
          ? `removes backup witness "${from}"`
          : `replaces backup witness "${from}" with "${to}"`;
    changes.push(change('backupWitness', from === null ? 'harder' : 'easier', description));
  }
  return changes;
}

/**
 * A ladder is at least as strict as another when each of the other's steps has a counterpart with
 * the same action that fires no later. Anything else (an action renamed) cannot be ordered and is
 * treated as easier.
 */
function ladderChanges(before: ConsequenceStep[], after: ConsequenceStep[]): ContractChange[] {
  const atLeastAsStrict = (a: ConsequenceStep[], b: ConsequenceStep[]) =>
    b.every((step) =>
      a.some((s) => s.action === step.action && s.afterConsecutiveSkips <= step.afterConsecutiveSkips),
    );
  const harder = atLeastAsStrict(after, before);
  const easier = atLeastAsStrict(before, after);
  if (harder && easier && sameSteps(before, after)) return [];
  const describe = (l: ConsequenceStep[]) =>
    l.map((s) => `${s.action} after ${s.afterConsecutiveSkips}`).join(', ') || 'none';
  const description = `consequence ladder [${describe(before)}] → [${describe(after)}]`;
  if (harder && easier) return [change('ladder', 'neutral', description)];
  return [change('ladder', harder ? 'harder' : 'easier', description)];
}

function sameSteps(a: ConsequenceStep[], b: ConsequenceStep[]): boolean {
  const key = (l: ConsequenceStep[]) =>
    l
      .map((s) => `${s.afterConsecutiveSkips}\u0000${s.action}`)
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}

/** More tokens are easier; so are shorter sprints, since the tokens come back sooner. */
function graceChanges(before: Contract, after: Contract): ContractChange[] {
  const changes: ContractChange[] = [];
  const [fromTokens, toTokens] = [before.graceTokensPerSprint, after.graceTokensPerSprint];
  if (fromTokens !== toTokens) {
    const direction = toTokens > fromTokens ? 'easier' : 'harder';
    changes.push(
      change('graceTokensPerSprint', direction, `grace tokens per sprint ${fromTokens} → ${toTokens}`),
    );
  }
  const [fromDays, toDays] = [before.sprintLengthDays, after.sprintLengthDays];
  if (fromDays !== toDays) {
    // With no grace in either version, the sprint length decides nothing the builder is held to.
    const noGrace = fromTokens === 0 && toTokens === 0;
    const direction = noGrace ? 'neutral' : toDays < fromDays ? 'easier' : 'harder';
    changes.push(change('sprintLengthDays', direction, `sprint length ${fromDays} → ${toDays} days`));
  }
  return changes;
}
