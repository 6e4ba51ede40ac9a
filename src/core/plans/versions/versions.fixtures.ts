/** Test helpers: terse plan tasks for the version tests. Not used by production code. */
import { type PlanTask, blankTask } from '../plan.model.js';

/** A task with line 1 as its source and every other field empty unless given. */
export function task(id: string, title: string, fields: Partial<PlanTask> = {}): PlanTask {
  return blankTask({ id, title, source: { line: 1 }, ...fields });
}

/** Tasks from titles, ids `${prefix}1`, `${prefix}2`…, in order. */
export function tasks(prefix: string, titles: string[], fields: Partial<PlanTask> = {}): PlanTask[] {
  return titles.map((title, index) => task(`${prefix}${index + 1}`, title, fields));
}

/** `nextId → previousId` for the paired rows, for compact assertions. */
export function pairsOf(
  matches: { previousId: string | null; nextId: string | null }[],
): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const { previousId, nextId } of matches) if (previousId && nextId) pairs[nextId] = previousId;
  return pairs;
}
