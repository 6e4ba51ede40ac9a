import type { Root, RootContent } from 'mdast';
import { frontMatterOf, lineOf, parseMarkdown } from '../plans/markdown-tree.js';
import { PlanImportError, type PlanWarning } from '../plans/plan.model.js';
import {
  adrId,
  normaliseDate,
  normaliseStatus,
  numberFromId,
  parseFileName,
  plainText,
  slugOf,
  splitNumberedTitle,
  STATUS_LIST,
} from './decision-fields.js';
import { findDecisionRefs } from './decision-links.js';
import {
  blocksText,
  listItemTitles,
  plainOf,
  ownNodes,
  sectionsOf,
  sourceOf,
  type Section,
} from './decision-sections.js';
import type { DecisionRecord, DecisionStatus } from './decision.model.js';

const HINT =
  'A decision record is Markdown with a "# Title" (or a front matter title) and sections such as ' +
  '"## Status", "## Context", "## Decision" and "## Consequences" (Nygard) or "## Context and Problem ' +
  'Statement", "## Considered Options" and "## Decision Outcome" (MADR).';

const MADR_ONLY =
  /^(context and problem statement|considered options|decision outcome|pros and cons of the options)$/i;

interface Parsed {
  text: string;
  root: Root;
  frontMatter: Record<string, unknown>;
  sections: Section[];
  /** Top-level nodes between the front matter and the first section: MADR 2's "* Status:" lines. */
  preamble: RootContent[];
  h1: RootContent | undefined;
}

function parse(text: string): Parsed {
  const root = parseMarkdown(text);
  const sections = sectionsOf(root);
  const firstSection = sections[0]?.index ?? root.children.length;
  const preamble = root.children.slice(0, firstSection).filter((node) => node.type !== 'heading');
  const h1 = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  return { text, root, frontMatter: frontMatterOf(root) ?? {}, sections, preamble, h1 };
}

/** "Status: accepted", "* Date: 2020-01-01", "**Status:** Proposed" lines of the preamble. */
function metadataLine(parsed: Parsed, field: 'status' | 'date'): { value: string; line: number } | null {
  const pattern = new RegExp(
    `^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?${field}(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.+)$`,
    'i',
  );
  for (const node of parsed.preamble) {
    if (node.type === 'yaml') continue;
    const lines = sourceOf(parsed.text, [node]).split('\n');
    for (const [offset, line] of lines.entries()) {
      const value = pattern.exec(line)?.[1]?.trim();
      if (value) return { value, line: lineOf(node) + offset };
    }
  }
  return null;
}

function sectionFor(parsed: Parsed, key: Section['key']): Section | undefined {
  return parsed.sections.find((section) => section.key === key);
}

function sectionText(parsed: Parsed, section: Section | undefined): string | null {
  return section ? blocksText(ownNodes(parsed.root, section, parsed.sections)) : null;
}

/** The status as written, in Markdown (links kept for "Superseded by [ADR-0012](0012-x.md)"). */
function rawStatus(parsed: Parsed): { raw: string; line: number } | null {
  const fromFront = parsed.frontMatter['status'];
  if (typeof fromFront === 'string' && fromFront.trim()) return { raw: fromFront, line: 1 };
  const fromLine = metadataLine(parsed, 'status');
  if (fromLine) return { raw: fromLine.value, line: fromLine.line };
  const section = sectionFor(parsed, 'status');
  if (!section) return null;
  const raw = sourceOf(parsed.text, ownNodes(parsed.root, section, parsed.sections)).trim();
  return raw ? { raw, line: section.line } : null;
}

