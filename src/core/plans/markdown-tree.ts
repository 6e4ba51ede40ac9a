import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';

/**
 * Parse Markdown into an mdast tree with GFM (task lists, tables, strikethrough) and YAML front
 * matter. Every node carries `position.start.line` (1-based) for file:line messages.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** The YAML front matter as an object, or null when absent or not a mapping. Never throws. */
export function frontMatterOf(root: Root): Record<string, unknown> | null {
  const node = root.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return null;
  try {
    const value: unknown = parseYaml(node.value, { logLevel: 'error' });
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Plain text of a node (inline code and emphasis flattened), whitespace collapsed. */
export function textOf(node: RootContent | Root): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** 1-based start line of a node; 1 when the parser gave no position. */
export function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}
