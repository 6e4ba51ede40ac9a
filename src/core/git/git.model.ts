/** Shared shapes of git evidence: pure data, read by attribution, notes and the understanding ledger. */

export const ATTRIBUTION_KINDS = ['human', 'ai_assisted', 'ai_authored'] as const;
/**
 * Who wrote a commit's changes. `ai_assisted`: a person worked with a tool that helped
 * (co-author trailer). `ai_authored`: the tool made the change itself (its footer, its identity as
 * the author, a line in a git-ai note).
 */
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

export const isAiKind = (kind: AttributionKind): boolean => kind !== 'human';

/** An inclusive, 1-based range of line numbers. */
export interface LineRange {
  start: number;
  end: number;
}

/** One problem with caller-supplied configuration, located by its path ("rules[2].match.branch"). */
export interface ConfigIssue {
  path: string;
  message: string;
}
