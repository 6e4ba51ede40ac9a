import type { List, ListItem, Paragraph } from 'mdast';
import { lineOf, textOf } from '../markdown-tree.js';
import type { TaskStatus } from '../plan.model.js';
import { blankTask } from '../plan.model.js';
import type { Placement, ReadState } from './draft.js';
import { readItemText } from './item-text.js';
import { bracketMarker } from './status.js';

interface Marker {
  status: TaskStatus;
  /** Text of the item's own paragraph without its checkbox. */
  text: string;
  /** The item says it is a task: a checkbox, a bracket marker or strikethrough. */
  marked: boolean;
  malformed: boolean;
}

function ownParagraph(item: ListItem): Paragraph | null {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : null;
}

function struck(paragraph: Paragraph | null): boolean {
  const parts =
    paragraph?.children.filter((child) => child.type !== 'text' || child.value.trim() !== '') ?? [];
  return parts.length > 0 && parts.every((child) => child.type === 'delete');
}

function markerOf(item: ListItem): Marker {
  const paragraph = ownParagraph(item);
  const text = paragraph ? textOf(paragraph) : '';
  if (item.checked === true || item.checked === false) {
    return { status: item.checked ? 'done' : 'todo', text, marked: true, malformed: false };
  }
  const bracket = bracketMarker(text);
  const isStruck = struck(paragraph);
  const rest = bracket ? text.slice(bracket.raw.length) : text;
  if (bracket) {
    const status = isStruck && bracket.status !== 'cancelled' ? 'done' : bracket.status;
    return { status, text: rest, marked: true, malformed: bracket.malformed };
  }
  return { status: isStruck ? 'done' : 'todo', text, marked: isStruck, malformed: false };
}

/** A list some of whose items carry checkboxes: its other items are tasks too. */
export function isChecklist(list: List): boolean {
  return list.children.some((item) => markerOf(item).marked);
}

function warnStatus(
  state: ReadState,
  line: number,
  marker: Marker,
  emoji: { emoji: string; status: TaskStatus },
) {
  if (marker.marked && marker.status !== emoji.status) {
    state.warnings.push({
      line,
      message: `Checkbox says ${marker.status} but ${emoji.emoji} says ${emoji.status}; used ${emoji.status}.`,
    });
  }
}

function claimId(state: ReadState, at: Placement, sourceId: string | null, line: number): string {
  const key = at.parentId ?? at.phase?.id ?? '';
  const n = state.positions.next(key);
  if (sourceId && !state.taskIds.has(sourceId)) return state.taskIds.claim(sourceId);
  if (sourceId)
    state.warnings.push({
      line,
      message: `Task id "${sourceId}" is used twice; this one got a positional id.`,
    });
  if (at.parentId) return state.taskIds.claim(`${at.parentId}.s${n}`);
  return state.taskIds.claim(at.phase ? `${at.phase.id}.t${n}` : `t${n}`);
}

/** Item text that is not the title (extra paragraphs, plain sub-bullets) becomes the description. */
function descriptionOf(item: ListItem, plainLists: List[]): string | null {
  const parts = item.children
    .slice(1)
    .filter((child) => child.type !== 'list')
    .map((child) => textOf(child));
  for (const list of plainLists) parts.push(...list.children.map((child) => `- ${textOf(child)}`));
  const text = parts.filter((part) => part !== '').join('\n');
  return text === '' ? null : text;
}

function addTask(
  item: ListItem,
  marker: Marker,
  at: Placement,
  state: ReadState,
  inChecklist: boolean,
): string {
  const line = lineOf(item);
  const read = readItemText(marker.text, state.legend);
  if (marker.malformed)
    state.warnings.push({ line, message: 'Malformed checkbox "[]": read as "[ ]" (todo).' });
  if (!marker.marked && !inChecklist) state.plainTasks += 1;
  if (!marker.marked && inChecklist)
    state.warnings.push({ line, message: `"${read.title}" has no checkbox; read as a todo task.` });
  if (read.emojiStatus) warnStatus(state, line, marker, read.emojiStatus);
  if (read.absurdEstimate) {
    state.warnings.push({
      line,
      message: `Estimate ${read.absurdEstimate} is not plausible (0 or over 1000h); ignored.`,
    });
  }
  const nested = item.children.filter((child): child is List => child.type === 'list');
  const taskLists = nested.filter((list) => isChecklist(list) || state.plainItemsAreTasks);
  const id = claimId(state, at, read.sourceId, line);
  const task = blankTask({
    id,
    title: read.title,
    source: { line },
    sourceId: read.sourceId,
    parentId: at.parentId,
    phase: at.phase?.id ?? null,
    status: read.emojiStatus?.status ?? marker.status,
    optional: read.optional,
    estimateMinutes: read.estimate,
    description: descriptionOf(
      item,
      nested.filter((list) => !taskLists.includes(list)),
    ),
  });
  state.tasks.push({ task, dependencyRefs: read.dependencyRefs });
  for (const list of taskLists) readList(list, { phase: at.phase, parentId: id }, state);
  return id;
}

/**
 * Turns a Markdown list into tasks: checkbox items (GFM `[ ]`/`[x]`, plus `[~]`, `[-]`, `[]` and
 * `~~[x] …~~` read from the text), every item of a list that has such items, and — only in a file
 * with no checkbox at all — plain items under plan-like headings. Nested checklists become
 * subtasks; plain sub-bullets under a task become its description. Checklists under reference
 * sections ("Resources", "Risks") are skipped with one warning.
 */
export function readList(list: List, at: Placement, state: ReadState): void {
  const checklist = isChecklist(list);
  const plainOk = state.plainItemsAreTasks && (at.parentId !== null || (at.phase?.planLike ?? false));
  if (at.phase?.reference && checklist && at.parentId === null) {
    state.warnings.push({
      line: lineOf(list),
      message: `Skipped ${list.children.length} checklist items under "${at.phase.title}": it reads as reference material (settings, risks, notes), not work.`,
    });
    return;
  }
  for (const item of list.children) {
    const marker = markerOf(item);
    if (checklist || plainOk) {
      addTask(item, marker, at, state, checklist);
      continue;
    }
    for (const child of item.children) if (child.type === 'list') readList(child, at, state);
  }
}
