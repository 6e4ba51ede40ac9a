/** Checks a pause request before it is stored: pauses are arranged in advance, never after the fact. */
import { addLocalDays, localDaysBetween } from '../schedule/calendar.js';
import { dayStartMs, isLocalDate, localDateOf, requireInstant, requireTimeZone, toIso } from './local-day.js';
import type { Instant, LocalDate, ValidationResult } from './verdict.model.js';

export const DEFAULT_MAX_PAUSE_DAYS = 14;

export interface PauseRequest {
  from: LocalDate;
  to: LocalDate;
  requestedAt: Instant;
  timeZone: string;
  now: Instant;
  /** The longest pause, in days. Default {@link DEFAULT_MAX_PAUSE_DAYS}. */
  maxDays?: number;
}

/**
 * Refuses a pause whose first day has already begun (in the builder's zone, at `requestedAt`),
 * one that ends before it starts, and one longer than `maxDays`. The zone and the instants come
 * from the server and throw `VerdictInputError` when malformed; the dates come from the builder
 * and are answered with a code and a message saying how to fix them.
 *
 * @example validatePauseRequest({ from: '2026-03-10', to: '2026-03-12', requestedAt, timeZone, now })
 */
export function validatePauseRequest(request: PauseRequest): ValidationResult {
  const timeZone = requireTimeZone(request.timeZone);
  const requested = requireInstant(request.requestedAt, 'requestedAt');
  const now = requireInstant(request.now, 'now');
  const maxDays = request.maxDays ?? DEFAULT_MAX_PAUSE_DAYS;
  const { from, to } = request;
  for (const [field, date] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isLocalDate(date)) {
      return refuse('pause.invalid_date', `"${date}" is not a date; give ${field} as YYYY-MM-DD.`);
    }
  }
  if (requested > now) {
    return refuse('pause.requested_in_future', `The request time ${request.requestedAt} is in the future.`);
  }
  if (to < from) {
    return refuse(
      'pause.ends_before_start',
      `The pause ends (${to}) before it starts (${from}); swap the dates.`,
    );
  }
  const start = dayStartMs(from, timeZone);
  if (requested >= start) {
    const earliest = addLocalDays(localDateOf(requested, timeZone), 1);
    return refuse(
      'pause.too_late',
      `Pauses must be requested before their first day begins, and ${from} began at ${toIso(start)} ` +
        `(${timeZone}). Start the pause on ${earliest} or later; for a day already under way, spend a grace token.`,
    );
  }
  const days = localDaysBetween(from, to) + 1;
  if (days > maxDays) {
    return refuse(
      'pause.too_long',
      `A pause lasts at most ${maxDays} days and this one lasts ${days}. ` +
        `End it by ${addLocalDays(from, maxDays - 1)}, or replan if the work no longer fits.`,
    );
  }
  return { ok: true };
}

function refuse(code: string, message: string): ValidationResult {
  return { ok: false, code, message };
}
