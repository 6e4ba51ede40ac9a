import type { List, Root, RootContent } from 'mdast';
import { frontMatterOf, parseMarkdown } from '../markdown-tree.js';
import type { ImportedPlan, Importer, PlanWarning } from '../plan.model.js';
import { PlanImportError } from '../plan.model.js';
import type { ReadState } from './draft.js';
import { finishPhases, resolveDependencies, warnDuplicates } from './finish.js';
import { Counter, IdAllocator } from './ids.js';
import { isChecklist } from './list-items.js';
import { readOutline } from './outline.js';
import { collectLegend } from './paragraphs.js';

function* listsIn(node: Root | RootContent): Generator<List> {
  if (node.type === 'list') yield node;
  if ('children' in node) for (const child of node.children as RootContent[]) yield* listsIn(child);
}

function hasCheckboxes(root: Root): boolean {
  for (const list of listsIn(root)) if (isChecklist(list)) return true;
  return false;
}

function titleFromFrontMatter(root: Root): string | null {
  const title = frontMatterOf(root)?.['title'];
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : null;
}

/**
 * Imports a Markdown roadmap or checklist as written by people and AI assistants: headings are
 * phases ("Phase 1", "Week 2", "Day 3", "Неделя 4 (24ч)", "Milestone: …"), checklists are tasks
 * with nested subtasks, bold labels above lists are groups (phase kind "section"), tables with a
 * Task/Title column are backlogs. Every guess is reported as a warning with its line.
 *
 * @example
 * const plan = importMarkdownPlan({ text: '## Week 1\n- [x] Set up CI (2h)\n- [ ] Login' });
 * plan.tasks.map((task) => task.id); // ['week-1.t1', 'week-1.t2']
 */
export const importMarkdownPlan: Importer = ({ text, fileName }) => {
  const root = parseMarkdown(text);
  const { legend, legendNodes } = collectLegend(root);
  const warnings: PlanWarning[] = [];
  const state: ReadState = {
    text,
    legend,
    legendNodes,
    plainItemsAreTasks: !hasCheckboxes(root),
    plainTasks: 0,
    taskIds: new IdAllocator(),
    phaseIds: new IdAllocator(),
    positions: new Counter(),
    tasks: [],
    phases: [],
    warnings,
  };
  const heading = readOutline(root, state);
  if (state.tasks.length === 0) {
    throw new PlanImportError(
      `No tasks found in ${fileName ?? 'this Markdown file'}.`,
      { line: null },
      'Expected checklist items (- [ ] …), a task table (with a Task or Title column), or numbered task lists under headings such as "Phase 1" or "Week 2".',
    );
  }
  if (state.plainTasks > 0) {
    warnings.unshift({
      line: null,
      message: `No checkboxes in this file: ${state.plainTasks} plain list items under plan headings were read as todo tasks.`,
    });
  }
  const tasks = resolveDependencies(state.tasks, warnings);
  warnDuplicates(tasks, warnings);
  const { phases, checkpoints } = finishPhases(state.phases, tasks, warnings);
  const plan: ImportedPlan = {
    format: 'markdown',
    title: heading ?? titleFromFrontMatter(root),
    tasks,
    phases,
    checkpoints,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
  return plan;
};
