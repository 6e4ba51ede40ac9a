import { describe, expect, it } from 'vitest';
import { formatGraceLeft } from './status.commands.js';

describe('formatGraceLeft', () => {
  it('says how many tokens are left of the sprint’s, and when they renew', () => {
    expect(formatGraceLeft({ tokensPerSprint: 2, tokensLeft: 1, renewsOn: '2026-03-16' })).toBe(
      '1 of 2 grace tokens left this sprint (renews Mon 2026-03-16)',
    );
    expect(formatGraceLeft({ tokensPerSprint: 1, tokensLeft: 0, renewsOn: null })).toBe(
      '0 of 1 grace token left this sprint',
    );
    expect(formatGraceLeft({ tokensPerSprint: 0, tokensLeft: 0, renewsOn: '2026-03-16' })).toBe(
      'no grace tokens in this commitment',
    );
  });
});
