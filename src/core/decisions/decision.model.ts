import type { SourceLocation } from '../plans/plan.model.js';

export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A decision record (MADR or Nygard ADR) as imported: pure data. */
export interface DecisionRecord {
  /** Stable id: "ADR-0009" from the number in the title or file name, else a slug of the title. */
  id: string;
  number: number | null;
  title: string;
  format: 'madr' | 'nygard';
  /** Null when the record does not say. */
  status: DecisionStatus | null;
  /** Ids of the decisions that replace this one ("Superseded by ADR-0012"). */
  supersededBy: string[];
  /** ISO date (YYYY-MM-DD) when the record gives one. */
  date: string | null;
  context: string | null;
  /** Titles of the options considered. */
  options: string[];
  /** The chosen option or the decision text. */
  decision: string | null;
  /** MADR's chosen option title ('Chosen option: "X", because …' → "X"); null for Nygard records. */
  chosenOption?: string | null;
  consequences: string | null;
  source: SourceLocation;
}
