import type { Nodes } from 'mdast';
import type { PhaseKind, PlanCheckpoint, PlanPhase, PlanTask } from '../plan.model.js';

/**
 * Pieces shared by the spec-kit and Kiro importers (both are Markdown task lists grouped by
 * headings): source slices, stable ids, heading-based phases and checkpoint coverage.
 */

/** The Markdown source of a node, as written (inline code and emphasis markers kept). */
export function rawOf(node: Nodes, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

/** A source slice on one line: wrapped continuation lines joined with single spaces. */
export function oneLine(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** Remove the indentation a nested block carries from its place in the file. */
export function dedent(raw: string, column: number): string {
  const indent = Math.max(0, column - 1);
  return raw
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(new RegExp(`^ {0,${indent}}`), '')))
    .join('\n')
    .trim();
}

/** A lower-case slug that keeps letters of every script ("テーマ" stays "テーマ"). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug === '' ? 'section' : slug;
}

/** `wanted`, or `wanted-2`, `wanted-3`… when taken; the result is recorded as taken. */
export function uniqueId(wanted: string, taken: Set<string>, separator = '-'): string {
  let id = wanted;
  for (let copy = 2; taken.has(id); copy++) id = `${wanted}${separator}${copy}`;
  taken.add(id);
  return id;
}

interface Frame {
  depth: number;
  title: string;
  line: number;
  phase: PlanPhase | null;
}

export interface PhaseNaming {
  /** The number that names a phase heading ("Phase 3.1: Setup" → "3.1"), if any. */
  numberOf: (title: string) => string | null;
  kindOf: (title: string) => PhaseKind;
}

/**
 * Follows the heading outline and creates a phase for a heading only when a task or checkpoint is
 * found under it, so sections such as "Notes" or "Dependencies" do not become empty phases.
 */
export class SectionTracker {
  readonly phases: PlanPhase[] = [];
  private frames: Frame[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly naming: PhaseNaming) {}

  /** Record a heading; `grouping` false means it closes deeper sections but groups nothing. */
  heading(depth: number, title: string, line: number, grouping: boolean): void {
    this.frames = this.frames.filter((frame) => frame.depth < depth);
    if (grouping) this.frames.push({ depth, title, line, phase: null });
  }

  /** Id of the innermost phase here, creating the phases of the enclosing headings. */
  current(): string | null {
    let parent: PlanPhase | null = null;
    for (const frame of this.frames) parent = this.materialize(frame, parent);
    return parent?.id ?? null;
  }

  /** The outermost phase here (where a checkpoint line belongs), created if needed. */
  outermost(): PlanPhase | null {
    const frame = this.frames[0];
    return frame ? this.materialize(frame, null) : null;
  }

  /** The ids of a phase and every phase nested in it. */
  subtree(phaseId: string): Set<string> {
    const ids = new Set([phaseId]);
    for (const phase of this.phases)
      if (phase.parentId !== null && ids.has(phase.parentId)) ids.add(phase.id);
    return ids;
  }

  private materialize(frame: Frame, parent: PlanPhase | null): PlanPhase {
    if (frame.phase) return frame.phase;
    const number = this.naming.numberOf(frame.title);
    const wanted =
      number !== null ? `phase-${number}` : `${parent ? `${parent.id}/` : ''}${slugify(frame.title)}`;
    const phase: PlanPhase = {
      id: uniqueId(wanted, this.ids),
      title: frame.title,
      kind: this.naming.kindOf(frame.title),
      estimateMinutes: null,
      status: null,
      parentId: parent?.id ?? null,
      source: { line: frame.line },
    };
    frame.phase = phase;
    this.phases.push(phase);
    return phase;
  }
}

/**
 * Creates checkpoints that each cover the tasks not covered by an earlier checkpoint: within
 * their phase when they have one, else since the previous checkpoint. Optional tasks are left
 * out (a checkpoint holds without them), and so is the checkpoint's own task.
 */
export class CheckpointCollector {
  readonly checkpoints: PlanCheckpoint[] = [];
  private readonly covered = new Set<string>();
  private readonly ids = new Set<string>();

  add(fields: {
    title: string;
    criteria: string | null;
    phaseIds: Set<string> | null;
    phaseId: string | null;
    line: number;
    tasks: readonly PlanTask[];
    own?: string;
  }): PlanCheckpoint {
    const { phaseIds, own } = fields;
    const taskIds = fields.tasks
      .filter(
        (task) =>
          (phaseIds === null || (task.phase !== null && phaseIds.has(task.phase))) &&
          !task.optional &&
          task.id !== own &&
          !this.covered.has(task.id),
      )
      .map((task) => task.id);
    for (const id of taskIds) this.covered.add(id);
    if (own !== undefined) this.covered.add(own);
    const checkpoint: PlanCheckpoint = {
      id: uniqueId(`checkpoint-${fields.phaseId ?? own ?? this.checkpoints.length + 1}`, this.ids),
      title: fields.title,
      taskIds,
      phaseId: fields.phaseId,
      criteria: fields.criteria,
      source: { line: fields.line },
    };
    this.checkpoints.push(checkpoint);
    return checkpoint;
  }

  /** Whether a checkpoint has been made for this phase already. */
  hasPhase(phaseId: string): boolean {
    return this.checkpoints.some((checkpoint) => checkpoint.phaseId === phaseId);
  }
}
