/**
 * The day-verdict engine's vocabulary: plain data in, plain data out, no IO and no clock.
 *
 * When a planned local day ends, it gets exactly one verdict. Precedence, strongest first:
 *
 * 1. `paused` — a pause covering the day was requested before the day began. The day was taken
 *    out of the commitment in advance, so work done anyway is recorded (`evidenceIds`) but does
 *    not turn it into a commitment day.
 * 2. `showed_up` — qualifying evidence was attributed to the day (see {@link ShowUpRule}).
 * 3. `grace` — a grace token was validly spent on the day and no evidence qualified. Evidence
 *    wins over grace: a spend on a day the builder showed up does not consume a token (the token
 *    is refunded), so spending one "just in case" is never punished.
 * 4. `skipped` — none of the above.
 */
import type { LocalDate } from '../schedule/schedule.model.js';

export type { LocalDate };

/** An instant as an ISO 8601 string with an offset (`Z` or `±hh:mm`). */
export type Instant = string;

export const VERDICT_KINDS = ['showed_up', 'skipped', 'paused', 'grace'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/**
 * Known evidence kinds; importers may add more (the `string & {}` keeps completions for the
 * known ones). Git commits and pull requests are plain evidence records too.
 */
export type EvidenceKind =
  'checkin' | 'task_done' | 'task_started' | 'commit' | 'pull_request' | (string & {});

/** Something the builder did. It counts for the builder's local day of `at`. */
export interface Evidence {
  /** Stable id; records with the same id are one record (a commit imported twice counts once). */
  id: string;
  kind: EvidenceKind;
  /** When it happened (a commit's date, a check-in's time). */
  at: Instant;
  /** Minutes of work it stands for, if known; summed per day for the minutes rule. */
  minutes?: number;
  /** Where it came from (a commit sha, a task id, a PR URL). */
  ref?: string;
}

/** Days taken out of the commitment, `from`–`to` inclusive. */
export interface Pause {
  from: LocalDate;
  to: LocalDate;
  reason: string;
  /** Covers only the days that had not begun at this instant. */
  requestedAt: Instant;
}

/** A grace token spent to excuse one planned day. */
export interface GraceSpend {
  date: LocalDate;
  spentAt: Instant;
}

export interface DayVerdict {
  date: LocalDate;
  verdict: VerdictKind;
  /**
   * The evidence the verdict rests on: for `showed_up` the qualifying records; otherwise every
   * record attributed to the day (which fell short, or was done on a paused day). Ordered by time.
   */
  evidenceIds: string[];
  /** One sentence a person can read, saying why. */
  reason: string;
  /** The instant the local day ended. */
  closedAt: Instant;
}

/** What counts as showing up on a day: any record of a qualifying kind, or enough minutes. */
export interface ShowUpRule {
  /** Kinds that count on their own. */
  qualifyingKinds: readonly string[];
  /** Minutes summed over all of the day's records (any kind) that count as showing up. */
  minMinutes: number;
}

/**
 * A check-in, a finished task, a commit or a pull request counts; starting a task does not on its
 * own (it is too cheap to be honest evidence) but its minutes do.
 */
export const DEFAULT_SHOW_UP_RULE: ShowUpRule = Object.freeze({
  qualifyingKinds: Object.freeze(['checkin', 'task_done', 'commit', 'pull_request']),
  minMinutes: 30,
});

/**
 * Sprint boundaries: explicit start dates (each sprint runs until the next start; the last one
 * never ends), or a fixed length from a start date. Days before the first sprint have no tokens.
 */
export type SprintCalendar = { starts: readonly LocalDate[] } | { startDate: LocalDate; lengthDays: number };

export interface GracePolicy {
  tokensPerSprint: number;
  /** Hours after the day ends during which a token may still be spent on it (half-open). */
  windowHours: number;
  sprints: SprintCalendar;
}

export interface VerdictPolicy {
  /** Defaults to {@link DEFAULT_SHOW_UP_RULE}, field by field. */
  showUp?: Partial<ShowUpRule>;
  /** Without it no grace token is ever valid. */
  grace?: GracePolicy;
}

/** Everything known about one project's days, as the use case loads it. */
export interface DayLedger {
  /** The builder's IANA zone; every local day is read in it. */
  timeZone: string;
  /** Local dates with planned minutes > 0; no other day is ever judged. */
  plannedDays: readonly LocalDate[];
  evidence: readonly Evidence[];
  pauses: readonly Pause[];
  graceSpends: readonly GraceSpend[];
}

export type ValidationResult = { ok: true } | { ok: false; code: string; message: string };

/** Input that cannot be judged at all (a bad zone, date, instant or option): says which field. */
export class VerdictInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'VerdictInputError';
  }
}