function statusOf(
  parsed: Parsed,
  warnings: PlanWarning[],
): { status: DecisionStatus | null; supersededBy: string[] } {
  const found = rawStatus(parsed);
  if (!found) return { status: null, supersededBy: [] };
  const supersededBy = [...found.raw.matchAll(/super[sc]e+ded\s+by\b([^\n]*)/gi)].flatMap((match) =>
    findDecisionRefs(match[1] ?? ''),
  );
  const status = normaliseStatus(found.raw);
  if (!status) {
    warnings.push({
      line: found.line,
      message: `Status "${plainText(found.raw).slice(0, 80)}" is not one of ${STATUS_LIST}; the status was left empty.`,
    });
  }
  return { status, supersededBy: [...new Set(supersededBy)] };
}

function dateOf(parsed: Parsed, warnings: PlanWarning[]): string | null {
  const fromSection = sectionFor(parsed, 'date');
  const found =
    parsed.frontMatter['date'] !== undefined
      ? { value: parsed.frontMatter['date'], line: 1 }
      : (metadataLine(parsed, 'date') ??
        (fromSection ? { value: sectionText(parsed, fromSection), line: fromSection.line } : null));
  if (!found || found.value === null || found.value === '') return null;
  const date = normaliseDate(found.value);
  if (!date) {
    warnings.push({
      line: found.line,
      message: `Date "${String(found.value).slice(0, 40)}" is not a date Recital can read; write it as YYYY-MM-DD.`,
    });
  }
  return date;
}

function titleOf(
  parsed: Parsed,
  fileName: string | undefined,
  warnings: PlanWarning[],
): { title: string; number: number | null; line: number } {
  const fromFront = parsed.frontMatter['title'];
  const raw = parsed.h1 ? plainOf(parsed.h1) : typeof fromFront === 'string' ? fromFront : '';
  if (raw.trim()) {
    return { ...splitNumberedTitle(raw), line: parsed.h1 ? lineOf(parsed.h1) : 1 };
  }
  const fromFile = fileName ? parseFileName(fileName) : null;
  if (fromFile?.title) {
    warnings.push({
      line: 1,
      message: `The record has no "# Title"; "${fromFile.title}" was taken from its file name.`,
    });
    return { title: fromFile.title, number: fromFile.number, line: 1 };
  }
  throw new PlanImportError('The decision record has no title.', { line: 1 }, HINT);
}

function idOf(
  parsed: Parsed,
  title: ReturnType<typeof titleOf>,
  fileName: string | undefined,
  warnings: PlanWarning[],
) {
  const fromFile = fileName ? parseFileName(fileName).number : null;
  const number = title.number ?? numberFromId(parsed.frontMatter['id']) ?? fromFile;
  if (number !== null && fromFile !== null && fromFile !== number) {
    warnings.push({
      line: title.line,
      message: `The record says ${adrId(number)} but its file name ${fileName ?? ''} says ${adrId(fromFile)}; ${adrId(number)} was used.`,
    });
  }
  return { number, id: number === null ? slugOf(title.title) || 'decision' : adrId(number) };
}

function optionsOf(parsed: Parsed): string[] {
  const section = sectionFor(parsed, 'options');
  if (section) {
    const nodes = parsed.root.children.slice(section.index + 1, section.end);
    const listed = listItemTitles(nodes.filter((node) => node.type === 'list'));
    if (listed.length > 0) return listed;
    const headed = parsed.sections.filter((s) => s.index > section.index && s.index < section.end);
    if (headed.length > 0) return headed.map((s) => s.title);
  }
  const prosCons = sectionFor(parsed, 'prosCons');
  if (!prosCons) return [];
  return parsed.sections
    .filter((s) => s.index > prosCons.index && s.index < prosCons.end && s.depth === prosCons.depth + 1)
    .map((s) => s.title);
}

/** 'Chosen option: "Plain JUnit5", because …' → "Plain JUnit5". */
function chosenOptionOf(decision: string | null): string | null {
  if (!decision) return null;
  const quoted = /chosen option\s*:?\s*["“„«'‘]([^"”“»'’\n]+)["”“»'’]/i.exec(decision);
  const bare = /chosen option\s*:?\s*([^,.\n]+)/i.exec(decision);
  return (quoted?.[1] ?? bare?.[1])?.trim() || null;
}

