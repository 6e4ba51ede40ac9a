import type { Paragraph, Root, RootContent } from 'mdast';
import { textOf } from '../markdown-tree.js';
import type { TaskStatus } from '../plan.model.js';
import type { StatusLegend } from './status.js';
import { DEFAULT_LEGEND, legendPairs } from './status.js';

/** The Markdown source of a node, as written. */
export function sourceOf(text: string, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? textOf(node) : text.slice(start, end);
}

export interface LabelLine {
  /** Lower-case label without emphasis or decoration: "estimated time", "status", "deliverable". */
  label: string;
  value: string;
  /** 1-based line of this label. */
  line: number;
}

const LABEL_LINE = /^[^\p{L}*_]*[*_]{0,2}([^:*_：]{1,40}?)[*_]{0,2}\s*[:：]\s*[*_]{0,2}\s*(.*)$/u;

/**
 * "**Status**: ✅ Complete" / "🔸 **Deliverable:**" lines of a paragraph, each with its value;
 * a label with no value on its line takes the following unlabelled lines ("**Deliverable:**  \n
 * Working auth ✅").
 */
export function labelLines(text: string, node: Paragraph): LabelLine[] {
  const firstLine = node.position?.start.line ?? 1;
  const lines = sourceOf(text, node).split('\n');
  const result: LabelLine[] = [];
  lines.forEach((raw, index) => {
    const match = LABEL_LINE.exec(raw.trim());
    const last = result.at(-1);
    if (match && /[*_]{2}/.test(raw)) {
      const value = (match[2] ?? '').replace(/[*_]{2}/g, '').trim();
      result.push({ label: (match[1] ?? '').trim().toLowerCase(), value, line: firstLine + index });
    } else if (last && last.value === '') {
      last.value = raw.replace(/[*_]{2}/g, '').trim();
    }
  });
  return result;
}

/** A paragraph that is only bold text ("**Backend**", "**Frontend:**"): a label for the list below. */
export function boldLabelOf(node: RootContent): string | null {
  if (node.type !== 'paragraph') return null;
  const parts = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  if (parts.length !== 1 || parts[0]?.type !== 'strong') return null;
  const label = textOf(node)
    .replace(/[:：]\s*$/u, '')
    .trim();
  return label === '' ? null : label;
}

const LEGEND_WORD = /legend|легенда|обозначения|условные|범례|图例|圖例|凡例/iu;

function* siblingsOf(node: Root | RootContent): Generator<RootContent[]> {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  yield children;
  for (const child of children) yield* siblingsOf(child);
}

/**
 * Emoji statuses the file defines for itself ("**Legend:** ⬜ Not Started, 🟡 In Progress …"),
 * on top of the defaults (✅ done, 🚧 in progress). Legends may sit anywhere, often at the end.
 * Returns the legend and the list nodes that spelled it out (they are not tasks).
 */
export function collectLegend(root: Root): { legend: StatusLegend; legendNodes: Set<RootContent> } {
  const legend = new Map<string, TaskStatus>(DEFAULT_LEGEND);
  const legendNodes = new Set<RootContent>();
  for (const children of siblingsOf(root)) {
    children.forEach((node, index) => {
      if ((node.type !== 'paragraph' && node.type !== 'heading') || !LEGEND_WORD.test(textOf(node))) return;
      for (const [emoji, status] of legendPairs(textOf(node))) legend.set(emoji, status);
      const next = children[index + 1];
      if (next?.type !== 'list') return;
      legendNodes.add(next);
      for (const item of next.children)
        for (const [emoji, status] of legendPairs(textOf(item))) legend.set(emoji, status);
    });
  }
  return { legend, legendNodes };
}
