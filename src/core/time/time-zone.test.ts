import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidTimeZone } from './time-zone.js';

describe('canonicalTimeZone', () => {
  it('accepts named zones east and west of UTC and canonicalises their case', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('america/los_angeles')).toBe('America/Los_Angeles');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Pacific/Auckland')).toBe('Pacific/Auckland');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses offsets, abbreviations and unknown names', () => {
    for (const bad of [
      '+05:00',
      'PST',
      'Mars/Olympus_Mons',
      '',
      'Europe/',
      '../etc/passwd',
      'Europe/Berlin ',
    ]) {
      expect(isValidTimeZone(bad), bad).toBe(false);
    }
  });
});
