import { describe, expect, it } from 'vitest';
import { factsFromMessage } from './understanding-facts.js';

describe('factsFromMessage', () => {
  it('reads reviewers and human co-authors, never tools', () => {
    const message = `mm: fix use-after-free in page cache lookup

The folio may be freed between the lookup and the refcount bump.

Reviewed-by: Jane Tester <Jane@Example.org>
Reviewed-by: Claude <noreply@anthropic.com>
Co-authored-by: Bob Builder <bob@example.org>
Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>
Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>
Signed-off-by: Ada Lovelace <ada@example.org>`;
    expect(factsFromMessage({ sha: 'c1', message })).toEqual([
      { sha: 'c1', person: 'jane@example.org', kind: 'reviewed' },
      { sha: 'c1', person: 'bob@example.org', kind: 'authored' },
    ]);
  });

  it('ignores values without an e-mail and trailers outside the trailer block', () => {
    const message = 'Fix\n\nReviewed-by: the team\n\nThanks all.';
    expect(factsFromMessage({ sha: 'c1', message })).toEqual([]);
    expect(factsFromMessage({ sha: 'c1', message: 'Fix\n\nReviewed-by: Jane\n' })).toEqual([]);
  });
});
