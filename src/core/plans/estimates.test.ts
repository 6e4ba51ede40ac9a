import { describe, expect, it } from 'vitest';
import { formatEstimate, parseEstimate, sumEstimates } from './estimates.js';

const minutesOf = (text: string) => parseEstimate(text)?.estimate ?? null;

describe('parseEstimate', () => {
  it.each([
    ['Set up CI (2h)', 120, '(2h)'],
    ['Write docs 2 hours', 120, '2 hours'],
    ['Refactor 1.5 hours', 90, '1.5 hours'],
    ['Rename 30m', 30, '30m'],
    ['Rename 30 min', 30, '30 min'],
    ['Review ~45 min', 45, '~45 min'],
    ['Spike 90 minutes', 90, '90 minutes'],
    ['Build 1h30m', 90, '1h30m'],
    ['Build 1h 30min', 90, '1h 30min'],
    ['**Estimated Time:** 30 minutes', 30, '**Estimated Time:** 30 minutes'],
    ['**Estimated Time**: 1.5 hours', 90, '**Estimated Time**: 1.5 hours'],
    ['Migrate 2d', 960, '2d'],
    ['Migrate 2 days', 960, '2 days'],
    ['Pilot 1 week', 2400, '1 week'],
    ['Неделя 1: Архитектура (24ч) ✅', 1440, '(24ч)'],
    ['Ревью 1,5 часа', 90, '1,5 часа'],
    ['Созвон 40 мин', 40, '40 мин'],
    ['디자인 검토 (2시간)', 120, '(2시간)'],
    ['회의 30분', 30, '30分'.replace('分', '분')],
    ['设计评审 3小时', 180, '3小时'],
    ['代码审查 45分钟', 45, '45分钟'],
    ['レビュー 2時間', 120, '2時間'],
  ])('%s → %s minutes', (text, minutes, matched) => {
    expect(parseEstimate(text)).toEqual({ estimate: minutes, matched });
  });

  it.each([
    ['Research 3-4h', { min: 180, max: 240 }, '3-4h'],
    ['Research 3–4 hours', { min: 180, max: 240 }, '3–4 hours'],
    ['Pair 30-45 min', { min: 30, max: 45 }, '30-45 min'],
    ['Pair (1h-90m)', { min: 60, max: 90 }, '(1h-90m)'],
    ['Pair 2 to 3 days', { min: 960, max: 1440 }, '2 to 3 days'],
  ])('keeps ranges: %s', (text, estimate, matched) => {
    expect(parseEstimate(text)).toEqual({ estimate, matched });
  });

  it('reads DAY 4 (2 hours) as the budget, not the day number', () => {
    expect(parseEstimate('DAY 4 (2 hours)')).toEqual({ estimate: 120, matched: '(2 hours)' });
  });

  it('prefers a labelled estimate over an earlier duration in prose', () => {
    expect(parseEstimate('Token expires in 15min. Estimate: 3h')?.estimate).toBe(180);
  });

  it.each([
    'Phase 1: Foundation (2/2 plans)',
    'Неделя 9-10: Контроль качества',
    'Day 30: Launch Day',
    'Install 4.1 organizations table',
    'respond in <100ms',
    'ship in 3 months',
    '',
    'Day 1-2: Database',
  ])('finds no estimate in %j', (text) => {
    expect(parseEstimate(text)).toBeNull();
  });

  it.each(['0h', '0 minutes', '1001 hours', '200 weeks', '5-0h', '4-3 hours'])(
    'rejects absurd %j',
    (text) => {
      expect(minutesOf(text)).toBeNull();
    },
  );

  it('accepts exactly 1000 hours, rejects negatives, reads a dash with spaces as punctuation', () => {
    expect(minutesOf('1000h')).toBe(60_000);
    expect(minutesOf('Build -2h')).toBeNull();
    expect(minutesOf('Build - 2h')).toBe(120);
  });
});

describe('formatEstimate and sumEstimates', () => {
  it('formats minutes and ranges', () => {
    expect(formatEstimate(90)).toBe('1h 30m');
    expect(formatEstimate(45)).toBe('45m');
    expect(formatEstimate({ min: 180, max: 240 })).toBe('3h–4h');
  });

  it('adds ranges bound by bound and skips unknowns', () => {
    expect(sumEstimates([30, null, { min: 60, max: 90 }])).toEqual({ min: 90, max: 120 });
    expect(sumEstimates([30, 30])).toBe(60);
    expect(sumEstimates([null])).toBeNull();
  });
});
