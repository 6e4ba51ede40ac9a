import type { ContractChange } from './contract.model.js';

export const DEFAULT_EASING_DELAY_DAYS = 7;
const DAY_MS = 86_400_000;

export interface EffectiveChange extends ContractChange {
  effectiveAt: string;
}

export interface EffectiveAtInput {
  changes: readonly ContractChange[];
  requestedAt: string;
  /** When a witness approved the easing, if one has. */
  approvedByWitnessAt?: string | null;
  /** How long an easier change waits without a witness. Default 7. */
  delayDays?: number;
}

export interface EffectiveAtResult {
  /** Each change with the instant it takes effect. */
  changes: EffectiveChange[];
  /** When the last part takes effect (`requestedAt` when nothing waits). */
  fullyEffectiveAt: string;
}

/**
 * When each part of a contract change takes effect. Harder and neutral parts apply at once. Easier
 * parts wait `delayDays` × 24 hours — a cooling-off period, so a bad evening cannot quietly lower
 * the bar — unless a witness approves sooner, which applies them at the approval. A mixed change is
 * split: its parts get different instants, and `interimContract` builds the contract in force
 * while the easier parts wait.
 *
 * @example
 * effectiveAt({ changes, requestedAt: '2026-05-01T10:00:00.000Z' }).fullyEffectiveAt
 * // '2026-05-08T10:00:00.000Z' when any change is easier
 */
export function effectiveAt(input: EffectiveAtInput): EffectiveAtResult {
  const delayDays = input.delayDays ?? DEFAULT_EASING_DELAY_DAYS;
  if (!Number.isFinite(delayDays) || delayDays < 0) throw new RangeError('delayDays must be 0 or more');
  const requested = parseInstant(input.requestedAt, 'requestedAt');
  let eased = requested + delayDays * DAY_MS;
  if (input.approvedByWitnessAt != null) {
    const approved = parseInstant(input.approvedByWitnessAt, 'approvedByWitnessAt');
    // An approval recorded before the request (clock skew) cannot make anything retroactive.
    eased = Math.min(eased, Math.max(approved, requested));
  }
  const changes = input.changes.map((change) => ({
    ...change,
    effectiveAt: new Date(change.direction === 'easier' ? eased : requested).toISOString(),
  }));
  const last = Math.max(requested, ...changes.map((change) => Date.parse(change.effectiveAt)));
  return { changes, fullyEffectiveAt: new Date(last).toISOString() };
}

function parseInstant(iso: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)
    ? Date.parse(iso)
    : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${field} must be an ISO 8601 instant, got "${iso}"`);
  return ms;
}
