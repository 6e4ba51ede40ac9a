import type { PlanTask } from '../plan.model.js';
import type { TaskMatch } from './versions.model.js';
import { carriedStatus } from './status-precedence.js';

/**
 * The next version's tasks, in the new file's order and with its content, keeping the real progress:
 *
 * - a matched task takes the previous task's `id`, so check-ins and evidence stay attached, and the
 *   status from `carriedStatus` (done and cancelled outlive a regenerated todo; see status-precedence.ts);
 * - `parentId` and `dependsOn` are rewritten to the carried ids (unknown ids are left as they are);
 * - an added task keeps its own id unless a previous task had it (ids derived from position get reused
 *   when tasks shift, and a removed task's history must not land on a newcomer): it then becomes
 *   `<id>~2`, `<id>~3`…, the first one free.
 *
 * `matches` is what `matchTasks(previous, next)` returned; rows naming unknown ids are ignored, and a
 * previous task claimed twice counts for its first row only.
 *
 * @example
 * const matches = matchTasks(v1.tasks, v2.tasks);
 * const tasks = carryOver(v1.tasks, v2.tasks, matches); // store as version 2
 */
export function carryOver(previous: PlanTask[], next: PlanTask[], matches: TaskMatch[]): PlanTask[] {
  const previousById = new Map(previous.map((task) => [task.id, task]));
  const partnerOf = partners(previousById, next, matches);
  const idOf = carriedIds(previousById, next, partnerOf);
  const rewrite = (id: string): string => idOf.get(id) ?? id;
  return next.map((task) => {
    const partner = partnerOf.get(task.id);
    return {
      ...task,
      id: rewrite(task.id),
      status: partner ? carriedStatus(partner.status, task.status) : task.status,
      parentId: task.parentId === null ? null : rewrite(task.parentId),
      dependsOn: task.dependsOn.map(rewrite),
    };
  });
}

function partners(
  previousById: Map<string, PlanTask>,
  next: PlanTask[],
  matches: TaskMatch[],
): Map<string, PlanTask> {
  const nextIds = new Set(next.map((task) => task.id));
  const claimed = new Set<string>();
  const partnerOf = new Map<string, PlanTask>();
  for (const { previousId, nextId } of matches) {
    if (previousId === null || nextId === null || !nextIds.has(nextId)) continue;
    const partner = previousById.get(previousId);
    if (!partner || claimed.has(previousId) || partnerOf.has(nextId)) continue;
    claimed.add(previousId);
    partnerOf.set(nextId, partner);
  }
  return partnerOf;
}

/** Next id → carried id, for every next task. */
function carriedIds(
  previousById: Map<string, PlanTask>,
  next: PlanTask[],
  partnerOf: Map<string, PlanTask>,
): Map<string, string> {
  const idOf = new Map<string, string>();
  const taken = new Set(previousById.keys());
  for (const [nextId, partner] of partnerOf) idOf.set(nextId, partner.id);
  for (const task of next) {
    if (idOf.has(task.id)) continue;
    let id = task.id;
    for (let suffix = 2; taken.has(id); suffix += 1) id = `${task.id}~${suffix}`;
    taken.add(id);
    idOf.set(task.id, id);
  }
  return idOf;
}
