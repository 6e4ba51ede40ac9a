/** Inclusive 1-based line ranges: parsing "1-4,9,12-20", merging, painting owners, membership. */
import type { LineRange } from './git.model.js';

const RANGE = /^(\d+)(?:-(\d+))?$/;

/**
 * Parses a range list as git-ai writes it ("1-4,9-10,12"); null when any part is not a positive
 * line number or a range that runs backwards.
 */
export function parseLineRanges(spec: string): LineRange[] | null {
  if (spec === '') return null;
  const ranges: LineRange[] = [];
  for (const part of spec.split(',')) {
    const match = RANGE.exec(part);
    if (!match) return null;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 1 || end < start) return null;
    ranges.push({ start, end });
  }
  return ranges;
}

/** Sorted, with overlapping and adjacent ranges joined ([1-3, 4-5] → [1-5]). */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: LineRange[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Whether `line` falls in merged (sorted, disjoint) ranges; binary search. */
export function rangesContain(merged: readonly LineRange[], line: number): boolean {
  let low = 0;
  let high = merged.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = merged[mid]!;
    if (line < range.start) high = mid - 1;
    else if (line > range.end) low = mid + 1;
    else return true;
  }
  return false;
}

export const countLines = (ranges: readonly LineRange[]): number =>
  mergeRanges(ranges).reduce((sum, range) => sum + range.end - range.start + 1, 0);

export interface OwnedRange extends LineRange {
  owner: string;
}

/**
 * Paints `range` over `segments` (disjoint, sorted): the new owner replaces whoever held those
 * lines, as a later attestation replaces an earlier one. Returns new disjoint sorted segments with
 * neighbours of the same owner joined.
 */
export function paintRange(segments: readonly OwnedRange[], range: OwnedRange): OwnedRange[] {
  const kept: OwnedRange[] = [];
  for (const segment of segments) {
    if (segment.end < range.start || segment.start > range.end) {
      kept.push(segment);
      continue;
    }
    if (segment.start < range.start) kept.push({ ...segment, end: range.start - 1 });
    if (segment.end > range.end) kept.push({ ...segment, start: range.end + 1 });
  }
  kept.push({ ...range });
  kept.sort((a, b) => a.start - b.start);
  const joined: OwnedRange[] = [];
  for (const segment of kept) {
    const last = joined[joined.length - 1];
    if (last && last.owner === segment.owner && segment.start === last.end + 1) last.end = segment.end;
    else joined.push({ ...segment });
  }
  return joined;
}
