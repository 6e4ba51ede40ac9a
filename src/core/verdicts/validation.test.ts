import { describe, expect, it } from 'vitest';
import { checkin, dateRange, ledger, localInstant } from './testing.js';
import { validateGraceSpend } from './validate-grace.js';
import { validatePauseRequest } from './validate-pause.js';
import type { DayLedger, ValidationResult, VerdictPolicy } from './verdict.model.js';

const code = (result: ValidationResult): string => (result.ok ? 'ok' : result.code);

describe('validatePauseRequest', () => {
  const timeZone = 'Europe/Berlin';
  // Sat 2026-03-28 23:30 CET; the next day is the 23-hour spring-forward Sunday.
  const now = localInstant('2026-03-28', '23:30', timeZone);
  const request = (from: string, to: string, requestedAt = now) =>
    validatePauseRequest({ from, to, requestedAt, timeZone, now });

  it('accepts a pause starting tomorrow, requested in advance', () => {
    expect(request('2026-03-29', '2026-04-03')).toEqual({ ok: true });
  });

  it('refuses a pause starting today or earlier, saying when it could start', () => {
    const today = request('2026-03-28', '2026-03-30');
    expect(today).toMatchObject({ ok: false, code: 'pause.too_late' });
    expect(today.ok || today.message).toContain('Start the pause on 2026-03-29 or later');
    expect(code(request('2026-03-01', '2026-04-02'))).toBe('pause.too_late');
  });

  it('refuses dates in the wrong order, too long a pause, bad dates and a request from the future', () => {
    expect(code(request('2026-04-03', '2026-03-30'))).toBe('pause.ends_before_start');
    expect(code(request('2026-03-29', '2026-04-11'))).toBe('ok'); // exactly 14 days
    const long = request('2026-03-29', '2026-04-12');
    expect(long).toMatchObject({ ok: false, code: 'pause.too_long' });
    expect(long.ok || long.message).toContain('End it by 2026-04-11');
    expect(
      validatePauseRequest({
        from: '2026-03-29',
        to: '2026-03-30',
        requestedAt: now,
        timeZone,
        now,
        maxDays: 1,
      }),
    ).toMatchObject({
      code: 'pause.too_long',
    });
    expect(code(request('2026-02-30', '2026-03-30'))).toBe('pause.invalid_date');
    expect(code(request('2026-03-30', '2026-03-31', '2026-03-29T00:00:00Z'))).toBe(
      'pause.requested_in_future',
    );
  });
});

describe('validateGraceSpend', () => {
  const timeZone = 'Asia/Kolkata';
  const plannedDays = dateRange('2026-03-02', 14).filter((d) => d !== '2026-03-08');
  const policy: VerdictPolicy = {
    grace: { tokensPerSprint: 1, windowHours: 12, sprints: { startDate: '2026-03-02', lengthDays: 7 } },
  };
  const base = ledger({ timeZone, plannedDays });
  // 2026-03-03 ends at 18:30Z; the window closes at 2026-03-04T06:30Z.
  const spend = (
    date: string,
    spentAt: string,
    overrides: Partial<DayLedger> = {},
    verdict?: 'skipped' | 'showed_up',
  ) =>
    validateGraceSpend({
      date,
      spentAt,
      ledger: { ...base, ...overrides },
      policy,
      verdict: verdict && { verdict },
    });

  it('accepts a spend before the day ends or within the window, and excuses a day closed as skipped', () => {
    expect(spend('2026-03-03', '2026-03-03T12:00:00Z')).toEqual({ ok: true });
    expect(spend('2026-03-03', '2026-03-04T06:29:59Z', {}, 'skipped')).toEqual({ ok: true });
  });

  it('refuses once the window has passed', () => {
    const late = spend('2026-03-03', '2026-03-04T06:30:00Z');
    expect(late).toMatchObject({ ok: false, code: 'grace.window_closed' });
    expect(late.ok || late.message).toContain('closed at 2026-03-04T06:30:00.000Z');
  });

  it('refuses when the sprint has no token left, unless the used one was refunded by showing up', () => {
    const graceSpends = [{ date: '2026-03-02', spentAt: '2026-03-02T12:00:00Z' }];
    expect(code(spend('2026-03-03', '2026-03-03T12:00:00Z', { graceSpends }))).toBe('grace.no_tokens');
    const evidence = [checkin(localInstant('2026-03-02', '23:30', timeZone))];
    expect(spend('2026-03-03', '2026-03-03T12:00:00Z', { graceSpends, evidence })).toEqual({ ok: true });
    // The next sprint starts 2026-03-09 with a fresh token.
    expect(spend('2026-03-09', '2026-03-09T12:00:00Z', { graceSpends })).toEqual({ ok: true });
  });

  it('refuses an unplanned day, a judged day, a second spend, a paused day and a day before the first sprint', () => {
    expect(code(spend('2026-03-08', '2026-03-08T12:00:00Z'))).toBe('grace.not_planned');
    expect(code(spend('2026-03-03', '2026-03-03T20:00:00Z', {}, 'showed_up'))).toBe('grace.already_judged');
    const graceSpends = [{ date: '2026-03-03', spentAt: '2026-03-03T10:00:00Z' }];
    expect(code(spend('2026-03-03', '2026-03-03T12:00:00Z', { graceSpends }))).toBe('grace.already_spent');
    const pauses = [
      { from: '2026-03-03', to: '2026-03-03', reason: 'exam', requestedAt: '2026-03-01T00:00:00Z' },
    ];
    expect(code(spend('2026-03-03', '2026-03-03T12:00:00Z', { pauses }))).toBe('grace.paused');
    expect(code(spend('2026-03-01', '2026-03-01T12:00:00Z', { plannedDays: ['2026-03-01'] }))).toBe(
      'grace.no_sprint',
    );
    expect(
      code(
        validateGraceSpend({ date: '2026-03-03', spentAt: '2026-03-03T12:00:00Z', ledger: base, policy: {} }),
      ),
    ).toBe('grace.disabled');
    expect(code(spend('2026-13-03', '2026-03-03T12:00:00Z'))).toBe('grace.invalid_date');
  });
});
