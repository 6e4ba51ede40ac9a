import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeDueDays } from './judge-day.js';
import { dateRange } from './testing.js';
import type { DayLedger, DayVerdict, Evidence, VerdictPolicy } from './verdict.model.js';

// Three weeks around Berlin's and Auckland's spring changes, in zones on both sides of UTC.
const DAYS = dateRange('2026-03-23', 21);
const FIRST_MS = Date.parse('2026-03-22T00:00:00Z');
const LAST_MS = Date.parse('2026-04-15T00:00:00Z');
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];
const policy: VerdictPolicy = {
  grace: { tokensPerSprint: 2, windowHours: 12, sprints: { startDate: '2026-03-23', lengthDays: 7 } },
};

const instant = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => new Date(ms).toISOString());
const day = fc.constantFrom(...DAYS);
const evidence = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom('checkin', 'task_done', 'task_started', 'commit', 'note'),
  at: instant,
  minutes: fc.option(fc.integer({ min: -10, max: 90 }), { nil: undefined }),
}) as fc.Arbitrary<Evidence>;
const ledgerArb: fc.Arbitrary<DayLedger> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  plannedDays: fc.subarray(DAYS),
  evidence: fc.array(evidence, { maxLength: 25 }),
  pauses: fc.array(
    fc
      .record({ from: day, to: day, reason: fc.constant('away'), requestedAt: instant })
      .map((p) => (p.from <= p.to ? p : { ...p, from: p.to, to: p.from })),
    { maxLength: 3 },
  ),
  graceSpends: fc.array(fc.record({ date: day, spentAt: instant }), { maxLength: 6 }),
});

const END = new Date(LAST_MS).toISOString();
const judgeAll = (ledger: DayLedger): DayVerdict[] =>
  judgeDueDays({ ...ledger, policy, closedThrough: null, now: END });

describe('verdict properties', () => {
  it('are deterministic whatever the order of the records', () => {
    fc.assert(
      fc.property(ledgerArb, fc.infiniteStream(fc.nat()), (ledger, seeds) => {
        const shuffle = <T>(items: readonly T[]): T[] =>
          items
            .map((item) => ({ item, key: seeds.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const shuffled = {
          ...ledger,
          plannedDays: shuffle(ledger.plannedDays),
          evidence: shuffle(ledger.evidence),
          pauses: shuffle(ledger.pauses),
          graceSpends: shuffle(ledger.graceSpends),
        };
        expect(judgeAll(shuffled)).toEqual(judgeAll(ledger));
      }),
    );
  });

  it('give every planned day past its end exactly one verdict, in order, however the sweeps fall', () => {
    fc.assert(
      fc.property(ledgerArb, fc.array(instant, { minLength: 1, maxLength: 6 }), (ledger, nows) => {
        const sweeps = [...nows].sort();
        const closed: DayVerdict[] = [];
        for (const now of sweeps) {
          closed.push(
            ...judgeDueDays({ ...ledger, policy, now, closedThrough: closed.at(-1)?.date ?? null }),
          );
        }
        // Sweeping in batches gives the verdicts of closing everything at once, cut at the last sweep.
        const last = Date.parse(sweeps.at(-1)!);
        const all = judgeAll(ledger);
        expect(all.map((v) => v.date)).toEqual([...new Set(ledger.plannedDays)].sort());
        expect(closed).toEqual(all.filter((v) => Date.parse(v.closedAt) <= last));
      }),
    );
  });

  it('never turn a day that was not skipped into a skipped one when evidence is added', () => {
    fc.assert(
      fc.property(ledgerArb, fc.array(evidence, { minLength: 1, maxLength: 5 }), (ledger, more) => {
        const before = judgeAll(ledger);
        const after = judgeAll({
          ...ledger,
          evidence: [...ledger.evidence, ...more.map((e) => ({ ...e, id: `new-${e.id}` }))],
        });
        before.forEach((verdict, i) => {
          if (verdict.verdict === 'showed_up') expect(after[i]!.verdict).toBe('showed_up');
          if (verdict.verdict !== 'skipped') expect(after[i]!.verdict).not.toBe('skipped');
        });
      }),
    );
  });
});
