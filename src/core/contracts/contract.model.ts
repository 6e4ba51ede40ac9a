/**
 * A project's contract: the commitment the builder makes and the witnesses hold them to. Versioned
 * by the caller; this folder only compares two versions, validates a change and says when it applies.
 */
import type { LocalDate, Weekday } from '../schedule/schedule.model.js';

export interface ContractCheckpoint {
  id: string;
  /** Due at the end of this local day, in the builder's zone. */
  dueDate: LocalDate;
  taskIds: string[];
  /** What a witness checks; each entry is one criterion. */
  criteria: string[];
}

/** One rung of the consequence ladder. `action` is opaque here: only thresholds are compared. */
export interface ConsequenceStep {
  afterConsecutiveSkips: number;
  action: string;
}

export interface Contract {
  minutesPerWeekday: Record<Weekday, number>;
  checkpoints: ContractCheckpoint[];
  witnesses: string[];
  backupWitness: string | null;
  ladder: ConsequenceStep[];
  graceTokensPerSprint: number;
  sprintLengthDays: number;
  /**
   * A commit that says "fixes T12" (or closes, resolves) marks the task done once it is on the
   * default branch — after review, where the team reviews before merging. Off when absent.
   */
  commitsCloseTasks?: boolean;
}

export type ChangeDirection = 'easier' | 'harder' | 'neutral';

export interface ContractChange {
  /** A path into the contract: `minutesPerWeekday`, `checkpoints[cp-2].dueDate`, `witnesses`… */
  field: string;
  direction: ChangeDirection;
  description: string;
}
