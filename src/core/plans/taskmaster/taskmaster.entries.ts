import type { PlanWarning } from '../plan.model.js';
import { idSchema, isUsableId } from './taskmaster.fields.js';

/** One task or subtask object of the file, with its plan id and line. */
export interface Entry {
  raw: Record<string, unknown>;
  /** Plan id: the task's id as written, `<parent>.<sub>` for subtasks, `~2`… on duplicates. */
  id: string;
  /** The id as written in the file (local number for subtasks). */
  sourceId: string;
  parent: Entry | null;
  children: Entry[];
  line: number;
}

export interface EntryContext {
  offsets: Map<object, number>;
  lineOfOffset: (offset: number) => number;
  warnings: PlanWarning[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Flatten tasks and their `subtasks` into entries with unique ids. A duplicate id is kept under
 * `<id>~2` (then `~3`…) with a warning rather than dropping work from the plan.
 */
export function collectEntries(tasks: readonly unknown[], context: EntryContext): Entry[] {
  const used = new Set<string>();
  const all: Entry[] = [];
  const visit = (items: readonly unknown[], parent: Entry | null, listLine: number): Entry[] => {
    const siblings: Entry[] = [];
    items.forEach((item, index) => {
      const line = isRecord(item) ? lineOf(item, context) : listLine;
      if (!isRecord(item)) {
        context.warnings.push({
          line,
          message: `Item ${index + 1} of the ${parent ? `subtasks of task ${parent.id}` : 'task list'} is not an object; it was skipped.`,
        });
        return;
      }
      const entry = makeEntry({ raw: item, index, parent, line }, used, context.warnings);
      all.push(entry);
      siblings.push(entry);
      if (Array.isArray(item.subtasks)) entry.children = visit(item.subtasks, entry, line);
    });
    return siblings;
  };
  visit(tasks, null, 1);
  return all;
}

function lineOf(value: object, context: EntryContext): number {
  return context.lineOfOffset(context.offsets.get(value) ?? 0);
}

function makeEntry(
  {
    raw,
    index,
    parent,
    line,
  }: { raw: Record<string, unknown>; index: number; parent: Entry | null; line: number },
  used: Set<string>,
  warnings: PlanWarning[],
): Entry {
  const parsed = isUsableId(raw.id) ? idSchema.safeParse(raw.id) : null;
  let sourceId = parsed?.success ? parsed.data : '';
  if (sourceId === '') {
    sourceId = String(index + 1);
    warnings.push({
      line,
      message: `A task has no usable id; it was given ${parent ? `${parent.id}.` : ''}${sourceId} from its position.`,
    });
  }
  const wanted = parent ? `${parent.id}.${sourceId}` : sourceId;
  let id = wanted;
  for (let copy = 2; used.has(id); copy++) id = `${wanted}~${copy}`;
  if (id !== wanted) {
    warnings.push({
      line,
      message: `Task id ${wanted} is used more than once; this one was imported as ${id}. Dependencies on ${wanted} point to the first.`,
    });
  }
  used.add(id);
  return { raw, id, sourceId, parent, children: [], line };
}
