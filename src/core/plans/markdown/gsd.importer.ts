import { parseMarkdown } from '../markdown-tree.js';
import type {
  Importer,
  PlanCheckpoint,
  PlanPhase,
  PlanTask,
  PlanWarning,
  TaskStatus,
} from '../plan.model.js';
import { PlanImportError, blankTask } from '../plan.model.js';
import type { GsdMilestone, GsdPhase, GsdRoadmap } from './gsd-sections.js';
import { readGsdRoadmap } from './gsd-sections.js';
import { slugOf } from './ids.js';
import { statusFromWords } from './status.js';

/**
 * True for a GSD `.planning/ROADMAP.md`: a "## Phases" (or "## Phase Details") section listing
 * "Phase N: …" items, or "NN-NN-PLAN.md" plan files.
 */
export function looksLikeGsdRoadmap(text: string): boolean {
  const sections = /^##\s+(?:Phases|Phase Details)\s*$/mu.test(text);
  const phaseItems = /^\s*- \[[ xX]\]\s+(?:\*\*)?Phase\s+\d+(?:\.\d+)?\s*:/mu.test(text);
  const planFiles = /\b\d{2}(?:\.\d+)?-\d{2}-PLAN\.md\b/u.test(text);
  return sections && (phaseItems || planFiles);
}

const phaseKey = (number: string) => `phase-${number}`;

function milestoneOf(phase: GsdPhase, milestones: GsdMilestone[]): GsdMilestone | undefined {
  const n = Number(phase.number);
  return milestones.find((m) => m.first !== null && m.last !== null && n >= m.first && n <= m.last);
}

function phaseStatus(phase: GsdPhase, tableStatus: string | undefined): TaskStatus {
  if (phase.done) return 'done';
  const table = tableStatus ? statusFromWords(tableStatus) : null;
  if (table === 'in_progress' || phase.plans.some((plan) => plan.done)) return 'in_progress';
  return 'todo';
}

function planTasks(
  phase: GsdPhase,
  parentId: string,
  warnings: PlanWarning[],
  taken: Set<string>,
): PlanTask[] {
  const prefix = phase.number.padStart(2, '0');
  if (phase.plansDeclared !== null && phase.plansDeclared !== phase.plans.length) {
    warnings.push({
      line: phase.detailLine,
      message: `Phase ${phase.number} declares ${phase.plansDeclared} plans but lists ${phase.plans.length}.`,
    });
  }
  return phase.plans.map((plan, index) => {
    const sourceId = /^(\d{2}(?:\.\d+)?-\d{2})/u.exec(plan.file)?.[1] ?? null;
    let id = sourceId ?? `${parentId}.p${index + 1}`;
    if (sourceId && (!sourceId.startsWith(`${prefix}-`) || taken.has(sourceId))) {
      id = `${parentId}.p${index + 1}`;
      warnings.push({
        line: plan.line,
        message: `Phase ${phase.number} lists ${plan.file}, named for another phase (copied?); kept as ${id}.`,
      });
    }
    taken.add(id);
    return blankTask({
      id,
      sourceId,
      title: plan.title,
      source: { line: plan.line },
      parentId,
      phase: phaseKey(phase.number),
      status: plan.done ? 'done' : 'todo',
      tags: [...plan.title.matchAll(/\(Wave\s+(\d+)\)/giu)].map((m) => `wave-${m[1] ?? ''}`),
    });
  });
}

function checkProgress(roadmap: GsdRoadmap, tasks: PlanTask[], warnings: PlanWarning[]): void {
  for (const row of roadmap.progress) {
    const phase = roadmap.phases.find((p) => p.number === row.number);
    const task = tasks.find((t) => t.id === row.number);
    if (!phase || !task) {
      warnings.push({
        line: row.line,
        message: `Progress table lists phase ${row.number}, which the phase list does not.`,
      });
      continue;
    }
    const counted =
      phase.plans.length > 0
        ? `${phase.plans.filter((p) => p.done).length}/${phase.plans.length}`
        : phase.listedPlans;
    if (counted !== null && counted !== row.plansComplete) {
      warnings.push({
        line: row.line,
        message: `Progress table says ${row.plansComplete} plans complete for phase ${row.number}; its checkboxes say ${counted}.`,
      });
    }
    const said = statusFromWords(row.status);
    if (said !== null && said !== task.status) {
      warnings.push({
        line: row.line,
        message: `Progress table says phase ${row.number} is "${row.status}"; the roadmap reads ${task.status}.`,
      });
    }
  }
}

