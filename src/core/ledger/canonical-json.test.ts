import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json.js';

/** The same object with its keys inserted in another order, at every depth. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, index) => shuffleKeys(item, seed + index));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  const rotated = keys.map((_, index) => keys[(index + seed) % keys.length] as string).reverse();
  return Object.fromEntries(
    rotated.map((key) => [key, shuffleKeys((value as Record<string, unknown>)[key], seed)]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] })).toBe(
      '{"a":[true,{"c":"x","d":null}],"b":1}',
    );
  });

  it('sorts by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it('writes numbers the way ECMAScript specifies', () => {
    expect(canonicalJson([0, -0, 1.5, 1e21, 1e-7, 0.1 + 0.2, 2 ** 53])).toBe(
      '[0,0,1.5,1e+21,1e-7,0.30000000000000004,9007199254740992]',
    );
  });

  it('keeps strings exactly (no Unicode normalisation) and escapes lone surrogates', () => {
    expect(canonicalJson('caf\u00e9')).not.toBe(canonicalJson('cafe\u0301'));
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
    expect(canonicalJson('a"\n')).toBe('"a\\"\\n"');
  });

  it('leaves out undefined properties but refuses undefined elsewhere', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson([1, undefined])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(undefined)).toThrow(CanonicalJsonError);
  });

  it.each([
    ['NaN', { n: Number.NaN }, '/n'],
    ['Infinity', [Number.POSITIVE_INFINITY], '/0'],
    ['a bigint', { a: { b: 1n } }, '/a/b'],
    ['a Date', { at: new Date(0) }, '/at'],
    ['a Map', { 'x/y': new Map() }, '/x~1y'],
    ['a function', { f: () => 1 }, '/f'],
  ])('refuses %s and says where', (_, value, path) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ path }));
  });

  it('refuses cycles but accepts the same object twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/refers to itself/);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it('does not depend on key insertion order, and reads back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(20), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
