import { classifyChange } from './classify-change.js';
import type { Contract, ContractCheckpoint } from './contract.model.js';

const union = (a: readonly string[], b: readonly string[]) => [
  ...a,
  ...b.filter((item) => !a.includes(item)),
];

/**
 * The contract in force while the easier parts of a change wait: every harder or neutral part of
 * `after` applied to `before`, every easier part held back. Once the easier parts take effect
 * (`effectiveAt`), `after` is in force. For a change with no easier part it equals `after`.
 *
 * @example interimContract(before, { ...before, graceTokensPerSprint: 9, witnesses: [...before.witnesses, 'u2'] })
 * // before, with the extra witness and without the extra grace
 */
export function interimContract(before: Contract, after: Contract): Contract {
  const easier = new Set(
    classifyChange(before, after)
      .filter((change) => change.direction === 'easier')
      .map((change) => change.field),
  );
  const pick = <T>(field: string, from: T, to: T): T => (easier.has(field) ? from : to);
  return {
    minutesPerWeekday: pick('minutesPerWeekday', before.minutesPerWeekday, after.minutesPerWeekday),
    checkpoints: interimCheckpoints(before.checkpoints, after.checkpoints),
    // Added witnesses join now; removed ones stay until the removal takes effect.
    witnesses: union(before.witnesses, after.witnesses),
    backupWitness: pick('backupWitness', before.backupWitness, after.backupWitness),
    ladder: pick('ladder', before.ladder, after.ladder),
    graceTokensPerSprint: pick(
      'graceTokensPerSprint',
      before.graceTokensPerSprint,
      after.graceTokensPerSprint,
    ),
    sprintLengthDays: pick('sprintLengthDays', before.sprintLengthDays, after.sprintLengthDays),
    ...(after.commitsCloseTasks === undefined ? {} : { commitsCloseTasks: after.commitsCloseTasks }),
  };
}

/** Earlier dates and added scope now; later dates, removed scope and removed checkpoints wait. */
function interimCheckpoints(before: ContractCheckpoint[], after: ContractCheckpoint[]): ContractCheckpoint[] {
  const kept = after.map((next) => {
    const old = before.find((cp) => cp.id === next.id);
    if (!old) return next;
    return {
      ...next,
      dueDate: next.dueDate < old.dueDate ? next.dueDate : old.dueDate,
      taskIds: union(old.taskIds, next.taskIds),
      criteria: union(old.criteria, next.criteria),
    };
  });
  const removed = before.filter((old) => !after.some((cp) => cp.id === old.id));
  return [...kept, ...removed];
}
