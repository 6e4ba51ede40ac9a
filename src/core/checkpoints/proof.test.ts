import { describe, expect, it } from 'vitest';
import type { ProofItem } from './checkpoint.model.js';
import { PROOF_LIMITS, proofIssues } from './proof.js';

const paths = (proof: ProofItem[], note = '') => proofIssues(proof, note).map((issue) => issue.path);

describe('proofIssues', () => {
  it('accepts every kind of proof', () => {
    const proof: ProofItem[] = [
      { kind: 'commits', shas: ['abc1234', 'ABCDEF0123456789abcdef0123456789abcdef01'] },
      { kind: 'commit_range', from: 'abc1234', to: 'def5678' },
      { kind: 'pull_request', url: 'https://github.com/acme/app/pull/7' },
      { kind: 'live_url', url: 'http://demo.example.org/' },
      { kind: 'file', fileId: 'f_1', mediaType: 'image/png', bytes: 1024, name: 'screen shot.png' },
      { kind: 'text', text: 'Walkthrough in the README.' },
    ];
    expect(proofIssues(proof, 'all done')).toEqual([]);
  });

  it('refuses empty proof', () => {
    expect(proofIssues([], '')).toEqual([{ path: 'proof', message: 'at least one proof item is required' }]);
  });

  it('refuses too many items', () => {
    const many = Array.from({ length: PROOF_LIMITS.maxItems + 1 }, () => ({
      kind: 'text' as const,
      text: 'x',
    }));
    expect(paths(many)).toEqual(['proof']);
  });

  it('refuses bad shas: too short, too long, not hex, none', () => {
    expect(paths([{ kind: 'commits', shas: ['abc12', 'a'.repeat(41), 'xyz1234', 'abc1234'] }])).toEqual([
      'proof[0].shas[0]',
      'proof[0].shas[1]',
      'proof[0].shas[2]',
    ]);
    expect(paths([{ kind: 'commits', shas: [] }])).toEqual(['proof[0].shas']);
    expect(paths([{ kind: 'commit_range', from: 'main', to: 'abc1234' }])).toEqual(['proof[0].from']);
  });

  it('refuses javascript:, data:, ftp:, relative and credentialed URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.org/file',
      '/relative/path',
      'https://user:secret@example.org/',
      '',
      `https://example.org/${'a'.repeat(PROOF_LIMITS.maxUrlLength)}`,
    ]) {
      expect(paths([{ kind: 'live_url', url }]), url).toEqual(['proof[0].url']);
      expect(paths([{ kind: 'pull_request', url }]), url).toEqual(['proof[0].url']);
    }
    expect(proofIssues([{ kind: 'live_url', url: 'javascript:alert(1)' }], '')[0]?.message).toBe(
      'only http and https links are accepted, not "javascript:"',
    );
  });

  it('refuses bad files', () => {
    expect(
      paths([{ kind: 'file', fileId: '', mediaType: 'png', bytes: 0, name: '../etc/passwd' }]).sort(),
    ).toEqual(['proof[0].bytes', 'proof[0].fileId', 'proof[0].mediaType', 'proof[0].name']);
    expect(
      paths([
        {
          kind: 'file',
          fileId: 'f',
          mediaType: 'image/png',
          bytes: PROOF_LIMITS.maxFileBytes + 1,
          name: 'a',
        },
      ]),
    ).toEqual(['proof[0].bytes']);
  });

  it('limits text and note lengths, and refuses blank text', () => {
    expect(paths([{ kind: 'text', text: '  ' }])).toEqual(['proof[0].text']);
    expect(paths([{ kind: 'text', text: 'x'.repeat(PROOF_LIMITS.maxTextLength + 1) }])).toEqual([
      'proof[0].text',
    ]);
    expect(paths([{ kind: 'text', text: 'ok' }], 'n'.repeat(PROOF_LIMITS.maxNoteLength + 1))).toEqual([
      'note',
    ]);
    expect(paths([{ kind: 'text', text: 'ok' }], '')).toEqual([]);
  });

  it('refuses an unknown kind from untyped input', () => {
    expect(paths([{ kind: 'video', url: 'https://x.org' } as unknown as ProofItem])).toEqual([
      'proof[0].kind',
    ]);
  });
});
