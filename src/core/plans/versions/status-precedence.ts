/**
 * Which status a matched task keeps when a plan is re-imported. The version before holds what the
 * builder did (check-ins, a task marked done or cancelled in Recital); the new file is often an AI
 * regeneration that knows nothing of it. Statuses are ranked and the more advanced one wins:
 *
 *     todo < in_progress < cancelled < done
 *
 * | previous \ new file | todo        | in_progress | cancelled | done |
 * | ------------------- | ----------- | ----------- | --------- | ---- |
 * | todo                | todo        | in_progress | cancelled | done |
 * | in_progress         | in_progress | in_progress | cancelled | done |
 * | cancelled           | cancelled   | cancelled   | cancelled | done |
 * | done                | done        | done        | done      | done |
 *
 * Why: finished work stays finished whatever the file says (a regenerated "todo" or even "cancelled"
 * cannot undo it); a cancellation, by the builder or by the new plan, outlives a regenerated todo or
 * in-progress; a file that says done is believed, as the builder may have ticked it there. Reopening a
 * task is an explicit action in Recital, never a side effect of importing.
 */
import type { TaskStatus } from '../plan.model.js';

const RANK: Record<TaskStatus, number> = { todo: 0, in_progress: 1, cancelled: 2, done: 3 };

/** The status a matched task carries into the new version (see the table above). */
export function carriedStatus(previous: TaskStatus, next: TaskStatus): TaskStatus {
  return RANK[next] > RANK[previous] ? next : previous;
}
