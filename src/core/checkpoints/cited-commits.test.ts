import { describe, expect, it } from 'vitest';
import { judgeCitedCommits, type Lookup } from './cited-commits.js';

const A = `a${'1'.repeat(39)}`;
const B = `b${'2'.repeat(39)}`;
const window = { from: '2026-03-02T08:00:00.000Z', to: '2026-03-06T20:00:00.000Z' };
const found = new Map<string, Lookup>([
  ['a111111', { sha: A, authoredAt: '2026-03-03T18:00:00.000Z' }],
  ['b222222', { sha: B, authoredAt: '2026-03-05T02:00:00.000Z' }],
  ['c0ffee1', { sha: 'c0ffee1'.padEnd(40, '0'), authoredAt: '2026-02-20T10:00:00.000Z' }],
  ['d00d', 'ambiguous'],
]);

describe('judgeCitedCommits', () => {
  it('passes commits Recital has seen, made inside the window', () => {
    expect(judgeCitedCommits({ cited: ['a111111', 'b222222'], found, window })).toEqual({
      status: 'passed',
      detail: '2 commits found, made inside the checkpoint window (2026-03-03 to 2026-03-05)',
    });
  });

  it('fails, saying which and why: unknown, ambiguous, before the window, after the submission', () => {
    const later = new Map(found).set('e1', {
      sha: 'e1'.padEnd(40, '0'),
      authoredAt: '2026-03-07T00:00:00.000Z',
    });
    const result = judgeCitedCommits({
      cited: ['a111111', 'f00f00f', 'd00d', 'c0ffee1', 'e1'],
      found: later,
      window,
    });
    expect(result.status).toBe('failed');
    expect(result.detail.split('; ')).toEqual([
      'f00f00f is not in any connected repository (run `recital sync`)',
      'd00d matches several commits: give more of the SHA',
      "c0ffee1000 was made 2026-02-20, before this checkpoint's window opened",
      'e100000000 is dated 2026-03-07, after the submission',
    ]);
  });

  it('treats the window as open at its start and closed at its end', () => {
    const edge = new Map<string, Lookup>([
      ['a', { sha: A, authoredAt: window.from }],
      ['b', { sha: B, authoredAt: window.to }],
    ]);
    expect(judgeCitedCommits({ cited: ['a'], found: edge, window }).status).toBe('failed');
    expect(judgeCitedCommits({ cited: ['b'], found: edge, window }).status).toBe('passed');
  });
});
