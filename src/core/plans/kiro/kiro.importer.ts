import type { List, ListItem, RootContent } from 'mdast';
import { lineOf, parseMarkdown, textOf } from '../markdown-tree.js';
import { blankTask, PlanImportError } from '../plan.model.js';
import type { ImportedPlan, Importer, PhaseKind, PlanTask, PlanWarning } from '../plan.model.js';
import { CheckpointCollector, dedent, rawOf, SectionTracker, uniqueId } from '../speckit/plan-sections.js';
import { readTaskHead, requirementsOf, requirementTags } from './kiro.item.js';
import type { KiroTaskHead } from './kiro.item.js';

const KIRO_TASK = /^\s*[-*+]\s+\[[ xX~-]\]\*?\s+\d+(?:\.\d+)*\.?\s/m;
const KIRO_MARK = /_Requirements?\s*[:：]|^\s*[-*+]\s+\[ \]\*|^#\s+Implementation Plan/im;
/** Headings that name the list rather than group it. */
const GENERIC_HEADING = /^(?:tasks?|task list|implementation(?: plan| tasks)?|overview|notes?)$/i;
const CHECKPOINT_TITLE = /\bcheckpoint\b/i;

/**
 * Import a Kiro `tasks.md`: `- [ ] 1. Title` tasks with indented `- [ ] 1.1` subtasks (ids are
 * the numbers), `- [ ]*` optional tasks, `- [~]` in progress, `_Requirements: 1.1_` lines as
 * `req:1.1` tags, other detail lines as the description. Headings such as `### Phase B1：…`
 * become phases; a "Checkpoint" task becomes a checkpoint over the required tasks before it, and
 * a phase without one gets a checkpoint at its end. Fenced blocks (dependency graphs) are ignored.
 */
export const importKiro: Importer = (input) => {
  if (input.text.trim() === '') {
    throw new PlanImportError(
      'The file is empty.',
      { line: null },
      'Import the tasks.md that Kiro writes under .kiro/specs/<feature>/.',
    );
  }
  const walk = new KiroWalk(input.text);
  for (const node of parseMarkdown(input.text).children) walk.block(node);
  return walk.finish();
};

/** Cheap sniff for format detection: numbered checkbox tasks plus a Kiro mark. */
export function looksLikeKiro(text: string): boolean {
  return KIRO_TASK.test(text) && KIRO_MARK.test(text);
}

const naming = {
  numberOf: (title: string): string | null =>
    /^(?:phase|milestone|stage|part|wave|sprint)\s*(\p{L}?\d+(?:\.\d+)*|\p{L}(?![\p{L}\p{N}]))/iu.exec(
      title,
    )?.[1] ?? null,
  kindOf: (title: string): PhaseKind =>
    /^milestone/i.test(title) ? 'milestone' : /^stage/i.test(title) ? 'stage' : 'phase',
};

class KiroWalk {
  private readonly tasks: PlanTask[] = [];
  private readonly warnings: PlanWarning[] = [];
  private readonly sections = new SectionTracker(naming);
  private readonly checkpoints = new CheckpointCollector();
  private readonly ids = new Set<string>();
  private title: string | null = null;
  private unnumbered = 0;

  constructor(private readonly text: string) {}

  block(node: RootContent): void {
    if (node.type === 'heading') {
      const title = textOf(node);
      if (node.depth === 1) this.title ??= title;
      this.sections.heading(node.depth, title, lineOf(node), node.depth > 1 && !GENERIC_HEADING.test(title));
    } else if (node.type === 'list') {
      this.list(node, null);
    }
  }

  finish(): ImportedPlan {
    if (this.tasks.length === 0) {
      throw new PlanImportError(
        'No Kiro tasks were found.',
        { line: null },
        'Tasks are checkbox items such as `- [ ] 1. Set up the project` with subtasks like `  - [ ] 1.1 Create the schema`.',
      );
    }
    this.closePhases();
    this.warnDoneParents();
    const { tasks, warnings } = this;
    return {
      format: 'kiro',
      title: this.title,
      tasks,
      phases: this.sections.phases,
      checkpoints: this.checkpoints.checkpoints,
      warnings,
    };
  }

  private list(list: List, parent: PlanTask | null): void {
    for (const item of list.children) {
      const head = readTaskHead(item, this.text);
      if (head) this.task(item, head, parent);
      else for (const child of item.children) if (child.type === 'list') this.list(child, parent);
    }
  }

