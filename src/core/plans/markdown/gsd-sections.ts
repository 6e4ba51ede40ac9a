import type { List, ListItem, Root, RootContent, Table } from 'mdast';
import { lineOf, textOf } from '../markdown-tree.js';
import type { TaskStatus } from '../plan.model.js';
import { DEFAULT_LEGEND, statusFromEmoji, statusFromWords } from './status.js';

export interface GsdMilestone {
  name: string;
  status: TaskStatus | null;
  first: number | null;
  last: number | null;
  line: number;
}

export interface GsdPlanItem {
  file: string;
  title: string;
  done: boolean;
  line: number;
}

export interface GsdPhase {
  number: string;
  title: string;
  done: boolean;
  description: string | null;
  /** "(2/2 plans)" in the phase list. */
  listedPlans: string | null;
  line: number;
  goal: string | null;
  dependsOn: string[];
  criteria: string[];
  plansDeclared: number | null;
  plans: GsdPlanItem[];
  detailLine: number | null;
}

export interface GsdProgressRow {
  number: string;
  plansComplete: string;
  status: string;
  line: number;
}

export interface GsdRoadmap {
  title: string | null;
  milestones: GsdMilestone[];
  phases: GsdPhase[];
  progress: GsdProgressRow[];
}

const PHASE_ITEM =
  /^Phase\s+(\d+(?:\.\d+)?)\s*[:：]\s*(.+?)(?:\s*\((\d+\/\d+)\s*plans?\))?(?:\s+[—–]\s+(.*))?$/iu;

function phaseFromItem(item: ListItem): GsdPhase | null {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return null;
  const strong = paragraph.children.find((child) => child.type === 'strong');
  const text = textOf(paragraph);
  const head = strong ? textOf(strong) : text;
  const match = PHASE_ITEM.exec(head);
  if (!match) return null;
  const rest = strong
    ? text.slice(text.indexOf(head) + head.length).replace(/^\s*[—–-]\s*/u, '')
    : (match[4] ?? '');
  return {
    number: match[1] ?? '',
    title: (match[2] ?? '').trim(),
    done: item.checked === true,
    description: rest.trim() || null,
    listedPlans: match[3] ?? null,
    line: lineOf(item),
    goal: null,
    dependsOn: [],
    criteria: [],
    plansDeclared: null,
    plans: [],
    detailLine: null,
  };
}

function milestoneFromItem(item: ListItem): GsdMilestone {
  const text = textOf(item);
  const strong =
    item.children[0]?.type === 'paragraph'
      ? item.children[0].children.find((c) => c.type === 'strong')
      : undefined;
  const range = /Phases?\s+(\d+)(?:\s*[–—-]\s*(\d+))?/iu.exec(text);
  const first = range?.[1] ? Number(range[1]) : null;
  return {
    name: strong ? textOf(strong) : (text.split(/\s+[—–]\s+/u)[0] ?? text),
    status: statusFromEmoji(text, DEFAULT_LEGEND)?.status ?? statusFromWords(text),
    first,
    last: range?.[2] ? Number(range[2]) : first,
    line: lineOf(item),
  };
}

const LABEL_NAMES = String.raw`(?:Goal|Depends on|Requirements|Success Criteria|Plans|UI hint)`;
const LABEL_AHEAD = new RegExp(String.raw`(?=\b${LABEL_NAMES}\b[^:]*:)`, 'u');
const LABEL_START = new RegExp(String.raw`^${LABEL_NAMES}\b[^:]*:`, 'u');

/**
 * Text before the first "**Label**:" and the labels from there on, each as [label, value] with
 * the label lower-cased and without its parenthetical. GSD writes labels on lines of their own,
 * which Markdown folds into the list item above ("4. … **Plans**: 3 plans").
 */
