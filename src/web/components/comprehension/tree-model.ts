/**
 * The file list of a comprehension snapshot as a tree of directories, with each directory's sums, and
 * the sentences the page says about them. Pure, so it is tested without a browser.
 *
 * A file's coverage is its lines less its un-understood (unexplained AI) lines, over its lines: the
 * uploaded report has no per-file count of understood lines, and in the ledger every line that is not
 * an unexplained AI line has someone who understands it. A directory counts every file below it.
 */
import type { FileComprehension } from '../../../contracts/comprehension.contract.js';

export interface TreeNode {
  /** The last segment, or several joined by "/" when single-child directories were folded together. */
  name: string;
  /** The full path, without a trailing slash; '' for the root. */
  path: string;
  kind: 'directory' | 'file';
  /** Lines: the area in the treemap. */
  value: number;
  aiLines: number;
  unexplainedAiLines: number;
  /** Files at any depth below (1 for a file). */
  files: number;
  /** For a directory: everyone who understands at least one file below it, sorted. */
  understoodBy: string[];
  children: TreeNode[];
  /** The report's entry, for a file. */
  file?: FileComprehension;
}

/** Understood lines ÷ lines, 0..1; 1 for a node without lines (nothing in it is left un-understood). */
export function coverageOf(node: { value: number; unexplainedAiLines: number }): number {
  if (node.value <= 0) return 1;
  return Math.min(1, Math.max(0, (node.value - node.unexplainedAiLines) / node.value));
}

interface Building {
  name: string;
  path: string;
  directories: Map<string, Building>;
  files: FileComprehension[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function finish(building: Building, fold: boolean): TreeNode {
  // A directory holding a single directory and no files is folded into it: "src/web" is one step, not two.
  let current = building;
  let name = building.name;
  while (fold && current.files.length === 0 && current.directories.size === 1 && current.path !== '') {
    const only = [...current.directories.values()][0]!;
    name = `${name}/${only.name}`;
    current = only;
  }
  const children: TreeNode[] = [
    ...[...current.directories.values()].map((child) => finish(child, fold)),
    ...current.files.map((file): TreeNode => ({
      name: file.path.slice(file.path.lastIndexOf('/') + 1),
      path: file.path,
      kind: 'file',
      value: file.lines,
      aiLines: file.aiLines,
      unexplainedAiLines: file.unexplainedAiLines,
      files: 1,
      understoodBy: [...file.understoodBy].sort(byText),
      children: [],
      file,
    })),
  ].sort((a, b) => b.value - a.value || byText(a.name, b.name));
  const sum = (pick: (node: TreeNode) => number) => children.reduce((total, node) => total + pick(node), 0);
  return {
    name,
    path: current.path,
    kind: 'directory',
    value: sum((node) => node.value),
    aiLines: sum((node) => node.aiLines),
    unexplainedAiLines: sum((node) => node.unexplainedAiLines),
    files: sum((node) => node.files),
    understoodBy: [...new Set(children.flatMap((node) => node.understoodBy))].sort(byText),
    children,
  };
}

/**
 * The tree of a snapshot's files, biggest first at every level.
 *
 * @example buildTree([{ path: 'src/a.ts', lines: 10, … }]).children[0] // { name: 'src', kind: 'directory', value: 10, … }
 */
export function buildTree(files: readonly FileComprehension[], options: { fold?: boolean } = {}): TreeNode {
  const root: Building = { name: '', path: '', directories: new Map(), files: [] };
  for (const file of files) {
    const segments = file.path.split('/').filter(Boolean);
    let at = root;
    for (const segment of segments.slice(0, -1)) {
      let next = at.directories.get(segment);
      if (!next) {
        next = {
          name: segment,
          path: at.path ? `${at.path}/${segment}` : segment,
          directories: new Map(),
          files: [],
        };
        at.directories.set(segment, next);
      }
      at = next;
    }
    at.files.push(file);
  }
  return finish(root, options.fold ?? true);
}

/** The nodes from the root down to the node at `path` (just the root when no node has that path). */
export function pathTo(root: TreeNode, path: string): TreeNode[] {
  const trail = [root];
  let at = root;
  while (at.path !== path) {
    const next = at.children.find(
      (child) => child.kind === 'directory' && (path === child.path || path.startsWith(`${child.path}/`)),
    );
    if (!next) return [root];
    trail.push(next);
    at = next;
  }
  return trail;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** 4210 → "4,210". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** 0.623 → "62%"; never rounds up to 100% or down to 0% while some lines are on the other side. */
export function formatPercent(share: number): string {
  const percent = Math.round(share * 100);
  if (percent === 100 && share < 1) return '99%';
  if (percent === 0 && share > 0) return '1%';
  return `${percent}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "62% of 4,210 lines are understood by someone." */
export function coverageSentence(totals: { lines: number; coverage: number }): string {
  if (totals.lines === 0) return 'There are no lines to understand yet.';
  const verb = totals.lines === 1 ? 'is' : 'are';
  return `${formatPercent(totals.coverage)} of ${plural(totals.lines, 'line')} ${verb} understood by someone.`;
}

/** The bus factor in words: what it means, not only the number. */
export function busFactorSentence(busFactor: number): string {
  if (busFactor === 0)
    return '0: over half of the files already have nobody who understands them, so nobody has to leave for the code to be orphaned.';
  const who = busFactor === 1 ? '1 person: if they left' : `${busFactor} people: if they left`;
  return `${who}, over half of the files would have nobody who understands them.`;
}

/** "nobody", "ada@example.com", "ada@… and bob@…", "ada@…, bob@… and 3 others". */
export function peopleText(people: readonly string[], shown = 3): string {
  if (people.length === 0) return 'nobody';
  if (people.length === 1) return people[0]!;
  if (people.length <= shown) return `${people.slice(0, -1).join(', ')} and ${people.at(-1)!}`;
  const rest = people.length - shown;
  return `${people.slice(0, shown).join(', ')} and ${plural(rest, 'other')}`;
}
