import { describe, expect, it } from 'vitest';
import { consequencesFor, DEFAULT_LADDER, projectHealth, type ConsequenceLadder } from './consequences.js';
import { streak } from './streak.js';
import { verdicts } from './testing.js';
import type { DayVerdict, VerdictKind } from './verdict.model.js';

/** The actions fired by each verdict in turn, as the sweeper would see them. */
function fired(kinds: VerdictKind[], ladder: ConsequenceLadder = DEFAULT_LADDER): string[][] {
  const days = verdicts(kinds);
  return days.map((day, i) => consequencesFor(days.slice(0, i), day, ladder).map((c) => c.action));
}

describe('consequencesFor', () => {
  it('climbs the ladder one rung per skip: nudge, witness, then stalled and replan together', () => {
    expect(fired(['skipped', 'skipped', 'skipped', 'skipped'])).toEqual([
      ['nudge_builder'],
      ['notify_witness'],
      ['mark_stalled', 'require_replan'],
      [],
    ]);
  });

  it('starts over after a showed-up day', () => {
    expect(fired(['skipped', 'skipped', 'showed_up', 'skipped'])).toEqual([
      ['nudge_builder'],
      ['notify_witness'],
      [],
      ['nudge_builder'],
    ]);
  });

  it('lets grace and paused days pass without counting or resetting the run', () => {
    expect(fired(['skipped', 'grace', 'paused', 'skipped', 'grace', 'skipped'])).toEqual([
      ['nudge_builder'],
      [],
      [],
      ['notify_witness'],
      [],
      ['mark_stalled', 'require_replan'],
    ]);
  });

  it('ignores later verdicts and an earlier verdict for the same day, and keys each consequence', () => {
    const days = verdicts(['skipped', 'skipped', 'skipped']);
    const [first, second, third] = days as [DayVerdict, DayVerdict, DayVerdict];
    expect(consequencesFor([third, first], second, DEFAULT_LADDER)).toEqual([
      {
        action: 'notify_witness',
        date: second.date,
        consecutiveSkips: 2,
        key: `${second.date}:notify_witness`,
      },
    ]);
    // Re-judging day 2 (skipped, then excused by grace) with its old verdict still in history.
    expect(consequencesFor([first, second], { ...second, verdict: 'grace' }, DEFAULT_LADDER)).toEqual([]);
  });

  it('refuses a malformed ladder and repeated dates', () => {
    expect(() => fired(['skipped'], [{ afterConsecutiveSkips: 0, action: 'nudge_builder' }])).toThrow(/≥ 1/);
    const [day] = verdicts(['skipped']) as [DayVerdict];
    expect(() => consequencesFor([day, day], { ...day, date: '2026-04-01' }, DEFAULT_LADDER)).toThrow(
      /more than one/,
    );
  });
});

describe('projectHealth', () => {
  const health = (kinds: VerdictKind[], replannedOn?: string) =>
    projectHealth(verdicts(kinds), DEFAULT_LADDER, { replannedOn });

  it('is on track, slipping, then stalled as skips accumulate, and recovers on showing up', () => {
    expect(health([])).toEqual({ state: 'on_track', consecutiveSkips: 0, replanRequired: false });
    expect(health(['showed_up', 'skipped'])).toEqual({
      state: 'slipping',
      consecutiveSkips: 1,
      replanRequired: false,
    });
    expect(health(['skipped', 'grace', 'skipped', 'paused'])).toMatchObject({
      state: 'slipping',
      consecutiveSkips: 2,
    });
    expect(health(['skipped', 'skipped', 'skipped'])).toEqual({
      state: 'stalled',
      consecutiveSkips: 3,
      replanRequired: true,
    });
    expect(health(['skipped', 'skipped', 'skipped', 'showed_up'])).toEqual({
      state: 'on_track',
      consecutiveSkips: 0,
      replanRequired: true,
    });
  });

  it('clears a required replan once the plan is replanned', () => {
    // Days run from 2026-03-02; the replan happened on day 4 (03-05).
    expect(health(['skipped', 'skipped', 'skipped', 'showed_up', 'skipped'], '2026-03-05')).toEqual({
      state: 'slipping',
      consecutiveSkips: 1,
      replanRequired: false,
    });
  });

  it('never stalls without a mark_stalled rung', () => {
    expect(
      projectHealth(verdicts(['skipped', 'skipped', 'skipped', 'skipped']), [
        { afterConsecutiveSkips: 1, action: 'nudge_builder' },
      ]),
    ).toEqual({
      state: 'slipping',
      consecutiveSkips: 4,
      replanRequired: false,
    });
  });
});

describe('streak', () => {
  it('counts showed-up days; skipped breaks it; grace and paused neither break nor extend it', () => {
    expect(streak([])).toEqual({ current: 0, longest: 0 });
    expect(streak(verdicts(['showed_up', 'grace', 'showed_up', 'paused', 'showed_up']))).toEqual({
      current: 3,
      longest: 3,
    });
    expect(streak(verdicts(['showed_up', 'showed_up', 'skipped', 'showed_up', 'grace']))).toEqual({
      current: 1,
      longest: 2,
    });
    expect(streak(verdicts(['showed_up', 'skipped']))).toEqual({ current: 0, longest: 1 });
  });

  it('reads verdicts in date order whatever order they come in', () => {
    expect(streak(verdicts(['showed_up', 'showed_up', 'skipped']).reverse())).toEqual({
      current: 0,
      longest: 2,
    });
  });

  it('restarts after a missed checkpoint: the due date ends the run, the due day itself still counts', () => {
    const days = verdicts(['showed_up', 'showed_up', 'showed_up', 'showed_up']);
    const due = days[1]!.date;
    expect(streak(days, { resetAfter: [due] })).toEqual({ current: 2, longest: 2 });
    expect(streak(days, { resetAfter: [days[3]!.date] })).toEqual({ current: 4, longest: 4 });
    expect(streak(days, { resetAfter: [due, days[2]!.date] })).toEqual({ current: 1, longest: 2 });
  });
});
