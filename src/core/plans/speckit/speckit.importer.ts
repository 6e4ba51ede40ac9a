import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { frontMatterOf, lineOf, parseMarkdown, textOf } from '../markdown-tree.js';
import { blankTask, PlanImportError } from '../plan.model.js';
import type { ImportedPlan, Importer, PhaseKind, PlanTask, PlanWarning } from '../plan.model.js';
import { CheckpointCollector, dedent, oneLine, rawOf, SectionTracker, uniqueId } from './plan-sections.js';
import { parseTaskLine } from './speckit.task-line.js';

const TASK_LINE = /^ {0,3}[-*+]\s+\[[ xX]\]\s+(?:\*\*)?T\d{3}\b/m;
const CHECKPOINT = /^checkpoint\s*[:：]\s*([\s\S]*)$/i;

/**
 * Import a spec-kit `tasks.md`: `- [ ] T001 [P] [US1] …` tasks grouped by phase headings, with
 * `**Checkpoint**:` lines closing phases. `###` headings inside a phase become nested phases
 * (parentId = the phase). Fenced blocks (parallel examples, diagrams) are never read for tasks.
 */
export const importSpecKit: Importer = (input) => {
  if (input.text.trim() === '') {
    throw new PlanImportError(
      'The file is empty.',
      { line: null },
      'Import the tasks.md that spec-kit writes under specs/<feature>/.',
    );
  }
  const root = parseMarkdown(input.text);
  const walk = new SpecKitWalk(input.text);
  for (const node of root.children) walk.block(node);
  const front = frontMatterOf(root);
  return walk.finish(typeof front?.title === 'string' ? front.title : null);
};

/** Cheap sniff for format detection: at least one `- [ ] T001` task line. */
export function looksLikeSpecKit(text: string): boolean {
  return TASK_LINE.test(text);
}

const naming = {
  numberOf: (title: string): string | null =>
    /\bphase\s+(\d+(?:\.\d+)*)/i.exec(title)?.[1] ?? /^(\d+(?:\.\d+)*)[.):]?\s/.exec(title)?.[1] ?? null,
  kindOf: (title: string): PhaseKind =>
    /\bphase\b/i.test(title) || /^\d+(?:\.\d+)*[.):]?\s/.test(title) ? 'phase' : 'section',
};

class SpecKitWalk {
  private readonly tasks: PlanTask[] = [];
  private readonly warnings: PlanWarning[] = [];
  private readonly sections = new SectionTracker(naming);
  private readonly checkpoints = new CheckpointCollector();
  private readonly taskIds = new Set<string>();
  /** First task of each T-id: where dependencies on a duplicated id point. */
  private readonly byTId = new Map<string, PlanTask>();
  private readonly prose = new Map<PlanTask, string[]>();
  private title: string | null = null;

  constructor(private readonly text: string) {}

  block(node: RootContent): void {
    if (node.type === 'heading') {
      if (node.depth === 1) this.title ??= textOf(node);
      this.sections.heading(node.depth, textOf(node), lineOf(node), node.depth > 1);
    } else if (node.type === 'list') {
      this.list(node, null);
    } else if (node.type === 'paragraph') {
      this.checkpoint(node);
    }
  }

  finish(frontTitle: string | null): ImportedPlan {
    if (this.tasks.length === 0) {
      throw new PlanImportError(
        'No spec-kit tasks were found.',
        { line: null },
        'Tasks are list items such as `- [ ] T001 [P] [US1] Create the project in src/`.',
      );
    }
    for (const task of this.tasks) task.dependsOn = this.resolve(task);
    return {
      format: 'speckit',
      title: frontTitle ?? this.title,
      tasks: this.tasks,
      phases: this.sections.phases,
      checkpoints: this.checkpoints.checkpoints,
      warnings: this.warnings,
    };
  }

  private list(list: List, parent: PlanTask | null): void {
    for (const item of list.children) this.item(item, parent);
  }

  private item(item: ListItem, parent: PlanTask | null): void {
    const [first, ...rest] = item.children;
    const line =
      first?.type === 'paragraph' && typeof item.checked === 'boolean'
        ? parseTaskLine(oneLine(rawOf(first, this.text)))
        : null;
    if (!line) {
      if (typeof item.checked === 'boolean')
        this.warnings.push({
          line: lineOf(item),
          message: 'A checkbox item without a T-id (T001…) was not imported as a task.',
        });
      for (const child of item.children) if (child.type === 'list') this.list(child, parent);
      return;
    }
    const id = uniqueId(line.sourceId, this.taskIds, '~');
    if (id !== line.sourceId) {
      this.warnings.push({
        line: lineOf(item),
        message: `Task id ${line.sourceId} is used more than once; this one was imported as ${id}. Dependencies on ${line.sourceId} point to the first.`,
      });
    }
    const task = blankTask({
      id,
      sourceId: line.sourceId,
      parentId: parent?.id ?? null,
      title: line.title,
      description: this.description(rest),
      status: item.checked ? 'done' : 'todo',
      phase: this.sections.current(),
      tags: line.tags,
      source: { line: lineOf(item) },
    });
    if (line.title === '')
      this.warnings.push({ line: task.source.line, message: `Task ${id} has no description after its id.` });
    this.tasks.push(task);
    if (!this.byTId.has(line.sourceId)) this.byTId.set(line.sourceId, task);
    this.prose.set(task, line.dependsOn);
    for (const child of rest) if (child.type === 'list') this.list(child, task);
  }

  /** Everything under a task line that is not itself a task, as written. */
  private description(children: readonly RootContent[]): string | null {
    const parts: string[] = [];
    for (const child of children) {
      const blocks =
        child.type === 'list'
          ? child.children.filter(
              (item) => !(typeof item.checked === 'boolean' && parseTaskLine(textOf(item))),
            )
          : [child];
      for (const block of blocks)
        parts.push(dedent(rawOf(block, this.text), block.position?.start.column ?? 1));
    }
    const description = parts.filter((part) => part !== '').join('\n');
    return description === '' ? null : description;
  }

  private checkpoint(paragraph: Paragraph): void {
    const criteria = CHECKPOINT.exec(textOf(paragraph))?.[1]?.trim();
    if (criteria === undefined) return;
    const phase = this.sections.outermost();
    this.checkpoints.add({
      title: phase ? `Checkpoint: ${phase.title}` : 'Checkpoint',
      criteria: criteria === '' ? null : criteria,
      phaseIds: phase ? this.sections.subtree(phase.id) : null,
      phaseId: phase?.id ?? null,
      line: lineOf(paragraph),
      tasks: this.tasks,
    });
  }

  private resolve(task: PlanTask): string[] {
    const resolved: string[] = [];
    for (const ref of this.prose.get(task) ?? []) {
      const target = this.byTId.get(ref);
      if (!target) {
        this.warnings.push({
          line: task.source.line,
          message: `Task ${task.id} names ${ref} as a prerequisite, but there is no task ${ref}; that dependency was ignored.`,
        });
      } else if (target !== task && !resolved.includes(target.id)) {
        resolved.push(target.id);
      }
    }
    return resolved;
  }
}
