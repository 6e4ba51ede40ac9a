import { formatEstimate, sumEstimates } from '../estimates.js';
import type { PlanCheckpoint, PlanPhase, PlanTask, PlanWarning } from '../plan.model.js';
import type { PhaseDraft, TaskDraft } from './draft.js';

/** Resolves written dependency references by source id, id, then exact title; warns on the rest. */
export function resolveDependencies(drafts: TaskDraft[], warnings: PlanWarning[]): PlanTask[] {
  const index = new Map<string, string>();
  for (const { task } of drafts) {
    for (const key of [task.title, task.id, task.sourceId]) {
      if (key && !index.has(key.toLowerCase())) index.set(key.toLowerCase(), task.id);
    }
  }
  return drafts.map(({ task, dependencyRefs }) => {
    const dependsOn: string[] = [];
    for (const ref of dependencyRefs) {
      const id = index.get(ref.toLowerCase());
      if (id && id !== task.id && !dependsOn.includes(id)) dependsOn.push(id);
      if (!id) {
        warnings.push({
          line: task.source.line,
          message: `"${task.title}" depends on "${ref}", which matches no task in this plan; dependency dropped.`,
        });
      }
    }
    return { ...task, dependsOn };
  });
}

/** The same task written twice in one place (often once struck, once not) is kept, with a warning. */
export function warnDuplicates(tasks: PlanTask[], warnings: PlanWarning[]): void {
  const seen = new Map<string, PlanTask>();
  for (const task of tasks) {
    const key = `${task.phase ?? ''}|${task.parentId ?? ''}|${task.title.toLowerCase()}`;
    const first = seen.get(key);
    if (first) {
      warnings.push({
        line: task.source.line,
        message: `"${task.title}" is listed twice (also line ${first.source.line}); both kept as ${first.id} and ${task.id}.`,
      });
    } else seen.set(key, task);
  }
}

/** Phase id → its id and every descendant phase id. */
function subtrees(phases: PhaseDraft[]): Map<string, Set<string>> {
  const result = new Map(phases.map((phase) => [phase.id, new Set([phase.id])]));
  const byId = new Map(phases.map((phase) => [phase.id, phase]));
  for (const phase of phases) {
    for (let up = byId.get(phase.parentId ?? ''); up; up = byId.get(up.parentId ?? '')) {
      result.get(up.id)?.add(phase.id);
    }
  }
  return result;
}

export interface Finished {
  phases: PlanPhase[];
  checkpoints: PlanCheckpoint[];
}

function tasksUnder(phase: PhaseDraft, tasks: PlanTask[], trees: Map<string, Set<string>>): PlanTask[] {
  const ids = trees.get(phase.id) ?? new Set<string>();
  return tasks.filter((task) => task.phase !== null && ids.has(task.phase));
}

function checkPhase(phase: PhaseDraft, under: PlanTask[], warnings: PlanWarning[]): void {
  const open = under.filter((task) => task.status !== 'done' && task.status !== 'cancelled').length;
  const source = phase.statusSource ? ` (${phase.statusSource})` : '';
  if (phase.status === 'done' && open > 0) {
    warnings.push({
      line: phase.source.line,
      message: `"${phase.title}" is marked done${source} but ${open} of ${under.length} tasks under it are not done.`,
    });
  }
  if (phase.status === 'todo' && under.some((task) => task.status === 'done')) {
    warnings.push({
      line: phase.source.line,
      message: `"${phase.title}" is marked not started${source} but has done tasks.`,
    });
  }
  const parents = new Set(under.map((task) => task.parentId));
  const total = sumEstimates(
    under.filter((task) => !parents.has(task.id)).map((task) => task.estimateMinutes),
  );
  const max = (value: number | { max: number }) => (typeof value === 'number' ? value : value.max);
  if (phase.estimateMinutes !== null && total !== null && max(total) > max(phase.estimateMinutes)) {
    warnings.push({
      line: phase.source.line,
      message: `Tasks under "${phase.title}" add up to ${formatEstimate(total)}, over its budget of ${formatEstimate(phase.estimateMinutes)}.`,
    });
  }
}

function toPhase(draft: PhaseDraft): PlanPhase {
  const { id, title, kind, estimateMinutes, status, parentId, source } = draft;
  return { id, title, kind, estimateMinutes, status, parentId, source };
}

/**
 * Drops phases with no task under them (notes, resources, empty headings), checks each phase's
 * own status and budget against its tasks, and makes a checkpoint of every top-level phase that
 * names a unit of plan (phase, week, day, stage, milestone) and of every milestone — or of every
 * top-level section when the file names none.
 */
export function finishPhases(drafts: PhaseDraft[], tasks: PlanTask[], warnings: PlanWarning[]): Finished {
  const trees = subtrees(drafts);
  const kept = drafts.filter((phase) => tasksUnder(phase, tasks, trees).length > 0);
  for (const phase of kept) checkPhase(phase, tasksUnder(phase, tasks, trees), warnings);
  const named = kept.filter(
    (phase) => phase.kind === 'milestone' || (phase.parentId === null && phase.kind !== 'section'),
  );
  const chosen = named.length > 0 ? named : kept.filter((phase) => phase.parentId === null);
  const checkpoints = chosen.map((phase) => ({
    id: `cp-${phase.id}`,
    title: phase.title,
    taskIds: tasksUnder(phase, tasks, trees).map((task) => task.id),
    phaseId: phase.id,
    criteria: phase.criteria,
    source: phase.source,
  }));
  return { phases: kept.map(toPhase), checkpoints };
}
