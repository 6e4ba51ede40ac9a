import { describe, expect, it } from 'vitest';
import type { ContractChange } from './contract.model.js';
import { effectiveAt } from './effective-at.js';

const REQUESTED = '2026-05-01T10:00:00.000Z';
const easier: ContractChange = { field: 'graceTokensPerSprint', direction: 'easier', description: '1 → 2' };
const harder: ContractChange = { field: 'witnesses', direction: 'harder', description: 'adds "u3"' };
const neutral: ContractChange = { field: 'minutesPerWeekday', direction: 'neutral', description: 'moved' };
const at = (result: ReturnType<typeof effectiveAt>) => result.changes.map((change) => change.effectiveAt);

describe('effectiveAt', () => {
  it('easier waits 7 days', () => {
    const result = effectiveAt({ changes: [easier], requestedAt: REQUESTED });
    expect(at(result)).toEqual(['2026-05-08T10:00:00.000Z']);
    expect(result.fullyEffectiveAt).toBe('2026-05-08T10:00:00.000Z');
  });

  it('a witness approval makes the easing effective at the approval', () => {
    const result = effectiveAt({
      changes: [easier],
      requestedAt: REQUESTED,
      approvedByWitnessAt: '2026-05-02T09:00:00.000Z',
    });
    expect(at(result)).toEqual(['2026-05-02T09:00:00.000Z']);
  });

  it('an approval after the delay, or before the request, changes nothing retroactively', () => {
    expect(
      at(
        effectiveAt({
          changes: [easier],
          requestedAt: REQUESTED,
          approvedByWitnessAt: '2026-06-01T00:00:00Z',
        }),
      ),
    ).toEqual(['2026-05-08T10:00:00.000Z']);
    expect(
      at(
        effectiveAt({
          changes: [easier],
          requestedAt: REQUESTED,
          approvedByWitnessAt: '2026-04-01T00:00:00Z',
        }),
      ),
    ).toEqual([REQUESTED]);
  });

  it('harder and neutral apply at once', () => {
    const result = effectiveAt({ changes: [harder, neutral], requestedAt: REQUESTED });
    expect(at(result)).toEqual([REQUESTED, REQUESTED]);
    expect(result.fullyEffectiveAt).toBe(REQUESTED);
  });

  it('mixed: the harder part now, the easier part after the delay', () => {
    const result = effectiveAt({ changes: [harder, easier], requestedAt: REQUESTED, delayDays: 3 });
    expect(result.changes).toEqual([
      { ...harder, effectiveAt: REQUESTED },
      { ...easier, effectiveAt: '2026-05-04T10:00:00.000Z' },
    ]);
    expect(result.fullyEffectiveAt).toBe('2026-05-04T10:00:00.000Z');
  });

  it('refuses malformed instants and a negative delay', () => {
    expect(() => effectiveAt({ changes: [], requestedAt: 'soon' })).toThrow(RangeError);
    expect(() => effectiveAt({ changes: [], requestedAt: REQUESTED, delayDays: -1 })).toThrow(RangeError);
  });
});
