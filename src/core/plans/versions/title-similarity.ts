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
import { titleTokens, tokenBigrams } from './normalize-title.js';

/** Two tokens closer than this (bigram Dice) count as the same word misspelt. */
const TYPO_CLOSENESS = 0.7;

/** A title prepared once for many comparisons. */
export interface TitleProfile {
  tokens: string[];
  /** Union of the tokens' bigrams: the keys candidates are bucketed by. */
  grams: Set<string>;
}

/** Caches token bigrams: the same words recur across a plan. */
export class TokenGramCache {
  readonly #grams = new Map<string, Set<string>>();

  of(token: string): Set<string> {
    let grams = this.#grams.get(token);
    if (!grams) {
      grams = tokenBigrams(token);
      this.#grams.set(token, grams);
    }
    return grams;
  }
}

export function titleProfile(normalized: string, cache: TokenGramCache): TitleProfile {
  const tokens = titleTokens(normalized);
  const grams = new Set<string>();
  for (const token of tokens) for (const gram of cache.of(token)) grams.add(gram);
  return { tokens, grams };
}

/** Sørensen–Dice coefficient of two sets: 2·|A∩B| / (|A|+|B|), 0 when both are empty. */
export function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Similarity of two titles in [0, 1] (see the module comment); symmetric, 1 for equal token lists. */
export function titleSimilarity(a: TitleProfile, b: TitleProfile, cache: TokenGramCache): number {
  const sizeA = a.tokens.length;
  const sizeB = b.tokens.length;
  if (sizeA === 0 || sizeB === 0) return 0;
  const shared = sharedTokens(a.tokens, b.tokens, cache);
  const coverage = shared / Math.min(sizeA, sizeB);
  const dice = (2 * shared) / (sizeA + sizeB);
  return (coverage + dice) / 2;
}

/** Equal tokens count 1, then typo-close leftovers count their closeness, best pairs first. */
function sharedTokens(a: string[], b: string[], cache: TokenGramCache): number {
  const leftB = new Map<string, number>();
  for (const token of b) leftB.set(token, (leftB.get(token) ?? 0) + 1);
  const restA: string[] = [];
  let shared = 0;
  for (const token of a) {
    const count = leftB.get(token) ?? 0;
    if (count > 0) {
      leftB.set(token, count - 1);
      shared += 1;
    } else restA.push(token);
  }
  const restB = [...leftB].flatMap(([token, count]) => Array<string>(count).fill(token));
  if (restA.length === 0 || restB.length === 0) return shared;
  return shared + closePairsTotal(restA, restB, cache);
}

function closePairsTotal(a: string[], b: string[], cache: TokenGramCache): number {
  const pairs: { i: number; j: number; closeness: number }[] = [];
  a.forEach((tokenA, i) =>
    b.forEach((tokenB, j) => {
      const closeness = diceOfSets(cache.of(tokenA), cache.of(tokenB));
      if (closeness >= TYPO_CLOSENESS) pairs.push({ i, j, closeness });
    }),
  );
  pairs.sort((x, y) => y.closeness - x.closeness || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let total = 0;
  for (const { i, j, closeness } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    total += closeness;
  }
  return total;
}
