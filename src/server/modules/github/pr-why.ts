/**
 * The "Why" of a pull request, read from its description. Builders are asked to say why a change was
 * made; PR templates usually give that its own section ("## Why", "### Why this change?", or a bold
 * "**Why:**" line), so Recital takes that section's Markdown as the change's stated reason.
 *
 * The body is parsed with mdast (the same parser and GFM extensions as plan imports), not matched line
 * by line, so a "## Why" inside a code block or a quote is not a heading, and setext headings count.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { parseMarkdown, textOf } from '../../../core/plans/markdown-tree.js';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * The Markdown of the pull request's "Why" section, trimmed, or null when there is none or it holds
 * only a template's HTML comments.
 *
 * A section is a heading of any level whose text starts with the word "why" (any case, with or without
 * "?", ":" or a leading emoji), up to the next heading of the same or a higher level; or a paragraph that
 * starts with a bold label (`**Why:** …`), up to the next heading or bold label. The first section that
 * says something wins. The text is sliced from the body, so links, lists and code keep their Markdown.
 *
 * @example
 * whyFromPullRequestBody('## Summary\nAdds retries.\n\n## Why\nDeliveries were lost.\n\n## Test plan\n…')
 * // 'Deliveries were lost.'
 */
export function whyFromPullRequestBody(body: string | null): string | null {
  if (body === null || body.trim() === '') return null;
  const root = parseMarkdown(body);
  for (const section of whySections(root)) {
    const text = sectionText(body, section);
    if (text !== null) return text;
  }
  return null;
}

/**
 * Where a section's content starts (just after its heading or label) and the nodes it spans; `end` is
 * set when another bold label later in the same paragraph closes it.
 */
type Section = { start: number; nodes: RootContent[]; end?: number };

function* whySections(root: Root): Generator<Section> {
  for (const [index, node] of root.children.entries()) {
    const rest = root.children.slice(index + 1);
    if (node.type === 'heading' && isWhyTitle(textOf(node))) {
      const end = rest.findIndex((next) => next.type === 'heading' && next.depth <= node.depth);
      yield { start: endOf(node), nodes: end === -1 ? rest : rest.slice(0, end) };
    } else if (node.type === 'paragraph') {
      yield* labelSections(node, rest);
    }
  }
}

/**
 * Sections opened by a bold Why label. Labels often sit on consecutive lines of one paragraph
 * (`**What:** …⏎**Why:** …`), so a label runs to the next label in its paragraph, or else on through
 * the following blocks up to a heading or a paragraph that opens with a label.
 */
function* labelSections(paragraph: Paragraph, rest: RootContent[]): Generator<Section> {
  const labels = labelsIn(paragraph);
  for (const [index, label] of labels.entries()) {
    if (!isWhyTitle(textOf(label))) continue;
    const start = afterLabel(paragraph, label);
    const next = labels[index + 1];
    if (next !== undefined) {
      yield { start, end: startOf(next), nodes: [paragraph] };
      continue;
    }
    const end = rest.findIndex((node) => node.type === 'heading' || opensWithLabel(node));
    yield { start, nodes: [paragraph, ...(end === -1 ? rest : rest.slice(0, end))] };
  }
}

/** "Why", "Why?", "why this change", "🤔 Why:" — but not "Whyte" or "What and why". */
function isWhyTitle(title: string): boolean {
  const words = title.replace(/^[^\p{L}]+/u, '').toLowerCase();
  return /^why(?![\p{L}\p{N}])/u.test(words);
}

function opensWithLabel(node: RootContent): boolean {
  return node.type === 'paragraph' && labelsIn(node)[0] === node.children[0];
}

/** The bold texts of a paragraph that act as headings (see isLabelAt). */
function labelsIn(paragraph: Paragraph): Strong[] {
  return paragraph.children.filter(
    (child, index): child is Strong => child.type === 'strong' && isLabelAt(paragraph.children, index),
  );
}

/**
 * Bold text acts as a heading when it starts a line and is alone on it or followed by a colon
 * (`**Why**`, `**Why:** because…`, `**Why**: because…`), unlike bold words inside a sentence.
 */
function isLabelAt(children: PhrasingContent[], index: number): boolean {
  const [before, label, after] = [children[index - 1], children[index], children[index + 1]];
  const startsLine =
    before === undefined ||
    before.type === 'break' ||
    (before.type === 'text' && /\n[ \t]*$/.test(before.value));
  const endsLabel =
    (label !== undefined && textOf(label).endsWith(':')) ||
    after === undefined ||
    after.type === 'break' ||
    (after.type === 'text' && /^[ \t]*(?::|\n)/.test(after.value));
  return startsLine && endsLabel;
}

/** Where the text after a bold label starts, past a colon written outside the bold (`**Why**: …`). */
function afterLabel(paragraph: Paragraph, label: Strong): number {
  const next = paragraph.children[paragraph.children.indexOf(label) + 1];
  const colon = next?.type === 'text' ? /^[ \t]*:/.exec(next.value) : null;
  return endOf(label) + (colon?.[0].length ?? 0);
}

/**
 * The section's Markdown between its start and its last node that says something, without HTML
 * comments (template hints) and without trailing `---` separators.
 */
function sectionText(source: string, section: Section): string | null {
  const end = section.end ?? section.nodes.findLast((node) => !isBlank(source, section.start, node));
  if (end === undefined) return null;
  const until = typeof end === 'number' ? end : endOf(end);
  const text = withoutComments(source, section.start, until, section.nodes).trim();
  return text === '' ? null : text;
}

function isBlank(source: string, start: number, node: RootContent): boolean {
  if (node.type === 'thematicBreak') return true;
  const from = Math.max(start, startOf(node));
  return withoutComments(source, from, endOf(node), [node]).trim() === '';
}

/**
 * The source between two offsets with the comments of the given nodes' HTML removed. A comment that
 * stood on its own lines takes the blank lines after it along, so no gap is left where it was.
 */
function withoutComments(source: string, start: number, end: number, nodes: Nodes[]): string {
  const cuts = nodes
    .flatMap(htmlNodesIn)
    .map((node) => ({ from: Math.max(start, startOf(node)), to: Math.min(end, endOf(node)) }))
    .filter((cut) => cut.from < cut.to);
  let text = '';
  let at = start;
  for (const cut of cuts) {
    const kept = source.slice(cut.from, cut.to).replace(COMMENT, '');
    text += source.slice(at, cut.from) + kept;
    at = cut.to;
    if (kept.trim() === '' && startsLine(source, cut.from)) {
      at += /^(?:[ \t]*\r?\n)*/.exec(source.slice(at, end))?.[0].length ?? 0;
    }
  }
  return text + source.slice(at, end);
}

function startsLine(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return source.slice(lineStart, offset).trim() === '';
}

function htmlNodesIn(node: Nodes): Nodes[] {
  if (node.type === 'html') return [node];
  return 'children' in node ? node.children.flatMap(htmlNodesIn) : [];
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}
