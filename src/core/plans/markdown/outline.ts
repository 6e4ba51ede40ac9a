import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { parseEstimate } from '../estimates.js';
import { lineOf } from '../markdown-tree.js';
import type { PhaseDraft, Placement, ReadState } from './draft.js';
import { isPlanSection, isReferenceSection, readHeading } from './headings.js';
import { slugOf } from './ids.js';
import { readList } from './list-items.js';
import { boldLabelOf, labelLines } from './paragraphs.js';
import { statusFromEmoji, statusFromWords } from './status.js';
import { readTable } from './tables.js';

interface Cursor {
  title: string | null;
  stack: PhaseDraft[];
  /** A bold-label group ("**Backend**" above a list) inside the current heading. */
  group: PhaseDraft | null;
}

function newPhase(
  state: ReadState,
  fields: Pick<PhaseDraft, 'title' | 'kind' | 'estimateMinutes' | 'status' | 'statusSource' | 'depth'> & {
    parent: PhaseDraft | null;
    number: string | null;
    numbered: boolean;
    line: number;
  },
): PhaseDraft {
  const { parent, number, numbered, line, ...rest } = fields;
  const wanted = fields.kind !== 'section' && number ? `${fields.kind}-${number}` : slugOf(fields.title);
  const named = fields.kind !== 'section' || numbered;
  const phase: PhaseDraft = {
    ...rest,
    id: state.phaseIds.claim(wanted),
    parentId: parent?.id ?? null,
    source: { line },
    criteria: null,
    reference: (isReferenceSection(fields.title) || (parent?.reference ?? false)) && !named,
    planLike:
      isPlanSection({ kind: fields.kind, title: fields.title, numbered }) || (parent?.planLike ?? false),
  };
  state.phases.push(phase);
  return phase;
}

function onHeading(node: Heading, cursor: Cursor, state: ReadState): void {
  const info = readHeading(node, state.legend);
  cursor.group = null;
  if (node.depth === 1 && cursor.title === null && state.phases.length === 0 && state.tasks.length === 0) {
    cursor.title = info.title;
    return;
  }
  while ((cursor.stack.at(-1)?.depth ?? 0) >= node.depth) cursor.stack.pop();
  const phase = newPhase(state, {
    ...info,
    estimateMinutes: info.estimate,
    depth: node.depth,
    parent: cursor.stack.at(-1) ?? null,
    line: lineOf(node),
  });
  cursor.stack.push(phase);
}

function onGroupLabel(label: string, node: Paragraph, cursor: Cursor, state: ReadState): void {
  const parent = cursor.stack.at(-1) ?? null;
  cursor.group = newPhase(state, {
    title: label,
    kind: 'section',
    estimateMinutes: null,
    status: null,
    statusSource: null,
    depth: (parent?.depth ?? 0) + 0.5,
    parent,
    number: null,
    numbered: false,
    line: lineOf(node),
  });
}

const STATUS_LABEL = /^(?:status|state|статус|состояние|상태|状态|狀態)$/iu;
const ESTIMATE_LABEL = /estimat|^(?:time|effort|budget|duration)$|оценка|время|бюджет|예상|预计|見積/iu;
const CRITERIA_LABEL =
  /deliverables?|checkpoint|acceptance|done when|критери|контрольная точка|результат|산출물|완료 조건|交付|验收/iu;

/** "**Status**: ✅ Complete", "**Estimated Time**: 30 minutes", "**Deliverable:** …" under a phase. */
function onLabels(node: Paragraph, phase: PhaseDraft, state: ReadState): void {
  for (const { label, value, line } of labelLines(state.text, node)) {
    if (STATUS_LABEL.test(label) && phase.status === null) {
      phase.status = statusFromEmoji(value, state.legend)?.status ?? statusFromWords(value);
      phase.statusSource = phase.status ? value : null;
    } else if (ESTIMATE_LABEL.test(label) && phase.estimateMinutes === null) {
      phase.estimateMinutes = parseEstimate(value)?.estimate ?? null;
      if (phase.estimateMinutes === null && value !== '') {
        state.warnings.push({ line, message: `Could not read the estimate "${value}" of "${phase.title}".` });
      }
    } else if (CRITERIA_LABEL.test(label) && value !== '' && phase.criteria === null) {
      phase.criteria = value;
    }
  }
}

function placement(cursor: Cursor): Placement {
  return { phase: cursor.group ?? cursor.stack.at(-1) ?? null, parentId: null };
}

function onBlock(node: RootContent, next: RootContent | undefined, cursor: Cursor, state: ReadState): void {
  if (node.type === 'heading') return onHeading(node, cursor, state);
  if (node.type === 'thematicBreak') cursor.group = null;
  if (node.type === 'blockquote') return walk(node.children, cursor, state);
  if (node.type === 'table') return readTable(node, placement(cursor), state);
  if (node.type === 'list' && !state.legendNodes.has(node)) return readList(node, placement(cursor), state);
  if (node.type !== 'paragraph') return;
  const label = boldLabelOf(node);
  if (label && (next?.type === 'list' || next?.type === 'table') && !state.legendNodes.has(next)) {
    return onGroupLabel(label, node, cursor, state);
  }
  const phase = cursor.stack.at(-1);
  if (phase) onLabels(node, phase, state);
}

function walk(nodes: RootContent[], cursor: Cursor, state: ReadState): void {
  nodes.forEach((node, index) => onBlock(node, nodes[index + 1], cursor, state));
}

/**
 * Walks the file in order: headings open phases (nested by level), bold labels open groups, lists
 * and tables add tasks to the innermost open phase. Code blocks and raw HTML are skipped; the
 * Markdown between `<details>` tags is read like any other. Returns the plan title (first H1).
 */
export function readOutline(root: Root, state: ReadState): string | null {
  const cursor: Cursor = { title: null, stack: [], group: null };
  walk(root.children, cursor, state);
  return cursor.title;
}
