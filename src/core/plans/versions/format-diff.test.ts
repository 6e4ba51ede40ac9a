import { describe, expect, it } from 'vitest';
import { formatMinutes } from './estimates.js';
import { formatDiff } from './format-diff.js';
import type { PlanDiff } from './versions.model.js';

const diff: PlanDiff = {
  added: [{ id: 'b4', title: 'Add OAuth login', sourceId: 'T4' }],
  removed: [{ id: 'a3', title: 'Drop the legacy API', sourceId: null }],
  changed: [
    {
      id: 'a1',
      title: 'Set up CI',
      fields: [
        { field: 'title', before: 'Setup CI', after: 'Set up CI' },
        { field: 'status', before: 'todo', after: 'done' },
        { field: 'estimate', before: 60, after: 90 },
        { field: 'priority', before: null, after: 'high' },
        { field: 'optional', before: false, after: true },
        { field: 'dependsOn', before: [], after: ['a2'] },
      ],
    },
  ],
  reestimated: [
    { id: 'a1', title: 'Set up CI', before: 60, after: 90, deltaMinutes: 30 },
    { id: 'a2', title: 'Write docs', before: { min: 60, max: 120 }, after: 240, deltaMinutes: 150 },
  ],
  unchanged: 4,
  scope: {
    previousMinutes: 1080,
    nextMinutes: 1210,
    deltaMinutes: 130,
    previousTasks: 10,
    nextTasks: 11,
    growthRatio: 130 / 1080,
  },
};

describe('formatDiff', () => {
  it('prints a summary line, then one line per change', () => {
    expect(formatDiff(diff)).toBe(
      [
        '+1 added, -1 removed, ~1 changed, 2 re-estimated (+3h), 4 unchanged; scope +12% (18h → 20h 10m)',
        '+ Add OAuth login',
        '- Drop the legacy API',
        '~ Set up CI: title "Setup CI" → "Set up CI"; status todo → done; priority none → high; now optional; dependencies 0 → 1',
        '± Set up CI: 1h → 1h 30m (+30m)',
        '± Write docs: 1h-2h → 4h (+2h 30m)',
      ].join('\n'),
    );
  });

  it('prints a quiet summary when nothing changed, and growth from nothing as new', () => {
    const empty = { ...diff, added: [], removed: [], changed: [], reestimated: [] };
    expect(formatDiff(empty)).toBe(
      '+0 added, -0 removed, ~0 changed, 0 re-estimated, 4 unchanged; scope +12% (18h → 20h 10m)',
    );
    expect(
      formatDiff({ ...empty, scope: { ...diff.scope, previousMinutes: 0, growthRatio: null } }),
    ).toContain('scope new (0m → 20h 10m)');
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0m'],
    [45, '45m'],
    [60, '1h'],
    [150, '2h 30m'],
    [-90, '-1h 30m'],
    [89.6, '1h 30m'],
    [-0.2, '0m'],
  ])('%d → %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));
});
