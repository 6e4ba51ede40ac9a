import { describe, expect, it } from 'vitest';
import { type PathKind, classifyProof, formatBytes, isPullRequestUrl } from './proof.js';
import { usageError } from './testing.js';

describe('classifyProof', () => {
  const files: Record<string, PathKind> = {
    'shot.png': 'file',
    'docs/receipt.pdf': 'file',
    shots: 'directory',
  };
  const classify = (values: string[]) => classifyProof(values, (value) => files[value]);

  it('tells pull requests from live pages', () => {
    expect(
      classify([
        'https://github.com/ada/app/pull/12',
        'https://github.com/ada/app/pull/12/files',
        'https://gitlab.com/group/sub/app/-/merge_requests/3',
        'https://git.example.org/team/app/-/merge_requests/44/diffs',
        'https://bitbucket.org/ada/app/pull-requests/5',
        'https://app.example.com/sign-in',
        'https://github.com/ada/app/tree/main',
        'http://example.com/pull/12',
      ]).map((item) => item.kind),
    ).toEqual([
      'pull_request',
      'pull_request',
      'pull_request',
      'pull_request',
      'pull_request',
      'live_url',
      'live_url',
      'live_url',
    ]);
    expect(isPullRequestUrl(new URL('https://github.example.com/o/r/pull/1'))).toBe(true);
    expect(isPullRequestUrl(new URL('https://github.com/o/r/pulls'))).toBe(false);
  });

  it('groups consecutive shas into one item, and reads ranges', () => {
    expect(
      classify([
        'ABC1234',
        'def5678',
        'https://app.example.com',
        '0123456789abcdef0123456789abcdef01234567',
        'abc1234..DEF5678',
      ]),
    ).toEqual([
      { kind: 'commits', shas: ['abc1234', 'def5678'] },
      { kind: 'live_url', url: 'https://app.example.com/' },
      { kind: 'commits', shas: ['0123456789abcdef0123456789abcdef01234567'] },
      { kind: 'commit_range', from: 'abc1234', to: 'def5678' },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => (0x1000000 + i).toString(16));
    expect(classify(many).map((item) => (item.kind === 'commits' ? item.shas.length : 0))).toEqual([100, 1]);
  });

  it('uploads files that exist', () => {
    expect(classify(['shot.png', 'docs/receipt.pdf'])).toEqual([
      { kind: 'upload', path: 'shot.png' },
      { kind: 'upload', path: 'docs/receipt.pdf' },
    ]);
  });

  it('refuses what it cannot read, saying what and which forms work', () => {
    const error = usageError(() => classify(['https://ok.example.com', 'finished it']));
    expect(error.message).toBe('--proof: cannot tell what "finished it" is');
    expect(error.hint).toContain('commit sha (7 to 40 hex digits)');
    expect(error.hint).toContain('--text');
    expect(usageError(() => classify(['missing.png'])).message).toBe('--proof: no such file: missing.png');
    expect(usageError(() => classify(['shots'])).message).toContain('is a directory');
    expect(usageError(() => classify(['ftp://files.example.com/a'])).message).toContain('only http://');
    expect(usageError(() => classify(['abc1234...def5678'])).message).toContain('two (a..b)');
    expect(usageError(() => classify(['abc12'])).message).toContain('cannot tell');
    expect(usageError(() => classify(['0123456789abcdef0123456789abcdef012345678'])).message).toContain(
      'cannot tell',
    );
  });
});

describe('formatBytes', () => {
  it('prints sizes', () => {
    expect([formatBytes(500), formatBytes(120 * 1024), formatBytes(3.5 * 1024 * 1024)]).toEqual([
      '500 B',
      '120 kB',
      '3.5 MB',
    ]);
  });
});
