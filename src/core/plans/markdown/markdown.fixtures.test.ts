import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedPlan } from '../plan.model.js';
import { importMarkdownPlan } from './markdown.importer.js';

/** A real plan from /work/shared/fixtures/plans (see its README for each file's quirks). */
function fixture(name: string): string {
  return readFileSync(new URL(`../../../../../shared/fixtures/plans/${name}`, import.meta.url), 'utf8');
}

const load = (name: string): ImportedPlan => importMarkdownPlan({ text: fixture(name), fileName: name });
const count = (plan: ImportedPlan) => ({
  tasks: plan.tasks.length,
  top: plan.tasks.filter((task) => task.parentId === null).length,
  sub: plan.tasks.filter((task) => task.parentId !== null).length,
  done: plan.tasks.filter((task) => task.status === 'done').length,
});
const task = (plan: ImportedPlan, line: number) => plan.tasks.find((t) => t.source.line === line);
const warningAt = (plan: ImportedPlan, line: number) =>
  plan.warnings.filter((w) => w.line === line).map((w) => w.message);

describe('roadmap-phases-estimated-time-status-emoji.md', () => {
  const plan = load('roadmap-phases-estimated-time-status-emoji.md');

  it('reads the 200 checklist items of Phases 1-9 and none of the 9 Resources settings', () => {
    // 209 checkboxes in the file, 9 of them under "Resources & Links"; 32 checked, 4 of those settings.
    expect(count(plan)).toEqual({ tasks: 200, top: 200, sub: 0, done: 28 });
    expect(plan.tasks.some((t) => t.title.includes('Supabase Project URL'))).toBe(false);
    expect(plan.warnings.filter((w) => w.message.startsWith('Skipped')).map((w) => w.line)).toEqual([
      393, 398, 402, 406,
    ]);
  });

  it('makes the nine "Phase N" headings phases with their Estimated Time and Status lines', () => {
    const top = plan.phases.filter((p) => p.parentId === null);
    expect(top.map((p) => p.id)).toEqual([
      'phase-1',
      'phase-2',
      'phase-3',
      'phase-4',
      'phase-5',
      'phase-6',
      'phase-7',
      'phase-8',
      'phase-9',
    ]);
    expect(top.map((p) => p.estimateMinutes)).toEqual([30, 45, 60, 120, 60, 90, 120, 90, 60]);
    expect(top.map((p) => p.status)).toEqual([
      'done',
      'done',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
    ]);
    expect(top.every((p) => p.kind === 'phase')).toBe(true);
    expect(plan.phases.find((p) => p.source.line === 110)).toMatchObject({
      title: 'Backend API',
      kind: 'section',
      parentId: 'tasks-4',
    });
    expect(plan.title).toBe('Backend Implementation Checklist');
  });

  it('makes each phase a checkpoint over every task beneath it, sub-headings included', () => {
    expect(plan.checkpoints.map((c) => c.taskIds.length)).toEqual([13, 16, 20, 32, 19, 23, 34, 28, 15]);
    expect(plan.checkpoints[3]?.taskIds).toContain(task(plan, 111)?.id);
  });

  it('warns that Phase 2 is "✅ Complete" with its optional deliverable unchecked', () => {
    expect(warningAt(plan, 40)).toEqual([expect.stringContaining('1 of 16 tasks under it are not done')]);
    expect(task(plan, 60)).toMatchObject({ status: 'todo', optional: true });
  });

  it('does not read "Install required dependencies (@vercel/og …)" as a dependency', () => {
    expect(task(plan, 199)).toMatchObject({
      title: 'Install required dependencies (@vercel/og or similar)',
      dependsOn: [],
    });
    expect(warningAt(plan, 199)).toEqual([]);
  });
});

describe('plan-russian-weeks-hour-estimates-nested.md', () => {
  const plan = load('plan-russian-weeks-hour-estimates-nested.md');

  it('reads 222 checklist items (161 nested) and the 3 backlog table rows', () => {
    expect(count(plan)).toEqual({ tasks: 225, top: 64, sub: 161, done: 200 });
  });

  it('nests weeks under stages, with hour budgets from "(24ч)" and ✅ as done', () => {
    const weeks = plan.phases.filter((p) => p.kind === 'week');
    expect(weeks.map((p) => p.id)).toEqual([
      'week-1',
      'week-2',
      'week-3',
      'week-4',
      'week-5',
      'week-6',
      'week-7',
      'week-8',
      'week-9-10',
      'week-11',
      'week-12',
      'week-13',
    ]);
    expect(weeks.map((p) => (p.estimateMinutes as number) / 60)).toEqual([
      24, 40, 32, 36, 36, 32, 32, 36, 32, 28, 48, 24,
    ]);
    expect(weeks.map((p) => p.status)).toEqual([...Array<string>(11).fill('done'), null]);
    expect(weeks.slice(0, 8).every((p) => p.parentId === 'stage-1')).toBe(true);
    expect(weeks[0]?.title).toBe('Неделя 1: Архитектура и проектирование');
    expect(plan.phases.filter((p) => p.kind === 'stage').map((p) => p.title)).toEqual([
      'Этап 1: Базовая автоматизация (недели 1-8)',
      'Этап 2: Контроль и аналитика (недели 9-13)',
    ]);
  });

  it('keeps three nesting levels and the wrapped line inside its item', () => {
    const metric = task(plan, 169);
    expect(metric?.parentId).toBe(task(plan, 168)?.id);
    expect(task(plan, 168)?.parentId).toBe(task(plan, 164)?.id);
    expect(task(plan, 19)?.title).toBe(
      'FastAPI skeleton (8 роутеров; первоначальные заглушки позднее реализованы или явно удалены из публичного контракта)',
    );
    expect(task(plan, 27)?.phase).toBe('week-1'); // the item right before "### Неделя 2" with no blank line
    expect(task(plan, 30)?.phase).toBe('week-2');
  });

  it('reads the backlog table with its ids and priorities, and skips payment and metric tables', () => {
    const rows = plan.tasks.filter((t) => t.source.line >= 285 && t.source.line <= 287);
    expect(rows.map((t) => [t.id, t.priority, t.status])).toEqual([
      ['tj-6mv', 'high', 'todo'],
      ['tj-dpv', 'medium', 'todo'],
      ['tj-lzt', 'medium', 'todo'],
    ]);
    expect(plan.tasks.some((t) => t.source.line > 295)).toBe(false);
  });

  it('warns where a ✅ week still has unchecked items, and not on prose "зависит от них"', () => {
    expect(plan.warnings.map((w) => w.line)).toEqual([14, 28, 88]);
    expect(task(plan, 123)?.dependsOn).toEqual([]);
    expect(plan.checkpoints.map((c) => [c.id, c.taskIds.length])).toEqual([
      ['cp-stage-1', 156],
      ['cp-stage-2', 61],
    ]);
  });
});

