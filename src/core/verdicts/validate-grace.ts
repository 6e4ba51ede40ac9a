/** Checks a grace spend before it is stored, with the same accounting `judgeDay` applies. */
import { indexLedger } from './day-ledger.js';
import { isLocalDate, requireInstant, toIso } from './local-day.js';
import type {
  DayLedger,
  DayVerdict,
  Instant,
  LocalDate,
  ValidationResult,
  VerdictPolicy,
} from './verdict.model.js';

export interface GraceSpendRequest {
  date: LocalDate;
  spentAt: Instant;
  /** The project's ledger as stored, without this spend. */
  ledger: DayLedger;
  policy: VerdictPolicy;
  /** The day's verdict if it was already closed. */
  verdict?: Pick<DayVerdict, 'verdict'> | null;
}

/**
 * Refuses a grace spend when grace is off, the day has no planned work, it already has a verdict
 * other than skipped (a skipped day may be excused within the window), a token was already spent
 * on it, it is paused, the window after the day has closed, it is before the first sprint, or the
 * sprint has no token left. Tokens are counted exactly as `judgeDay` counts them: spends on days
 * the builder showed up for or that were paused give theirs back.
 */
export function validateGraceSpend(request: GraceSpendRequest): ValidationResult {
  const { date, ledger } = request;
  const spentMs = requireInstant(request.spentAt, 'spentAt');
  if (!isLocalDate(date))
    return refuse('grace.invalid_date', `"${date}" is not a date; give it as YYYY-MM-DD.`);
  if (!request.policy.grace) {
    return refuse(
      'grace.disabled',
      'This contract has no grace tokens; ask your witness to add them, or pause ahead of time.',
    );
  }
  const index = indexLedger(ledger, request.policy);
  if (!index.isPlanned(date)) {
    return refuse('grace.not_planned', `${date} has no planned work, so there is nothing to excuse.`);
  }
  const verdict = request.verdict?.verdict;
  if (verdict !== undefined && verdict !== 'skipped') {
    return refuse(
      'grace.already_judged',
      `${date} was already judged ${verdict}; grace only excuses a skipped day.`,
    );
  }
  if (ledger.graceSpends.some((spend) => spend.date === date)) {
    return refuse('grace.already_spent', `A grace token is already spent on ${date}.`);
  }
  const withSpend = indexLedger(
    { ...ledger, graceSpends: [...ledger.graceSpends, { date, spentAt: request.spentAt }] },
    request.policy,
  );
  const outcome = withSpend.grace(date);
  switch (outcome.status) {
    case 'late':
      return refuse(
        'grace.window_closed',
        `The window to excuse ${date} closed at ${toIso(outcome.deadlineMs)} (${toIso(spentMs)} is after it); ` +
          'the day stays skipped. Show up today to end the run of skips.',
      );
    case 'no_sprint':
      return refuse('grace.no_sprint', `${date} is before the first sprint, which has no grace tokens.`);
    case 'no_tokens':
      return refuse(
        'grace.no_tokens',
        `All ${outcome.tokens} grace tokens of the sprint from ${outcome.sprint} are spent or reserved. ` +
          'A token spent on a day you then show up for comes back; otherwise new tokens come with the next sprint.',
      );
    case 'not_needed':
      return outcome.because === 'paused'
        ? refuse('grace.paused', `${date} is paused, so it needs no grace token.`)
        : { ok: true };
    default:
      return { ok: true };
  }
}

function refuse(code: string, message: string): ValidationResult {
  return { ok: false, code, message };
}
