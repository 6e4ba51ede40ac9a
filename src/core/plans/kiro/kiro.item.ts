import type { ListItem, RootContent } from 'mdast';
import { textOf } from '../markdown-tree.js';
import type { TaskStatus } from '../plan.model.js';
import { oneLine, rawOf } from '../speckit/plan-sections.js';

/** The first line of a Kiro task item: `- [ ]* 1.2 Title`. */
export interface KiroTaskHead {
  status: TaskStatus;
  optional: boolean;
  /** "1.2" as written, or null for an unnumbered task. */
  number: string | null;
  title: string;
  /** Requirement refs written on the task line itself (`_Requirements: 1.1_` wrapped into it). */
  requirements: string | null;
}

// GFM reads `[ ]`/`[x]` as a checkbox only when a space follows, so `[ ]*` and `[~]` stay text.
const TEXT_CHECKBOX = /^\[([ xX~\-/])\](\*)?\s*/;
const NUMBER = /^(\d+(?:\.\d+)*)\.?(?:\s+|$)/;
const INLINE_REQUIREMENTS = /_?\s*Requirements?\s*[:：]\s*([^_\n]*)_?\s*$/i;
const REQUIREMENTS_LINE = /^Requirements?\s*[:：]\s*(.*)$/i;

const TEXT_STATUS: Record<string, TaskStatus> = {
  ' ': 'todo',
  x: 'done',
  X: 'done',
  '~': 'in_progress',
  '-': 'in_progress',
  '/': 'in_progress',
};

/** Read a list item as a Kiro task, or null when it has no checkbox (a note or a detail line). */
export function readTaskHead(item: ListItem, text: string): KiroTaskHead | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  let raw = rawOf(first, text);
  let status: TaskStatus;
  let optional: boolean;
  if (typeof item.checked === 'boolean') {
    status = item.checked ? 'done' : 'todo';
    const star = /^\*\s+/.exec(raw);
    optional = star !== null;
    raw = raw.slice(star?.[0].length ?? 0);
  } else {
    const box = TEXT_CHECKBOX.exec(raw);
    if (!box?.[1]) return null;
    status = TEXT_STATUS[box[1]] ?? 'todo';
    optional = box[2] === '*';
    raw = raw.slice(box[0].length);
  }
  const requirements = INLINE_REQUIREMENTS.exec(raw);
  if (requirements) raw = raw.slice(0, requirements.index);
  const number = NUMBER.exec(raw);
  const title = oneLine(raw.slice(number?.[0].length ?? 0));
  return {
    status,
    optional,
    number: number?.[1] ?? null,
    title,
    requirements: requirements?.[1]?.trim() ?? null,
  };
}

/** The refs of a `_Requirements: 1.1, 2.3_` detail line, or null when the block is something else. */
export function requirementsOf(block: RootContent): string | null {
  if (block.type !== 'listItem' && block.type !== 'paragraph') return null;
  return REQUIREMENTS_LINE.exec(textOf(block))?.[1]?.trim() ?? null;
}

/**
 * Split refs into `req:<n>` tags; refs that are not numbers ("All requirements (performance
 * monitoring)") are returned apart so the importer can keep them as text and warn.
 */
export function requirementTags(refs: string): { tags: string[]; unnumbered: string[] } {
  const tags: string[] = [];
  const unnumbered: string[] = [];
  for (const ref of refs.split(/[,，、;]/).map((part) => part.trim().replace(/\.$/, ''))) {
    if (ref === '') continue;
    if (/^\d+(?:\.\d+)*$/.test(ref)) tags.push(`req:${ref}`);
    else unnumbered.push(ref);
  }
  return { tags, unnumbered };
}
