/**
 * Title words interned as small integers, with their character bigrams and the words typo-close to each
 * (bigram Dice ≥ 0.7: "implment" ~ "implement"). Close words are found with prefix filtering, which is
 * exact for a Dice threshold t: with bigrams ordered rarest first, two words of Dice ≥ t share a bigram
 * among the first n − ⌈t·n/(2−t)⌉ + 1 of each, so only words sharing one of those are compared.
 */
import { tokenBigrams } from './normalize-title.js';

/** Two tokens at least this close (bigram Dice) count as the same word misspelt. */
export const TYPO_CLOSENESS = 0.7;

export class TokenVocabulary {
  readonly #ids = new Map<string, number>();
  readonly #grams: Set<string>[] = [];
  /** Rebuilt when tokens were added since: the rarest-first order depends on every token. */
  #index: { size: number; frequency: Map<string, number>; byGram: Map<string, number[]> } | null = null;
  readonly #close = new Map<number, Map<number, number>>();

  id(token: string): number {
    let id = this.#ids.get(token);
    if (id === undefined) {
      id = this.#grams.length;
      this.#ids.set(token, id);
      this.#grams.push(tokenBigrams(token));
    }
    return id;
  }

  grams(id: number): Set<string> {
    return this.#grams[id] ?? new Set();
  }

  /** The other tokens typo-close to `id`, with their closeness. */
  closeTo(id: number): Map<number, number> {
    const index = this.#currentIndex();
    let close = this.#close.get(id);
    if (close) return close;
    close = new Map();
    const grams = this.grams(id);
    for (const gram of this.#prefix(grams, index.frequency)) {
      for (const other of index.byGram.get(gram) ?? []) {
        if (other === id || close.has(other)) continue;
        const closeness = diceOfSets(grams, this.grams(other));
        if (closeness >= TYPO_CLOSENESS) close.set(other, closeness);
      }
    }
    this.#close.set(id, close);
    return close;
  }

  #currentIndex() {
    if (this.#index?.size === this.#grams.length) return this.#index;
    this.#close.clear();
    const frequency = new Map<string, number>();
    for (const grams of this.#grams)
      for (const gram of grams) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
    const byGram = new Map<string, number[]>();
    this.#grams.forEach((grams, id) => {
      for (const gram of this.#prefix(grams, frequency)) {
        const ids = byGram.get(gram);
        if (ids) ids.push(id);
        else byGram.set(gram, [id]);
      }
    });
    this.#index = { size: this.#grams.length, frequency, byGram };
    return this.#index;
  }

  /** The rarest bigrams, as many as prefix filtering needs. */
  #prefix(grams: Set<string>, frequency: Map<string, number>): string[] {
    const ordered = [...grams].sort(
      (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const required = Math.ceil((TYPO_CLOSENESS * ordered.length) / (2 - TYPO_CLOSENESS) - 1e-9);
    return ordered.slice(0, ordered.length - required + 1);
  }
}

/** Sørensen–Dice coefficient of two sets: 2·|A∩B| / (|A|+|B|), 0 when both are empty. */
export function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}
