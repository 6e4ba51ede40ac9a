/**
 * Candidate pairs for fuzzy matching without comparing every title with every other. Previous titles
 * are bucketed by token. A next title probes the buckets of its tokens and of the previous tokens
 * typo-close to them; tokens found in very many titles ("add", "the") are skipped, because titles
 * similar enough to match share most of their words, hence also their rarer ones. A title made only of
 * common words still probes its rarest one, so it is never left without candidates.
 */
import type { TitleProfile } from './title-similarity.js';
import type { TokenVocabulary } from './token-vocabulary.js';

/** A token in more previous titles than this (at least 64, else 5% of them) is not probed. */
function commonTokenLimit(previousCount: number): number {
  return Math.max(64, Math.ceil(previousCount * 0.05));
}

export class SimilarCandidates {
  readonly #titlesByToken = new Map<number, number[]>();
  readonly #closeTokens = new Map<number, number[]>();
  readonly #limit: number;

  /** `previous` lists the titles to bucket by their index; null entries (already matched) are skipped. */
  constructor(
    previous: readonly (TitleProfile | null)[],
    private readonly vocabulary: TokenVocabulary,
  ) {
    previous.forEach((profile, index) => {
      for (const token of new Set(profile?.tokens)) {
        const titles = this.#titlesByToken.get(token);
        if (titles) titles.push(index);
        else this.#titlesByToken.set(token, [index]);
      }
    });
    this.#limit = commonTokenLimit(previous.length);
  }

  /** Indices of the previous titles worth comparing with `profile`, ascending. */
  for(profile: TitleProfile): number[] {
    const candidates = new Set<number>();
    let rarest: number[][] | null = null;
    let rarestSize = Infinity;
    for (const token of new Set(profile.tokens)) {
      const buckets = this.#close(token).map((close) => this.#titlesByToken.get(close) ?? []);
      const size = buckets.reduce((sum, bucket) => sum + bucket.length, 0);
      if (size === 0) continue;
      if (size <= this.#limit)
        for (const bucket of buckets) for (const index of bucket) candidates.add(index);
      else if (size < rarestSize) [rarest, rarestSize] = [buckets, size];
    }
    if (candidates.size === 0 && rarest)
      for (const bucket of rarest) for (const index of bucket) candidates.add(index);
    return [...candidates].sort((a, b) => a - b);
  }

  /** Previous tokens equal or typo-close to `token`, cached. */
  #close(token: number): number[] {
    let close = this.#closeTokens.get(token);
    if (!close) {
      close = [token, ...this.vocabulary.closeTo(token).keys()].filter((other) =>
        this.#titlesByToken.has(other),
      );
      this.#closeTokens.set(token, close);
    }
    return close;
  }
}
