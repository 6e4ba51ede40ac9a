import { describe, expect, it } from 'vitest';
import { blankTask, type ImportedPlan, type PlanTask } from '../plans/plan.model.js';
import { findDecisionRefs, flaggedTasks, linkDecisions, normaliseDecisionRef } from './decision-links.js';
import type { DecisionRecord } from './decision.model.js';

describe('findDecisionRefs', () => {
  it.each([
    ['Follow ADR-0003', ['ADR-0003']],
    ['per ADR 3 and ADR-12', ['ADR-0003', 'ADR-0012']],
    ['see adr003 then ADR#7', ['ADR-0003', 'ADR-0007']],
    ['[JUnit](docs/decisions/0009-use-plain-junit5.md)', ['ADR-0009']],
    ['docs/decisions/0009-….md', ['ADR-0009']],
    ['https://github.com/o/r/blob/main/doc/adr/0002-use-x.md#context', ['ADR-0002']],
    ['[why](adr005-no-default-exports.md) and ADR-0003', ['ADR-0005', 'ADR-0003']],
    ['Superseded by [12. Use PG](0012-use-pg.md)', ['ADR-0012']],
    ['ADR-3, again ADR 0003', ['ADR-0003']],
  ])('finds %j', (text, refs) => {
    expect(findDecisionRefs(text)).toEqual(refs);
  });

  it.each([
    'MADR 3 template',
    'the ADR 3rd draft',
    'specs/001-photo-rating/tasks.md',
    'see notes/0002-plan.md',
    'T012 implement 0009 things',
    '',
  ])('finds nothing in %j', (text) => {
    expect(findDecisionRefs(text)).toEqual([]);
  });

  it('normalises refs importers wrote and keeps other ids', () => {
    expect(normaliseDecisionRef('adr 3')).toBe('ADR-0003');
    expect(normaliseDecisionRef(' use-postgres ')).toBe('use-postgres');
  });
});

function decision(fields: Partial<DecisionRecord> & Pick<DecisionRecord, 'id' | 'title'>): DecisionRecord {
  return {
    number: null,
    format: 'nygard',
    status: 'accepted',
    supersededBy: [],
    date: null,
    context: null,
    options: [],
    decision: null,
    consequences: null,
    source: { line: 1 },
    ...fields,
  };
}

function plan(tasks: PlanTask[]): ImportedPlan {
  return { format: 'markdown', title: 'Plan', tasks, phases: [], checkpoints: [], warnings: [] };
}

const DECISIONS = [
  decision({ id: 'ADR-0003', title: 'Use MySQL', status: 'superseded', supersededBy: ['ADR-0012'] }),
  decision({ id: 'ADR-0012', title: 'Use PostgreSQL' }),
  decision({ id: 'ADR-0020', title: 'Use Redux', status: 'deprecated' }),
];

describe('linkDecisions', () => {
  const tasks = [
    blankTask({ id: 't1', title: 'Write the MySQL schema (ADR-3)', source: { line: 12 } }),
    blankTask({
      id: 't2',
      title: 'Install MySQL',
      status: 'done',
      decisionRefs: ['adr 3'],
      source: { line: 13 },
    }),
    blankTask({
      id: 't3',
      title: 'Migrate to PostgreSQL',
      description: 'See [ADR](docs/decisions/0012-use-postgresql.md)',
      source: { line: 14 },
    }),
    blankTask({ id: 't4', title: 'Add a cache per ADR-0099', status: 'in_progress', source: { line: 15 } }),
    blankTask({ id: 't5', title: 'Wire the store', decisionRefs: ['ADR-0020'], source: { line: 16 } }),
  ];
  const input = plan(tasks);
  const { plan: linked, warnings } = linkDecisions(input, DECISIONS);

  it('fills decisionRefs from titles, descriptions and importer refs', () => {
    expect(linked.tasks.map((task) => task.decisionRefs)).toEqual([
      ['ADR-0003'],
      ['ADR-0003'],
      ['ADR-0012'],
      ['ADR-0099'],
      ['ADR-0020'],
    ]);
  });

  it('flags open tasks on superseded or deprecated decisions, not done ones, and warns on unknown refs', () => {
    expect(warnings).toEqual([
      {
        line: 12,
        message:
          'Task "Write the MySQL schema (ADR-3)" (line 12) builds on ADR-0003 "Use MySQL", which is superseded by ADR-0012: review it before continuing.',
      },
      {
        line: 15,
        message: expect.stringContaining(
          'refers to ADR-0099, which is not among the imported decision records',
        ),
      },
      { line: 16, message: expect.stringContaining('builds on ADR-0020 "Use Redux", which is deprecated') },
    ]);
  });

  it('returns new objects and leaves the input plan alone', () => {
    expect(linked).not.toBe(input);
    expect(linked.tasks[0]).not.toBe(tasks[0]);
    expect(tasks[0]?.decisionRefs).toEqual([]);
    expect(tasks[1]?.decisionRefs).toEqual(['adr 3']);
    expect(linked.warnings).toEqual([]);
  });

  it('lists flagged tasks for the UI', () => {
    expect(flaggedTasks(input, DECISIONS)).toEqual([
      { taskId: 't1', decisionId: 'ADR-0003', reason: 'superseded', supersededBy: ['ADR-0012'] },
      { taskId: 't5', decisionId: 'ADR-0020', reason: 'deprecated', supersededBy: [] },
    ]);
  });

  it('flags rejected decisions and superseded ones that name no replacement', () => {
    const more = [
      decision({ id: 'ADR-0001', title: 'A', status: 'rejected' }),
      decision({ id: 'ADR-0002', title: 'B', status: 'superseded' }),
    ];
    const open = plan([blankTask({ id: 'x', title: 'Do ADR-1 and ADR-2', source: { line: 3 } })]);
    expect(linkDecisions(open, more).warnings.map((w) => w.message)).toEqual([
      'Task "Do ADR-1 and ADR-2" (line 3) builds on ADR-0001 "A", which was rejected: review it before continuing.',
      'Task "Do ADR-1 and ADR-2" (line 3) builds on ADR-0002 "B", which is superseded: review it before continuing.',
    ]);
    const cancelled = plan([
      blankTask({ id: 'x', title: 'ADR-1', status: 'cancelled', source: { line: 3 } }),
    ]);
    expect(flaggedTasks(cancelled, more)).toEqual([]);
  });
});
