import { describe, expect, it } from 'vitest';
import {
  findFooters,
  findTrailer,
  parseIdentity,
  parseTrailers,
  sameKey,
  trailerValues,
} from './trailers.js';

const CLAUDE_CODE_COMMIT = `Add retry with backoff to the webhook sender

Deliveries that fail with a 5xx are retried up to five times with full
jitter; 4xx responses are final.

🤖 Generated with [Claude Code](https://claude.com/claude-code)

Co-Authored-By: Claude <noreply@anthropic.com>
`;

const KERNEL_STYLE = `mm: fix use-after-free in page cache lookup

The folio may be freed between the lookup and the refcount bump.

Fixes: 1a2b3c4d5e6f ("mm: convert page cache to folios")
Reported-by: Jane Tester <jane@example.org>
Signed-off-by: Ada Lovelace <ada@example.org>
(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)
`;

describe('parseTrailers', () => {
  it('reads the last paragraph of key: value lines', () => {
    expect(parseTrailers(CLAUDE_CODE_COMMIT)).toEqual([
      { key: 'Co-Authored-By', value: 'Claude <noreply@anthropic.com>' },
    ]);
  });

  it('keeps order and skips the cherry-pick line git counts but does not print', () => {
    expect(parseTrailers(KERNEL_STYLE)).toEqual([
      { key: 'Fixes', value: '1a2b3c4d5e6f ("mm: convert page cache to folios")' },
      { key: 'Reported-by', value: 'Jane Tester <jane@example.org>' },
      { key: 'Signed-off-by', value: 'Ada Lovelace <ada@example.org>' },
    ]);
  });

  it('never reads the subject paragraph as trailers', () => {
    expect(parseTrailers('Refs: T12')).toEqual([]);
    expect(parseTrailers('Fix: the thing\nCo-authored-by: Bob <bob@example.com>')).toEqual([]);
  });

  it('needs the block to be all trailers, unless a git-generated trailer makes a quarter enough', () => {
    const mixed = 'Subject\n\nThis paragraph talks.\nCo-authored-by: Bob <bob@example.com>\n';
    expect(parseTrailers(mixed)).toEqual([]);

    const signed = `Subject

Some prose line one
Some prose line two
Some prose line three
Signed-off-by: Ada <ada@example.org>
`;
    expect(parseTrailers(signed)).toEqual([{ key: 'Signed-off-by', value: 'Ada <ada@example.org>' }]);

    const tooMuchProse = `Subject

one
two
three
four
Signed-off-by: Ada <ada@example.org>
`;
    expect(parseTrailers(tooMuchProse)).toEqual([]);
  });

  it('unfolds continuation lines and accepts spaces before the colon', () => {
    const message = `Subject

Body.

Acked-by : Bob <bob@example.com>
Link: https://lore.example.org/r/
  20240101-long-thread-id@example.org
Key-Without-Value:
`;
    expect(parseTrailers(message)).toEqual([
      { key: 'Acked-by', value: 'Bob <bob@example.com>' },
      { key: 'Link', value: 'https://lore.example.org/r/ 20240101-long-thread-id@example.org' },
      { key: 'Key-Without-Value', value: '' },
    ]);
  });

  it('refuses keys with spaces or punctuation', () => {
    expect(parseTrailers('Subject\n\nNot a key: value\n')).toEqual([]);
    expect(parseTrailers('Subject\n\nkey_with_underscore: value\n')).toEqual([]);
  });

  it('skips comment lines, trailing blank lines and CRLF endings', () => {
    const message = 'Subject\r\n\r\nBody\r\n\r\n# a comment\r\nRefs: T12\r\n\r\n\r\n';
    expect(parseTrailers(message)).toEqual([{ key: 'Refs', value: 'T12' }]);
  });

  it('stops at a patch divider only when asked', () => {
    const patch = 'Subject\n\nBody\n\nSigned-off-by: A <a@x.org>\n---\nindex: 2\n';
    expect(parseTrailers(patch, { stopAtDivider: true })).toEqual([
      { key: 'Signed-off-by', value: 'A <a@x.org>' },
    ]);
    expect(parseTrailers(patch).map((trailer) => trailer.key)).toEqual(['Signed-off-by', 'index']);
  });

  it('reads the final block of a squash-merged Copilot agent pull request', () => {
    const squash = `Add dark mode toggle (#146)

* Initial plan

* Add dark mode toggle to settings

Co-authored-by: wdhunter645 <203789911+wdhunter645@users.noreply.github.com>

---------

Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>
Co-authored-by: wdhunter645 <203789911+wdhunter645@users.noreply.github.com>`;
    expect(trailerValues(parseTrailers(squash), 'co-authored-by')).toEqual([
      'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>',
      'wdhunter645 <203789911+wdhunter645@users.noreply.github.com>',
    ]);
  });
});

describe('trailer helpers', () => {
  const trailers = parseTrailers(KERNEL_STYLE);

  it('finds by key case-insensitively', () => {
    expect(sameKey('Co-Authored-By', 'co-authored-by')).toBe(true);
    expect(findTrailer(trailers, 'SIGNED-OFF-BY')?.value).toBe('Ada Lovelace <ada@example.org>');
    expect(findTrailer(trailers, 'Reviewed-by')).toBeNull();
    expect(trailerValues(trailers, 'reported-by')).toEqual(['Jane Tester <jane@example.org>']);
  });

  it('parses identities', () => {
    expect(parseIdentity('Claude Opus 4.7 (1M context) <noreply@anthropic.com>')).toEqual({
      name: 'Claude Opus 4.7 (1M context)',
      email: 'noreply@anthropic.com',
    });
    expect(parseIdentity('<a@b.c>')).toEqual({ name: '', email: 'a@b.c' });
    expect(parseIdentity('Claude')).toBeNull();
  });
});

describe('findFooters', () => {
  it('finds the Claude Code footer with either link, anywhere in the message', () => {
    expect(findFooters(CLAUDE_CODE_COMMIT)).toEqual([
      {
        tool: 'claude-code',
        text: '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
        line: 6,
      },
    ]);
    const older =
      'Fix\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\nCo-Authored-By: Claude <noreply@anthropic.com>';
    expect(findFooters(older).map((footer) => footer.line)).toEqual([3]);
  });

  it('ignores mentions that are not the footer', () => {
    expect(findFooters('Document how to use Claude Code\n\nSee https://claude.ai/code')).toEqual([]);
    expect(findFooters('Generated with [Claude Code](https://evil.example/claude.ai/code)')).toEqual([]);
  });
});