  private task(item: ListItem, head: KiroTaskHead, parent: PlanTask | null): void {
    const line = lineOf(item);
    const task = blankTask({
      id: this.idFor(head, parent, line),
      sourceId: head.number,
      parentId: parent?.id ?? null,
      title: head.title,
      status: head.status,
      optional: head.optional,
      phase: this.sections.current(),
      source: { line },
    });
    this.tasks.push(task);
    const notes: string[] = [];
    if (head.requirements !== null) this.requirements(task, head.requirements, notes);
    for (const child of item.children.slice(1)) this.detail(task, child, notes);
    task.description = notes.length > 0 ? notes.join('\n') : null;
    if (CHECKPOINT_TITLE.test(task.title)) this.checkpoint(task);
  }

  /** A block under a task: a subtask, a `_Requirements:_` line, or a line of description. */
  private detail(task: PlanTask, block: RootContent, notes: string[]): void {
    if (block.type === 'list') {
      for (const item of block.children) {
        const head = readTaskHead(item, this.text);
        if (head) this.task(item, head, task);
        else this.detail(task, item, notes);
      }
      return;
    }
    const refs = requirementsOf(block);
    if (refs !== null) this.requirements(task, refs, notes);
    else notes.push(dedent(rawOf(block, this.text), block.position?.start.column ?? 1));
  }

  private requirements(task: PlanTask, refs: string, notes: string[]): void {
    const { tags, unnumbered } = requirementTags(refs);
    task.tags.push(...tags.filter((tag) => !task.tags.includes(tag)));
    if (unnumbered.length === 0) return;
    notes.push(`Requirements: ${unnumbered.join(', ')}`);
    this.warnings.push({
      line: task.source.line,
      message: `Task ${task.id}: requirement reference "${unnumbered.join(', ')}" is not a requirement number; it was kept in the description, not as a req: tag.`,
    });
  }

  private idFor(head: KiroTaskHead, parent: PlanTask | null, line: number): string {
    if (head.number === null) {
      const id = uniqueId(`${parent ? `${parent.id}.` : ''}task-${++this.unnumbered}`, this.ids, '~');
      this.warnings.push({ line, message: `A task has no number; it was given the id ${id}.` });
      return id;
    }
    const id = uniqueId(head.number, this.ids, '~');
    if (id !== head.number) {
      this.warnings.push({
        line,
        message: `Task number ${head.number} is used more than once; this one was imported as ${id}.`,
      });
    }
    return id;
  }

  private checkpoint(task: PlanTask): void {
    const phase = this.sections.outermost();
    const dash = /[-—–:：]\s*(.+)$/.exec(task.title)?.[1] ?? null;
    this.checkpoints.add({
      title: task.title,
      criteria: task.description?.replace(/^[-*+]\s+/gm, '') ?? dash,
      phaseIds: phase ? this.sections.subtree(phase.id) : null,
      phaseId: phase?.id ?? null,
      line: task.source.line,
      tasks: this.tasks,
      own: task.id,
    });
  }

  /** A phase with tasks but no checkpoint task still ends in a checkpoint: its tasks are done. */
  private closePhases(): void {
    for (const phase of this.sections.phases) {
      if (phase.parentId !== null || this.checkpoints.hasPhase(phase.id)) continue;
      const phaseIds = this.sections.subtree(phase.id);
      if (!this.tasks.some((task) => task.phase !== null && phaseIds.has(task.phase))) continue;
      this.checkpoints.add({
        title: `End of ${phase.title}`,
        criteria: null,
        phaseIds,
        phaseId: phase.id,
        line: phase.source.line,
        tasks: this.tasks,
      });
    }
  }

  private warnDoneParents(): void {
    for (const parent of this.tasks) {
      if (parent.status !== 'done') continue;
      const open = this.tasks.filter(
        (task) =>
          task.parentId === parent.id &&
          !task.optional &&
          task.status !== 'done' &&
          task.status !== 'cancelled',
      );
      if (open.length === 0) continue;
      this.warnings.push({
        line: parent.source.line,
        message: `Task ${parent.id} is checked but its subtasks ${open.map((task) => task.id).join(', ')} are not; both were kept as written.`,
      });
    }
  }
}