describe('checklist-30-day-weeks-status-emoji-headings.md', () => {
  const plan = load('checklist-30-day-weeks-status-emoji-headings.md');

  it('reads 30 unchecked day items in four weeks and ignores the summary and notes bullets', () => {
    expect(count(plan)).toEqual({ tasks: 30, top: 30, sub: 0, done: 0 });
    expect(plan.phases.map((p) => [p.id, p.kind, p.status])).toEqual([
      ['week-1', 'week', 'done'],
      ['week-2', 'week', 'in_progress'],
      ['week-3', 'week', null],
      ['week-4', 'week', null],
    ]);
    expect(plan.phases[0]?.title).toBe('Week 1: Core Setup & Authentication');
    expect(task(plan, 26)?.title).toBe('Day 12: Emergency “Find Nearest Clinic” simulation');
  });

  it('uses the Deliverable blocks as checkpoint criteria', () => {
    expect(plan.checkpoints.map((c) => c.taskIds.length)).toEqual([7, 7, 7, 9]);
    expect(plan.checkpoints[0]?.criteria).toBe(
      'Working auth ✅ • Role-based dashboards showing placeholder content',
    );
  });

  it('warns that Week 1 says ✅ with all 7 items unchecked', () => {
    expect(plan.warnings).toEqual([
      { line: 3, message: expect.stringContaining('7 of 7 tasks under it are not done') },
    ]);
  });
});

describe('plan-days-strikethrough-done-numbered-subtasks.md', () => {
  const plan = load('plan-days-strikethrough-done-numbered-subtasks.md');

  it('reads 431 tasks: 456 checkboxes minus 25 risk and metric items', () => {
    expect(count(plan)).toEqual({ tasks: 431, top: 389, sub: 42, done: 130 });
    expect(plan.warnings.filter((w) => w.message.startsWith('Skipped')).map((w) => w.line)).toEqual([
      655, 662, 669, 686, 693,
    ]);
  });

  it('reads struck-through items as done and keeps N.M ids from the text', () => {
    expect(task(plan, 12)).toMatchObject({
      status: 'done',
      title: 'Install Node.js v20.x, MySQL 8.0, Redis 7.x',
    });
    expect(task(plan, 34)).toMatchObject({
      id: '4.1',
      sourceId: '4.1',
      title: 'organizations table',
      status: 'done',
    });
    expect(task(plan, 34)?.parentId).toBe(task(plan, 33)?.id);
    expect(task(plan, 170)).toMatchObject({
      id: '15.1',
      parentId: '15-soap-notes-structure.t1',
      status: 'todo',
    });
    expect(task(plan, 629)).toMatchObject({ id: '73', title: 'Monitor system performance' });
    expect(task(plan, 676)?.id).toBe('104.1'); // real tasks under "Risk Mitigation Strategies"
  });

  it('reads struck headings marked "✅ COMPLETED" as done phases and day ranges as day phases', () => {
    expect(plan.phases.find((p) => p.source.line === 11)).toMatchObject({
      title: '1. Development Environment Setup',
      status: 'done',
    });
    expect(plan.phases.filter((p) => p.kind === 'day').map((p) => p.id)).toEqual([
      'day-1-2',
      'day-5',
      'day-6-7',
      'day-8-9',
      'day-10',
      'day-11-12',
      'day-13-14',
      'day-15',
      'day-18-19',
      'day-20',
    ]);
    expect(plan.checkpoints.map((c) => [c.id, c.taskIds.length])).toEqual([
      ['cp-week-1', 80],
      ['cp-week-2', 95],
      ['cp-week-3', 93],
      ['cp-week-4', 121],
    ]);
  });

  it('does not read "(15min expiry)" as an estimate, and flags the item written twice', () => {
    expect(task(plan, 467)?.estimateMinutes).toBeNull();
    expect(warningAt(plan, 485)).toEqual([expect.stringContaining('listed twice (also line 484)')]);
  });

  it('gives the same ids on a re-import', () => {
    expect(load('plan-days-strikethrough-done-numbered-subtasks.md').tasks.map((t) => t.id)).toEqual(
      plan.tasks.map((t) => t.id),
    );
  });
});
