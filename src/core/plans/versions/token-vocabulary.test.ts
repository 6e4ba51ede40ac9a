import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TYPO_CLOSENESS, TokenVocabulary, diceOfSets } from './token-vocabulary.js';

describe('TokenVocabulary', () => {
  it('finds typo-close words and not others', () => {
    const vocabulary = new TokenVocabulary();
    const [implement, implment, deploy] = ['implement', 'implment', 'deploy'].map((word) =>
      vocabulary.id(word),
    );
    expect([...vocabulary.closeTo(implement!).keys()]).toEqual([implment]);
    expect(vocabulary.closeTo(deploy!).size).toBe(0);
  });

  it('finds exactly the words a brute-force comparison finds (prefix filtering loses nothing)', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'd', 'е', '설'),
      minLength: 1,
      maxLength: 7,
    });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), (words) => {
        const vocabulary = new TokenVocabulary();
        const ids = words.map((w) => vocabulary.id(w));
        for (const id of ids) {
          const expected = ids.filter(
            (other) =>
              other !== id && diceOfSets(vocabulary.grams(id), vocabulary.grams(other)) >= TYPO_CLOSENESS,
          );
          expect([...vocabulary.closeTo(id).keys()].sort((a, b) => a - b)).toEqual(expected);
        }
      }),
    );
  });

  it('sees words added after a lookup', () => {
    const vocabulary = new TokenVocabulary();
    const login = vocabulary.id('login');
    expect(vocabulary.closeTo(login).size).toBe(0);
    const logins = vocabulary.id('logins');
    expect([...vocabulary.closeTo(login).keys()]).toEqual([logins]);
  });
});
