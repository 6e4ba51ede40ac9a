import type { PlanWarning } from '../plan.model.js';
import type { Entry } from './taskmaster.entries.js';

const NUMERIC = /^\d+$/;

interface Found {
  entry: Entry | null;
  /** Other tasks the reference could also mean ("1" when both "1" and "001" exist). */
  alternatives: Entry[];
}

/** Exact id first; then numeric equality, so "1" finds "001" and 1 finds "1". */
function findAmong(candidates: readonly Entry[], ref: string): Found {
  const exact = candidates.find((candidate) => candidate.sourceId === ref);
  const numeric = NUMERIC.test(ref)
    ? candidates.filter(
        (candidate) => NUMERIC.test(candidate.sourceId) && Number(candidate.sourceId) === Number(ref),
      )
    : [];
  const entry = exact ?? numeric[0] ?? null;
  // Duplicates of the chosen id were already warned about where they are declared.
  return { entry, alternatives: numeric.filter((candidate) => candidate.sourceId !== entry?.sourceId) };
}

/** "2.1" → subtask 1 of task 2 (any depth); a whole-id match wins for ids that contain dots. */
function findPath(topLevel: readonly Entry[], ref: string): Found {
  const whole = findAmong(topLevel, ref);
  if (whole.entry || !ref.includes('.')) return whole;
  let found: Found = { entry: null, alternatives: [] };
  let candidates = topLevel;
  for (const segment of ref.split('.')) {
    found = findAmong(candidates, segment);
    if (!found.entry) return found;
    candidates = found.entry.children;
  }
  return found;
}

/**
 * Plan ids of the tasks an entry depends on. A subtask's plain number means a sibling subtask
 * (Task Master's convention); when no sibling has it, a top-level task of that id is used with a
 * warning. Unknown ids and self-references are dropped with a warning.
 */
export function resolveDependencies(
  entry: Entry,
  refs: readonly string[],
  topLevel: readonly Entry[],
  warnings: PlanWarning[],
): string[] {
  const resolved: string[] = [];
  const warn = (message: string): void => {
    warnings.push({ line: entry.line, message: `Task ${entry.id}: ${message}` });
  };
  for (const ref of refs) {
    let found = findPath(topLevel, ref);
    if (entry.parent && !ref.includes('.')) {
      const sibling = findAmong(entry.parent.children, ref);
      if (sibling.entry) found = sibling;
      else if (found.entry)
        warn(`dependency ${ref} is not a sibling subtask; it was read as top-level task ${found.entry.id}.`);
    }
    if (!found.entry) {
      warn(`depends on ${ref}, which is not a task in this file; that dependency was ignored.`);
      continue;
    }
    if (found.alternatives.length > 0) {
      const others = found.alternatives.map((other) => other.id).join(', ');
      warn(`dependency ${ref} could mean ${found.entry.id} or ${others}; ${found.entry.id} was used.`);
    }
    if (found.entry === entry) {
      warn('depends on itself; that dependency was ignored.');
      continue;
    }
    if (!resolved.includes(found.entry.id)) resolved.push(found.entry.id);
  }
  return resolved;
}
