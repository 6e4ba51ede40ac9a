/**
 * Candidate pairs for fuzzy matching without comparing every task with every other. Previous titles
 * are bucketed by character bigram; a next title is compared only with the titles that share one of
 * its selective bigrams. Bigrams found in very many titles ("in", " s") are skipped as bucket keys,
 * because two titles similar enough to match share most words, hence also their rarer bigrams. A title
 * made only of common bigrams still probes its rarest one, so it is never left without candidates.
 */
import type { TitleProfile } from './title-similarity.js';

/** A bigram in more titles than this (at least 64, else 5% of the previous tasks) is not a bucket key. */
function commonGramLimit(previousCount: number): number {
  return Math.max(64, Math.ceil(previousCount * 0.05));
}

export class SimilarCandidates {
  readonly #buckets = new Map<string, number[]>();
  readonly #limit: number;

  /** `previous` lists the titles to bucket by their index; null entries are skipped (already matched). */
  constructor(previous: readonly (TitleProfile | null)[]) {
    previous.forEach((profile, index) => {
      if (!profile) return;
      for (const gram of profile.grams) {
        const bucket = this.#buckets.get(gram);
        if (bucket) bucket.push(index);
        else this.#buckets.set(gram, [index]);
      }
    });
    this.#limit = commonGramLimit(previous.length);
  }

  /** Indices of the previous titles worth comparing with `profile`, ascending. */
  for(profile: TitleProfile): number[] {
    const candidates = new Set<number>();
    let rarest: number[] | null = null;
    for (const gram of profile.grams) {
      const bucket = this.#buckets.get(gram);
      if (!bucket) continue;
      if (bucket.length <= this.#limit) for (const index of bucket) candidates.add(index);
      else if (!rarest || bucket.length < rarest.length) rarest = bucket;
    }
    if (candidates.size === 0 && rarest) for (const index of rarest) candidates.add(index);
    return [...candidates].sort((a, b) => a - b);
  }
}
