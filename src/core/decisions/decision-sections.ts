import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lineOf } from '../plans/markdown-tree.js';

/** What a heading means in MADR or Nygard terms; null for headings Recital does not read. */
export type SectionKey =
  'status' | 'context' | 'options' | 'decision' | 'consequences' | 'confirmation' | 'prosCons' | 'date';

export interface Section {
  key: SectionKey | null;
  title: string;
  depth: number;
  line: number;
  /** Index of the heading in root.children. */
  index: number;
  /** Index after the last node of the section, its sub-sections included. */
  end: number;
}

const KEYS: [SectionKey, RegExp][] = [
  ['status', /^status$/],
  ['date', /^date$/],
  ['context', /^(context( and problem( statement)?)?|problem( statement)?|background)$/],
  ['options', /^((considered )?options( considered)?|alternatives( considered)?)$/],
  ['decision', /^((the )?decision( outcome)?|outcome)$/],
  ['consequences', /^((positive|negative|good|bad) )?(consequences|implications)( \(.*\))?$/],
  // MADR 4's "### Confirmation" sits under Decision Outcome but is not the decision.
  ['confirmation', /^confirmation$/],
  ['prosCons', /^pros and cons( of the options)?$/],
];

/** Plain text of a node without inline HTML ("<!-- optional -->"), whitespace collapsed. */
export function plainOf(node: RootContent): string {
  return toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

function keyOf(title: string): SectionKey | null {
  const normal = title
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[:.\s]+$/, '');
  return KEYS.find(([, pattern]) => pattern.test(normal))?.[0] ?? null;
}

/**
 * Every heading below the title (depth 2+) as a section spanning up to the next heading of the
 * same or a higher level. Headings inside fenced code are code, not headings, in mdast, so a
 * "## Status" line in an example never starts a section.
 */
export function sectionsOf(root: Root): Section[] {
  const sections: Section[] = [];
  root.children.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth < 2) return;
    let end = index + 1;
    while (end < root.children.length) {
      const next = root.children[end];
      if (next?.type === 'heading' && next.depth <= node.depth) break;
      end += 1;
    }
    const title = plainOf(node);
    sections.push({ key: keyOf(title), title, depth: node.depth, line: lineOf(node), index, end });
  });
  return sections;
}

/** The section's own nodes: sub-sections that Recital reads separately are left out. */
export function ownNodes(root: Root, section: Section, all: Section[]): RootContent[] {
  const nodes: RootContent[] = [];
  for (let index = section.index + 1; index < section.end; index += 1) {
    const nested = all.find((other) => other.index === index && other.key !== null);
    if (nested) {
      index = nested.end - 1;
      continue;
    }
    const node = root.children[index];
    if (node) nodes.push(node);
  }
  return nodes;
}

/**
 * Plain text of blocks: paragraphs joined by blank lines (hard wraps undone), list items as
 * "- item" lines, sub-headings as their text. Fenced code and HTML comments are dropped: the text
 * is for reading in lists and warnings, and the record's file keeps the examples.
 */
export function blocksText(nodes: RootContent[]): string | null {
  const parts: string[] = [];
  for (const node of nodes) {
    if (
      node.type === 'code' ||
      node.type === 'html' ||
      node.type === 'yaml' ||
      node.type === 'thematicBreak'
    ) {
      continue;
    }
    if (node.type === 'list') {
      const items = node.children.map((item) => `- ${plainOf(item)}`).filter((line) => line !== '- ');
      if (items.length > 0) parts.push(items.join('\n'));
      continue;
    }
    const text = plainOf(node);
    if (text) parts.push(text);
  }
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** The first paragraph of each top-level list item: option titles without their sub-bullets. */
export function listItemTitles(nodes: RootContent[]): string[] {
  const titles: string[] = [];
  for (const node of nodes) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const first = item.children[0];
      const title = first ? plainOf(first) : '';
      if (title) titles.push(title);
    }
  }
  return titles;
}

/** The Markdown source of nodes, for finding link targets that plain text loses. */
export function sourceOf(text: string, nodes: RootContent[]): string {
  return nodes
    .map((node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start === undefined || end === undefined ? plainOf(node) : text.slice(start, end);
    })
    .join('\n\n');
}
