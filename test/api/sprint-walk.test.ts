import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn,
  createApiClient,
  exportLedger,
  importPlan,
  listDays,
  listNotifications,
  requestPause,
  setTestClock,
  spendGrace,
  verifyLedger,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { committedProject, TWO_WEEK_PLAN, type TestUser } from '../helpers/commitment.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Each zone's UTC offset in hours, written out by hand (not computed by the code under test): the
 * offset before the clock change, the local date it changes on, and the offset after.
 */
const ZONES = [
  { zone: 'America/Los_Angeles', start: '2026-03-02', before: -8, change: '2026-03-08', after: -7 },
  { zone: 'Asia/Kolkata', start: '2026-03-02', before: 5.5, change: '2099-01-01', after: 5.5 },
  { zone: 'Pacific/Auckland', start: '2026-03-30', before: 13, change: '2026-04-05', after: 12 },
  { zone: 'Europe/Berlin', start: '2026-03-23', before: 1, change: '2026-03-29', after: 2 },
] as const;

type Zone = (typeof ZONES)[number];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The instant of a local wall-clock time on a date (never inside a DST gap in this walk). */
const at = (z: Zone, date: string, time: string) => {
  const offset = date < z.change ? z.before : z.after;
  return new Date(Date.parse(`${date}T${time}:00Z`) - offset * 3_600_000).toISOString();
};

/**
 * Two weeks of evenings, the same story in every zone. Day 0 is the Monday the builder commits;
 * days are judged from Tuesday. Weekends are never planned.
 */
const STORY: { day: number; does: 'work' | 'nothing' | 'grace' | 'paused'; verdict: string }[] = [
  { day: 1, does: 'work', verdict: 'showed_up' },
  { day: 2, does: 'work', verdict: 'showed_up' },
  { day: 3, does: 'nothing', verdict: 'skipped' }, // first skip: the builder is nudged
  { day: 4, does: 'grace', verdict: 'grace' }, // a token spent before the day ends
  { day: 7, does: 'nothing', verdict: 'skipped' }, // second in a row (grace neither counts nor ends a run)
  { day: 8, does: 'nothing', verdict: 'skipped' }, // third: stalled, and a re-plan is required
  { day: 9, does: 'paused', verdict: 'paused' },
  { day: 10, does: 'paused', verdict: 'paused' },
  { day: 11, does: 'work', verdict: 'showed_up' },
  { day: 14, does: 'work', verdict: 'showed_up' },
];

describeEachDialect('a two-week sprint walked day by day', (dialect) => {
  for (const z of ZONES) {
    describe(z.zone, () => {
      let server: TestServer;
      let builder: TestUser;
      let witness: TestUser;
      let projectId: string;
      const moveTo = (now: string) =>
        createApiClient({ baseUrl: server.url }).call(setTestClock, { body: { now } });
      const date = (day: number) => addDays(z.start, day);

      beforeAll(async () => {
        server = await startTestServer({
          dialect,
          clock: fixedClock(new Date(at(z, z.start, '09:00'))),
          env: { RECITAL_TEST_CLOCK: '1' },
        });
        ({ builder, witness, projectId } = await committedProject(server.url, {
          builderZone: z.zone,
          witnessZone: 'Europe/London',
          dueDates: { 'cp-week-1': date(18), 'cp-week-2': date(25) },
        }));
      });
      afterAll(() => server.close());

      it('judges every planned day at its local midnight, across the clock change, with its consequences', async () => {
        for (let day = 1; day <= 14; day++) {
          const today = date(day);
          const plan = STORY.find((s) => s.day === day);
          await moveTo(at(z, today, '20:00'));
          if (plan?.does === 'work')
            await builder.client.call(checkIn, {
              params: { projectId },
              body: { text: `Evening ${day}`, minutes: 45 },
            });
          if (plan?.does === 'grace')
            await builder.client.call(spendGrace, { params: { projectId }, body: { date: today } });
          if (day === 7)
            await builder.client.call(requestPause, {
              params: { projectId },
              body: { from: date(9), to: date(10), reason: 'Conference' },
            });
          if (day === 12) {
            await moveTo(at(z, today, '21:00'));
            await builder.client.call(importPlan, {
              params: { projectId },
              body: { text: `${TWO_WEEK_PLAN}- [ ] Launch post (1h)\n`, reason: 'Slipped a week: cut scope' },
            });
          }
          await moveTo(at(z, date(day + 1), '00:05'));
        }

        const days = await builder.client.call(listDays, { params: { projectId } });
        expect(days.verdicts.map((v) => [v.date, v.verdict, v.closedAt])).toEqual(
          STORY.map((s) => [date(s.day), s.verdict, at(z, date(s.day + 1), '00:00')]),
        );
        expect(days.streak).toEqual({ current: 2, longest: 2 });
        expect(days.health).toEqual({ state: 'on_track', consecutiveSkips: 0, replanRequired: false });

        const ledger = (await builder.client.call(exportLedger, { params: { projectId } })).entries;
        expect(
          ledger
            .filter((e) => e.kind === 'consequence.applied')
            .map((e) => [e.payload.action, e.payload.date]),
        ).toEqual([
          ['nudge_builder', date(3)],
          ['notify_witness', date(7)],
          ['mark_stalled', date(8)],
          ['require_replan', date(8)],
        ]);
        expect(ledger.filter((e) => e.kind === 'day.verdict')).toHaveLength(STORY.length);
        expect((await builder.client.call(verifyLedger, { params: { projectId } })).ok).toBe(true);
        const kinds = async (who: TestUser) =>
          (await who.client.call(listNotifications, { query: { limit: 200 } })).items.map((n) => n.kind);
        expect(await kinds(builder)).toEqual(
          expect.arrayContaining(['day.nudge_builder', 'day.require_replan']),
        );
        expect(await kinds(witness)).toEqual(
          expect.arrayContaining(['day.notify_witness', 'day.mark_stalled']),
        );
        expect((await kinds(witness)).filter((k) => k.startsWith('day.'))).toHaveLength(2);
      });
    });
  }
});
