/**
 * Fuzzy title similarity: a typo fix or a few added words keep a task, a different word in a short
 * title does not. Words are compared whole (typo-tolerant), then two ratios are averaged:
 *
 * - coverage = shared / tokens of the shorter title: 1 when one title contains the other;
 * - Dice = 2·shared / (tokens of both): penalises growth, so "Tests" ≠ "Tests for the billing export".
 *
 * `shared` counts equal tokens as 1 and a typo-close pair (character-bigram Dice ≥ 0.7, e.g.
 * "implment"/"implement" 0.84) as its closeness; each token pairs at most once. Examples, threshold 0.8:
 * "Add dark mode" / "Add dark mode toggle" 0.93 ✓; "Implment login page" / "Implement login page" 0.95 ✓;
 * "Create user model" / "Create project model" 0.67 ✗; "Deploy to staging" / "Deploy to production" 0.67 ✗.
 */
import { titleTokens } from './normalize-title.js';
import type { TokenVocabulary } from './token-vocabulary.js';

/** A title prepared once for many comparisons: its token ids. */
export interface TitleProfile {
  tokens: number[];
}

export function titleProfile(normalized: string, vocabulary: TokenVocabulary): TitleProfile {
  return { tokens: titleTokens(normalized).map((token) => vocabulary.id(token)) };
}

/** The best similarity two titles of these token counts can reach (every token of the shorter shared). */
export function similarityBound(sizeA: number, sizeB: number): number {
  if (sizeA === 0 || sizeB === 0) return 0;
  return (1 + (2 * Math.min(sizeA, sizeB)) / (sizeA + sizeB)) / 2;
}

/**
 * Similarity of two titles in [0, 1] (see the module comment); symmetric, 1 for equal token lists.
 * With `atLeast`, returns 0 as soon as the titles cannot reach it (their typo-close words are then not compared).
 */
export function titleSimilarity(
  a: TitleProfile,
  b: TitleProfile,
  vocabulary: TokenVocabulary,
  atLeast = 0,
): number {
  const sizeA = a.tokens.length;
  const sizeB = b.tokens.length;
  if (sizeA === 0 || sizeB === 0) return 0;
  const score = (shared: number) => (shared / Math.min(sizeA, sizeB) + (2 * shared) / (sizeA + sizeB)) / 2;
  const shared = sharedTokens(
    a.tokens,
    b.tokens,
    vocabulary,
    (exact, rest) => score(exact + rest) >= atLeast,
  );
  return score(shared);
}

/** Equal tokens count 1, then typo-close leftovers count their closeness, closest pairs first. */
function sharedTokens(
  a: number[],
  b: number[],
  vocabulary: TokenVocabulary,
  reachable: (exact: number, rest: number) => boolean,
): number {
  const restB = [...b];
  const restA: number[] = [];
  for (const token of a) {
    const at = restB.indexOf(token);
    if (at >= 0) restB.splice(at, 1);
    else restA.push(token);
  }
  const exact = a.length - restA.length;
  if (restA.length === 0 || restB.length === 0) return exact;
  if (!reachable(exact, Math.min(restA.length, restB.length))) return 0;
  const pairs: { i: number; j: number; closeness: number }[] = [];
  restA.forEach((tokenA, i) => {
    const close = vocabulary.closeTo(tokenA);
    restB.forEach((tokenB, j) => {
      const closeness = close.get(tokenB);
      if (closeness !== undefined) pairs.push({ i, j, closeness });
    });
  });
  pairs.sort((x, y) => y.closeness - x.closeness || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let total = exact;
  for (const { i, j, closeness } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    total += closeness;
  }
  return total;
}
