/** Test support for line ownership: a reference diff to check hunk handling against. */

/**
 * Zero-context hunks in git's numbering from a longest common subsequence of two line lists: the
 * reference for what a diff means. Returns the hunks and, per new line, the old line it matches.
 */
export function diffOf(
  old: readonly number[],
  next: readonly number[],
): { hunks: number[]; match: number[] } {
  const lcs = Array.from({ length: old.length + 1 }, () => new Array<number>(next.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = next.length - 1; j >= 0; j--) {
      lcs[i]![j] = old[i] === next[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const match = new Array<number>(next.length).fill(-1);
  const hunks: number[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < next.length) {
    if (i < old.length && j < next.length && old[i] === next[j]) {
      match[j++] = i++;
      continue;
    }
    const [i0, j0] = [i, j];
    while (
      (i < old.length || j < next.length) &&
      !(i < old.length && j < next.length && old[i] === next[j])
    ) {
      if (j >= next.length || (i < old.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) i++;
      else j++;
    }
    const [b, d] = [i - i0, j - j0];
    hunks.push(b > 0 ? i0 + 1 : i0, b, d > 0 ? j0 + 1 : j0, d);
  }
  return { hunks, match };
}
