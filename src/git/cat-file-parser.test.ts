import { describe, expect, it } from 'vitest';
import { createCatFileParser, type CatFileFrame } from './cat-file-parser.js';

const SHA = 'f'.repeat(40);
const OUTPUT = Buffer.concat([
  Buffer.from(`${SHA} blob 6\nnaïve\n`),
  Buffer.from('nope missing\n'),
  Buffer.from(`${SHA} blob 0\n\n`),
  Buffer.from(`${SHA} blob 3\na\nb\n`),
]);

function contentOf(frame: CatFileFrame | undefined): string | null {
  return frame?.kind === 'found' ? (frame.content?.toString('utf8') ?? null) : null;
}

describe('createCatFileParser', () => {
  it('reads frames by byte size, whatever the content holds', () => {
    const frames = createCatFileParser({ withContent: true }).push(OUTPUT);
    expect(frames.map(contentOf)).toEqual(['naïve', null, '', 'a\nb']);
    expect(frames[1]).toEqual({ kind: 'missing', name: 'nope' });
  });

  it('gives the same frames when the output arrives one byte at a time', () => {
    const parser = createCatFileParser({ withContent: true });
    const frames: CatFileFrame[] = [];
    for (let i = 0; i < OUTPUT.length; i++) frames.push(...parser.push(OUTPUT.subarray(i, i + 1)));
    expect(frames.map(contentOf)).toEqual(['naïve', null, '', 'a\nb']);
    expect(() => parser.end()).not.toThrow();
  });

  it('reads --batch-check headers without content', () => {
    const frames = createCatFileParser({ withContent: false }).push(
      Buffer.from(`${SHA} commit 230\nbeef missing\n`),
    );
    expect(frames).toEqual([
      { kind: 'found', sha: SHA, type: 'commit', size: 230, content: null },
      { kind: 'missing', name: 'beef' },
    ]);
  });

  it('notices output cut in the middle of an object', () => {
    const parser = createCatFileParser({ withContent: true });
    parser.push(Buffer.from(`${SHA} blob 10\nabc`));
    expect(() => parser.end()).toThrow(/middle of an object/);
  });
});
