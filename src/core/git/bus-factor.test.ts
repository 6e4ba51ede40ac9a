import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busFactor } from './bus-factor.js';

const file = (...understoodBy: string[]) => ({ lines: 10, understoodBy });

describe('busFactor', () => {
  it('removes whoever covers most files until over half are orphaned', () => {
    const files = [file('ada'), file('ada'), file('ada', 'bob'), file('bob'), file('carol'), file('carol')];
    // Remove ada (3 files): 2 of 6 orphaned, not over half. Then bob and carol cover 2 each; bob
    // goes first by e-mail: 4 of 6 orphaned.
    expect(busFactor(files)).toEqual({ busFactor: 2, keyPeople: ['ada', 'bob'] });
  });

  it('is 1 when one person understands everything', () => {
    expect(busFactor([file('ada'), file('ada', 'bob'), file('ada')])).toEqual({
      busFactor: 1,
      keyPeople: ['ada'],
    });
  });

  it('is 0 when nobody understands over half of the files already', () => {
    expect(busFactor([file(), file(), file('ada')])).toEqual({ busFactor: 0, keyPeople: [] });
    expect(busFactor([])).toEqual({ busFactor: 0, keyPeople: [] });
  });

  it('needs strictly more than half orphaned: at exactly half it keeps going', () => {
    expect(busFactor([file(), file('ada')]).busFactor).toBe(1);
    expect(busFactor([file(), file(), file('ada'), file('bob')]).busFactor).toBe(1);
  });

  it('breaks ties by e-mail and leaves empty files out', () => {
    expect(busFactor([file('bob'), file('ada')])).toEqual({ busFactor: 2, keyPeople: ['ada', 'bob'] });
    expect(busFactor([file('bob'), file('ada'), file()])).toEqual({ busFactor: 1, keyPeople: ['ada'] });
    expect(
      busFactor([{ lines: 0, understoodBy: [] }, { lines: 0, understoodBy: [] }, file('ada')]).busFactor,
    ).toBe(1);
  });

  it('never exceeds the number of people and ends with over half orphaned', () => {
    const people = ['ada', 'bob', 'carol', 'dan'];
    const files = fc.array(fc.subarray(people), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(files, (lists) => {
        const { busFactor: value, keyPeople } = busFactor(lists.map((list) => file(...list)));
        expect(value).toBeLessThanOrEqual(new Set(lists.flat()).size);
        const orphaned = lists.filter((list) => list.every((person) => keyPeople.includes(person))).length;
        expect(orphaned * 2).toBeGreaterThan(lists.length);
      }),
    );
  });
});
