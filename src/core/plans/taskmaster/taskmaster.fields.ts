import { z } from 'zod';
import type { Priority, TaskStatus } from '../plan.model.js';

/**
 * Field readers for Task Master tasks: each accepts the variants seen in real files and says
 * (through `problem`) what it could not read, so the importer warns instead of rejecting.
 */

export const idSchema = z.union([z.string(), z.number()]).transform((id) => String(id).trim());
const textSchema = z.union([z.string(), z.array(z.union([z.string(), z.number()])), z.null()]);
const dependenciesSchema = z.array(z.union([z.string(), z.number()]));
const complexitySchema = z.union([
  z.number(),
  z.looseObject({ score: z.number().optional(), level: z.string().optional() }),
  z.null(),
]);

export interface FieldResult<T> {
  value: T;
  /** Why the field was not used as written; null when it was. */
  problem: string | null;
}

const ok = <T>(value: T): FieldResult<T> => ({ value, problem: null });

/** A string, or an array of strings (one line each) as some generators write `details`. */
export function readText(raw: unknown, field: string): FieldResult<string | null> {
  if (raw === undefined) return ok(null);
  const parsed = textSchema.safeParse(raw);
  if (!parsed.success) return { value: null, problem: `"${field}" is not text; it was ignored` };
  const value = Array.isArray(parsed.data) ? parsed.data.map(String).join('\n') : parsed.data;
  return ok(value !== null && value.trim() !== '' ? value : null);
}

export function readDependencies(raw: unknown): FieldResult<string[]> {
  if (raw === undefined || raw === null) return ok([]);
  const parsed = dependenciesSchema.safeParse(raw);
  if (!parsed.success)
    return { value: [], problem: '"dependencies" is not a list of task ids; it was ignored' };
  return ok(parsed.data.map((id) => String(id).trim()).filter((id) => id !== ''));
}

const STATUS: Record<string, { status: TaskStatus; tag?: string }> = {
  pending: { status: 'todo' },
  todo: { status: 'todo' },
  open: { status: 'todo' },
  'not-started': { status: 'todo' },
  'in-progress': { status: 'in_progress' },
  in_progress: { status: 'in_progress' },
  inprogress: { status: 'in_progress' },
  active: { status: 'in_progress' },
  review: { status: 'in_progress', tag: 'review' },
  'in-review': { status: 'in_progress', tag: 'review' },
  done: { status: 'done' },
  completed: { status: 'done' },
  complete: { status: 'done' },
  closed: { status: 'done' },
  cancelled: { status: 'cancelled' },
  canceled: { status: 'cancelled' },
  blocked: { status: 'todo', tag: 'blocked' },
  // Deferred work is postponed, not dropped: it stays to do, tagged so a reader can filter it.
  deferred: { status: 'todo', tag: 'deferred' },
};

/** Task Master status words → plan status, plus a tag for the nuance the status loses. */
export function readStatus(raw: unknown): FieldResult<{ status: TaskStatus; tag: string | null }> {
  // Task Master's own default for a new task is pending, so a missing status is not a problem.
  if (raw === undefined || raw === null) return ok({ status: 'todo', tag: null });
  const word = typeof raw === 'string' ? raw.trim().toLowerCase().replace(/\s+/g, '-') : '';
  const known = STATUS[word];
  if (known) return ok({ status: known.status, tag: known.tag ?? null });
  return {
    value: { status: 'todo', tag: null },
    problem: `has the unknown status ${JSON.stringify(raw)}; it was taken as pending`,
  };
}

export function readPriority(raw: unknown): FieldResult<Priority | null> {
  if (raw === undefined || raw === null) return ok(null);
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (word === 'high' || word === 'medium' || word === 'low') return ok(word);
  if (word === 'critical' || word === 'urgent') return ok('high');
  return { value: null, problem: `has the unknown priority ${JSON.stringify(raw)}; it was ignored` };
}

/** `7` or `{ score: 7, level: "high" }` → `complexity:7` (the level is not kept: files disagree on it). */
export function readComplexity(raw: unknown): FieldResult<string | null> {
  if (raw === undefined) return ok(null);
  const parsed = complexitySchema.safeParse(raw);
  if (!parsed.success)
    return {
      value: null,
      problem: '"complexity" is neither a number nor an object with a score; it was ignored',
    };
  const score = typeof parsed.data === 'number' ? parsed.data : parsed.data?.score;
  return ok(score === undefined ? null : `complexity:${score}`);
}

/** Task Master writes `"parentId": "undefined"` on subtasks; it carries no information. */
export function isUsableId(raw: unknown): raw is string | number {
  if (typeof raw === 'number') return Number.isFinite(raw);
  return typeof raw === 'string' && raw.trim() !== '' && raw.trim() !== 'undefined' && raw.trim() !== 'null';
}