function consequencesOf(parsed: Parsed): string | null {
  const all = parsed.sections.filter((section) => section.key === 'consequences');
  // A "### Positive Consequences" inside "## Consequences" is read with its parent, not twice.
  const outer = all.filter((s) => !all.some((o) => o !== s && o.index < s.index && s.index < o.end));
  const parts = outer.flatMap((section) => {
    const text = blocksText(parsed.root.children.slice(section.index + 1, section.end));
    if (!text) return [];
    return outer.length > 1 ? [`${section.title}:\n${text}`] : [text];
  });
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** Parses the text, refusing what cannot be a decision record at all. */
function parseRecord(text: string, fileName: string | undefined): Parsed {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new PlanImportError('The decision record is empty.', { line: 1 }, HINT);
  }
  if (text.includes('\u0000')) {
    throw new PlanImportError('The decision record is not text (it contains NUL bytes).', { line: 1 }, HINT);
  }
  const parsed = parse(text);
  const hasStatusLine =
    metadataLine(parsed, 'status') !== null || typeof parsed.frontMatter['status'] === 'string';
  if (!parsed.sections.some((s) => s.key !== null && s.key !== 'date') && !hasStatusLine) {
    const line = parsed.sections[0]?.line ?? (parsed.h1 ? lineOf(parsed.h1) : 1);
    throw new PlanImportError(
      `No decision record sections found${fileName ? ` in ${fileName}` : ''}: no Status, Context, Decision, Considered Options or Consequences heading.`,
      { line },
      HINT,
    );
  }
  return parsed;
}

/**
 * True when the text reads as a MADR or Nygard decision record: a "Decision", "Decision Outcome"
 * or "Considered Options" heading beside a context, status, options or consequences one. Never throws.
 */
export function looksLikeDecisionRecord(text: string): boolean {
  if (typeof text !== 'string' || text.trim() === '') return false;
  const keys = new Set(sectionsOf(parseMarkdown(text)).map((section) => section.key));
  const decides = keys.has('decision') || keys.has('options');
  return (
    decides && ['context', 'status', 'options', 'consequences'].some((key) => keys.has(key as Section['key']))
  );
}

/**
 * Reads one MADR (2.x–4.x) or Nygard decision record. Section text is plain text: hard wraps are
 * undone, list items become "- item" lines, fenced code is dropped (the file keeps the examples).
 * Throws PlanImportError for empty input or text with no decision sections.
 * @example importDecisionRecord({ text, fileName: 'docs/adr/0009-use-plain-junit5.md' }).decision.id // 'ADR-0009'
 */
export function importDecisionRecord(input: { text: string; fileName?: string }): {
  decision: DecisionRecord;
  warnings: PlanWarning[];
} {
  const { text, fileName } = input;
  const parsed = parseRecord(text, fileName);
  const warnings: PlanWarning[] = [];
  const title = titleOf(parsed, fileName, warnings);
  const { id, number } = idOf(parsed, title, fileName, warnings);
  const decisionText = sectionText(parsed, sectionFor(parsed, 'decision'));
  if (!decisionText) {
    warnings.push({ line: title.line, message: `${id} has no "Decision" or "Decision Outcome" text.` });
  }
  const format = parsed.sections.some((s) => MADR_ONLY.test(s.title)) ? 'madr' : 'nygard';
  const decision: DecisionRecord = {
    id,
    number,
    title: title.title,
    format,
    ...statusOf(parsed, warnings),
    date: dateOf(parsed, warnings),
    context: sectionText(parsed, sectionFor(parsed, 'context')),
    options: optionsOf(parsed),
    decision: decisionText,
    chosenOption: chosenOptionOf(decisionText),
    consequences: consequencesOf(parsed),
    source: { line: title.line },
  };
  return { decision, warnings };
}