function splitLabels(text: string): { head: string; labels: Array<[string, string]> } {
  const parts = text.split(LABEL_AHEAD);
  const head = parts[0] !== undefined && !LABEL_START.test(parts[0]) ? (parts.shift() ?? '') : '';
  const labels = parts
    .map((part) => /^([^:]+):\s*(.*)$/su.exec(part.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match): [string, string] => [
      (match[1] ?? '')
        .replace(/\(.*\)/u, '')
        .trim()
        .toLowerCase(),
      (match[2] ?? '').trim(),
    ]);
  return { head: head.trim(), labels };
}

function planItems(list: List): GsdPlanItem[] {
  return list.children.map((item) => {
    const text = splitLabels(textOf(item)).head;
    const match = /^(\S+?\.md)\s*(?:[—–-]\s*)?(.*)$/u.exec(text);
    return {
      file: match?.[1] ?? text,
      title: match?.[2] || text,
      done: item.checked === true,
      line: lineOf(item),
    };
  });
}

function applyLabels(phase: GsdPhase, labels: Array<[string, string]>): void {
  for (const [label, value] of labels) {
    if (label === 'goal') phase.goal = value;
    if (label === 'depends on') {
      phase.dependsOn = [...value.matchAll(/Phase\s+(\d+(?:\.\d+)?)/giu)].map((m) => m[1] ?? '');
    }
    if (label === 'plans') {
      const count = /(\d+)\s*plans?/iu.exec(value)?.[1];
      phase.plansDeclared = count === undefined ? null : Number(count);
    }
  }
}

const isPlanList = (list: List) => list.children.every((item) => /^\S+-PLAN\.md\b/iu.test(textOf(item)));

function readDetail(nodes: RootContent[], phase: GsdPhase): void {
  let lastLabel = '';
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const { labels } = splitLabels(textOf(node));
      applyLabels(phase, labels);
      lastLabel = labels.at(-1)?.[0] ?? lastLabel;
    } else if (node.type === 'list' && isPlanList(node)) {
      phase.plans = planItems(node);
    } else if (node.type === 'list' && lastLabel === 'success criteria') {
      const items = node.children.map((item) => splitLabels(textOf(item)));
      phase.criteria = items.map((item) => item.head);
      for (const item of items) applyLabels(phase, item.labels);
    }
  }
}

function progressRows(table: Table): GsdProgressRow[] {
  return table.children.slice(1).flatMap((row) => {
    const cells = row.children.map((cell) => textOf(cell));
    const number = /^(\d+(?:\.\d+)?)/u.exec(cells[0] ?? '')?.[1];
    return number
      ? [{ number, plansComplete: cells[2] ?? '', status: cells[3] ?? '', line: lineOf(row) }]
      : [];
  });
}

/** Splits a GSD ROADMAP.md into its milestones, phase list, phase details and progress table. */
export function readGsdRoadmap(root: Root): GsdRoadmap {
  const roadmap: GsdRoadmap = { title: null, milestones: [], phases: [], progress: [] };
  let section = '';
  let detail: { phase: GsdPhase; nodes: RootContent[] } | null = null;
  const flush = () => detail && readDetail(detail.nodes, detail.phase);
  for (const node of root.children) {
    if (node.type === 'heading') {
      flush();
      detail = null;
      const text = textOf(node);
      if (node.depth === 1) roadmap.title = text.replace(/^Roadmap\s*:\s*/iu, '') || text;
      if (node.depth === 2) section = text.toLowerCase();
      const match = node.depth === 3 ? /^Phase\s+(\d+(?:\.\d+)?)/iu.exec(text) : null;
      const phase = match ? roadmap.phases.find((p) => p.number === match[1]) : undefined;
      if (phase) {
        phase.detailLine = lineOf(node);
        detail = { phase, nodes: [] };
      }
      continue;
    }
    if (detail) detail.nodes.push(node);
    else if (node.type === 'list' && section.startsWith('milestones'))
      roadmap.milestones.push(...node.children.map(milestoneFromItem));
    else if (node.type === 'list' && section === 'phases') {
      roadmap.phases.push(...node.children.flatMap((item) => phaseFromItem(item) ?? []));
    } else if (node.type === 'table' && section.startsWith('progress')) roadmap.progress = progressRows(node);
  }
  flush();
  return roadmap;
}
