import type { RootContent } from 'mdast';
import type { PlanPhase, PlanTask, PlanWarning } from '../plan.model.js';
import type { Counter, IdAllocator } from './ids.js';
import type { StatusLegend } from './status.js';

/** A phase while the file is read; `criteria` feeds its checkpoint, the flags decide what counts. */
export interface PhaseDraft extends PlanPhase {
  depth: number;
  criteria: string | null;
  /** Reference material ("Resources", "Risks"): checkboxes under it are not work. */
  reference: boolean;
  /** Plain list items under it may be tasks when the file has no checkboxes at all. */
  planLike: boolean;
  statusSource: string | null;
}

/** A task plus the dependency references it wrote, resolved once every task is known. */
export interface TaskDraft {
  task: PlanTask;
  dependencyRefs: string[];
}

/** Everything the readers share while walking one file. */
export interface ReadState {
  text: string;
  legend: StatusLegend;
  legendNodes: ReadonlySet<RootContent>;
  /** True when the file has no checkbox at all: plain items in plan sections become tasks. */
  plainItemsAreTasks: boolean;
  /** How many tasks came from plain (checkbox-less) items, for one warning. */
  plainTasks: number;
  taskIds: IdAllocator;
  phaseIds: IdAllocator;
  positions: Counter;
  tasks: TaskDraft[];
  phases: PhaseDraft[];
  warnings: PlanWarning[];
}

/** Where a list sits: its phase (or none), its parent task (or none). */
export interface Placement {
  phase: PhaseDraft | null;
  parentId: string | null;
}