function phaseTask(phase: GsdPhase, status: TaskStatus): PlanTask {
  return blankTask({
    id: phase.number,
    sourceId: phase.number,
    title: phase.title,
    source: { line: phase.line },
    phase: phaseKey(phase.number),
    status,
    description: phase.goal ?? phase.description,
    acceptanceCriteria:
      phase.criteria.length > 0 ? phase.criteria.map((c, i) => `${i + 1}. ${c}`).join('\n') : null,
    dependsOn: phase.dependsOn.filter((n) => n !== phase.number),
  });
}

function structure(
  roadmap: GsdRoadmap,
  tasks: PlanTask[],
): { phases: PlanPhase[]; checkpoints: PlanCheckpoint[] } {
  const milestoneId = (m: GsdMilestone) =>
    `milestone-${slugOf(/v\d+(?:\.\d+)*/u.exec(m.name)?.[0] ?? m.name)}`;
  const phases: PlanPhase[] = roadmap.milestones.map((m) => ({
    id: milestoneId(m),
    title: m.name,
    kind: 'milestone',
    estimateMinutes: null,
    status: m.status,
    parentId: null,
    source: { line: m.line },
  }));
  const checkpoints: PlanCheckpoint[] = [];
  for (const m of roadmap.milestones) {
    const inside = roadmap.phases
      .filter((p) => milestoneOf(p, roadmap.milestones) === m)
      .map((p) => phaseKey(p.number));
    checkpoints.push({
      id: `cp-${milestoneId(m)}`,
      title: m.name,
      taskIds: tasks.filter((t) => t.phase && inside.includes(t.phase)).map((t) => t.id),
      phaseId: milestoneId(m),
      criteria: null,
      source: { line: m.line },
    });
  }
  for (const p of roadmap.phases) {
    const m = milestoneOf(p, roadmap.milestones);
    const status = tasks.find((t) => t.id === p.number)?.status ?? null;
    phases.push({
      id: phaseKey(p.number),
      title: p.title,
      kind: 'phase',
      estimateMinutes: null,
      status,
      parentId: m ? milestoneId(m) : null,
      source: { line: p.line },
    });
    const criteria = p.criteria.length > 0 ? p.criteria.join('\n') : p.goal;
    checkpoints.push({
      id: `cp-${phaseKey(p.number)}`,
      title: `Phase ${p.number}: ${p.title}`,
      taskIds: tasks.filter((t) => t.phase === phaseKey(p.number)).map((t) => t.id),
      phaseId: phaseKey(p.number),
      criteria,
      source: { line: p.detailLine ?? p.line },
    });
  }
  return { phases, checkpoints };
}

/**
 * Imports a GSD `.planning/ROADMAP.md`: milestones (with their phase ranges) become milestone
 * phases, each "Phase N" becomes a phase and a task (id "N", depending on the phases named in
 * "Depends on"), each `NN-MM-PLAN.md` item under "**Plans**:" a subtask (id "NN-MM"). Every
 * milestone and phase is a checkpoint; a phase's success criteria are its checkpoint criteria.
 * Disagreements between the checkboxes, the plan counts and the Progress table are warnings.
 */
export const importGsdRoadmap: Importer = ({ text, fileName }) => {
  const roadmap = readGsdRoadmap(parseMarkdown(text));
  if (roadmap.phases.length === 0) {
    throw new PlanImportError(
      `No phases found in ${fileName ?? 'this GSD roadmap'}.`,
      { line: null },
      'Expected a "## Phases" section with items like "- [ ] Phase 1: Title" (GSD .planning/ROADMAP.md).',
    );
  }
  const warnings: PlanWarning[] = [];
  const taken = new Set<string>();
  const tasks: PlanTask[] = [];
  for (const phase of roadmap.phases) {
    const row = roadmap.progress.find((r) => r.number === phase.number);
    tasks.push(phaseTask(phase, phaseStatus(phase, row?.status)));
    tasks.push(...planTasks(phase, phase.number, warnings, taken));
  }
  const known = new Set(tasks.map((t) => t.id));
  for (const task of tasks) {
    for (const dep of task.dependsOn.filter((d) => !known.has(d))) {
      warnings.push({
        line: task.source.line,
        message: `Phase ${task.id} depends on phase ${dep}, which is not in the roadmap; dropped.`,
      });
    }
    task.dependsOn = task.dependsOn.filter((d) => known.has(d));
  }
  checkProgress(roadmap, tasks, warnings);
  const { phases, checkpoints } = structure(roadmap, tasks);
  return {
    format: 'gsd',
    title: roadmap.title,
    tasks,
    phases,
    checkpoints,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
};
