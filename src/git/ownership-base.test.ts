import { describe, expect, it } from 'vitest';
import { lineCount, parseCatFileBatch } from './ownership-base.js';

describe('lineCount', () => {
  it('counts lines as git does: a last line without a newline still counts', () => {
    expect(lineCount(Buffer.from(''))).toBe(0);
    expect(lineCount(Buffer.from('a\nb\n'))).toBe(2);
    expect(lineCount(Buffer.from('a\nb'))).toBe(2);
    expect(lineCount(Buffer.from('a\r\nb\r\n'))).toBe(2);
  });
});

describe('parseCatFileBatch', () => {
  it('returns each blob’s bytes, and null for a missing name or anything not a blob', () => {
    const blob = Buffer.from([0, 1, 10, 2]);
    const output = Buffer.concat([
      Buffer.from(`${'a'.repeat(40)} blob 4\n`),
      blob,
      Buffer.from('\nHEAD:gone.txt missing\n'),
      Buffer.from(`${'b'.repeat(40)} tree 0\n\n`),
    ]);
    expect(parseCatFileBatch(output)).toEqual([blob, null, null]);
    expect(() => parseCatFileBatch(Buffer.from('no newline'))).toThrow(/truncated/);
  });
});
