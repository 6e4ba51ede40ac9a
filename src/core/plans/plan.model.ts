/**
 * The plan model every importer produces: pure data, no IO. Ids are stable across re-imports of
 * the same source (the source's own id where it has one, else one derived from position and text).
 */

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const PLAN_FORMATS = ['markdown', 'taskmaster', 'speckit', 'kiro', 'gsd'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Minutes, or a range kept as a range ("3-4h" → { min: 180, max: 240 }). */
export type EstimateMinutes = number | { min: number; max: number };

export interface SourceLocation {
  /** 1-based line in the source text. */
  line: number;
  column?: number;
}

export type Priority = 'high' | 'medium' | 'low';

export interface PlanTask {
  id: string;
  /** The id as written in the source ("T012", "2.1", "7"), when it has one. */
  sourceId: string | null;
  /** Null for top-level tasks. */
  parentId: string | null;
  title: string;
  description: string | null;
  status: TaskStatus;
  optional: boolean;
  estimateMinutes: EstimateMinutes | null;
  /** Ids of tasks in this plan that must be done first. */
  dependsOn: string[];
  priority: Priority | null;
  /** Id of the phase the task belongs to, if any. */
  phase: string | null;
  acceptanceCriteria: string | null;
  testStrategy: string | null;
  /** Labels from the source: story tags ("US1"), "parallel", requirement refs… */
  tags: string[];
  /** References to decision records found in the task ("ADR-0003", links to decision files). */
  decisionRefs: string[];
  source: SourceLocation;
}

export type PhaseKind = 'phase' | 'milestone' | 'stage' | 'week' | 'day' | 'section';

export interface PlanPhase {
  id: string;
  title: string;
  kind: PhaseKind;
  /** The phase's own budget when the source gives one ("DAY 4 (2 hours)", "Неделя 3 (24ч)"). */
  estimateMinutes: EstimateMinutes | null;
  /** A status written on the phase itself (✅ in a heading, "**Status**: Complete"). */
  status: TaskStatus | null;
  parentId: string | null;
  source: SourceLocation;
}

/** A moment where work is shown to a witness: a milestone, a phase end, an explicit checkpoint line. */
export interface PlanCheckpoint {
  id: string;
  title: string;
  /** Tasks that must be done for this checkpoint to hold. */
  taskIds: string[];
  phaseId: string | null;
  /** What the witness checks, when the source says ("**Checkpoint**: US1 works end to end"). */
  criteria: string | null;
  source: SourceLocation;
}

export interface PlanWarning {
  /** 1-based line, or null when the warning is about the whole file. */
  line: number | null;
  message: string;
}

export interface ImportedPlan {
  format: PlanFormat;
  title: string | null;
  tasks: PlanTask[];
  phases: PlanPhase[];
  checkpoints: PlanCheckpoint[];
  warnings: PlanWarning[];
}

export interface ImportInput {
  text: string;
  /** For messages and format detection only; importers never read files. */
  fileName?: string;
}

/** A plan that cannot be used at all: says what, where, and how to fix it. */
export class PlanImportError extends Error {
  constructor(
    message: string,
    readonly location: { line: number | null; column?: number },
    readonly hint: string,
  ) {
    super(message);
    this.name = 'PlanImportError';
  }
}

export type Importer = (input: ImportInput) => ImportedPlan;

/** A task with every optional field at its empty value, for importers to fill. */
export function blankTask(fields: Pick<PlanTask, 'id' | 'title' | 'source'> & Partial<PlanTask>): PlanTask {
  return {
    sourceId: null,
    parentId: null,
    description: null,
    status: 'todo',
    optional: false,
    estimateMinutes: null,
    dependsOn: [],
    priority: null,
    phase: null,
    acceptanceCriteria: null,
    testStrategy: null,
    tags: [],
    decisionRefs: [],
    ...fields,
  };
}
