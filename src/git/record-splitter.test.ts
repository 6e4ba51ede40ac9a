import { describe, expect, it } from 'vitest';
import { createRecordSplitter } from './record-splitter.js';

describe('createRecordSplitter', () => {
  it('splits on the delimiter and keeps a record that spans chunks', () => {
    const split = createRecordSplitter(0);
    expect(split.push(Buffer.from('a\0b'))).toEqual(['a']);
    expect(split.push(Buffer.from('c'))).toEqual([]);
    expect(split.push(Buffer.from('d\0\0e'))).toEqual(['bcd', '']);
    expect(split.flush()).toEqual(['e']);
    expect(split.flush()).toEqual([]);
  });

  it('decodes a multi-byte character cut between two chunks', () => {
    const bytes = Buffer.from('café\n', 'utf8');
    const split = createRecordSplitter(0x0a);
    expect(split.push(bytes.subarray(0, 4))).toEqual([]);
    expect(split.push(bytes.subarray(4))).toEqual(['café']);
  });

  it('gives nothing at the end when the output ended with the delimiter', () => {
    const split = createRecordSplitter(0x0a);
    expect(split.push(Buffer.from('x\ny\n'))).toEqual(['x', 'y']);
    expect(split.flush()).toEqual([]);
  });
});
