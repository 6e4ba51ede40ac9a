import type { z } from 'zod';
import type { UnderstandingFactDto } from '../../../contracts/comprehension.contract.js';

/** Files whose un-understood commits were explained or reviewed after the latest measurement. */
export interface ReviewedSince {
  commits: number;
  /** Recorded by the person looking, on this visit. */
  byYou: boolean;
}
export type ReviewedSinceByPath = Readonly<Record<string, ReviewedSince>>;

/**
 * The files of a snapshot all of whose un-understood commits Recital now holds an explanation or a
 * review for: the measurement predates them, so its counts are stale until the next upload.
 */
export function reviewedSince(
  files: readonly { path: string; unexplainedShas?: readonly string[] | undefined }[],
  facts: readonly z.infer<typeof UnderstandingFactDto>[],
): Record<string, ReviewedSince> {
  const understood = new Set(facts.filter((fact) => fact.kind !== 'authored').map((fact) => fact.sha));
  const result: Record<string, ReviewedSince> = {};
  for (const file of files) {
    const shas = file.unexplainedShas ?? [];
    if (shas.length > 0 && shas.every((sha) => understood.has(sha)))
      result[file.path] = { commits: shas.length, byYou: false };
  }
  return result;
}
