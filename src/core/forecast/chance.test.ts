import { describe, expect, it } from 'vitest';
import { formatChance } from './chance.js';

describe('formatChance', () => {
  it('never shows a chance as certain', () => {
    expect(formatChance(0.618)).toBe('62%');
    expect(formatChance(1)).toBe('>99%');
    expect(formatChance(0.996)).toBe('>99%');
    expect(formatChance(0.994)).toBe('99%');
    expect(formatChance(0.006)).toBe('1%');
    expect(formatChance(0.004)).toBe('<1%');
    expect(formatChance(0)).toBe('<1%');
  });
});
