import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanImportError } from '../plan.model.js';
import { importGsdRoadmap, looksLikeGsdRoadmap } from './gsd.importer.js';

/** A real plan from /work/shared/fixtures/plans (see its README for each file's quirks). */
function fixture(name: string): string {
  return readFileSync(new URL(`../../../../../shared/fixtures/plans/${name}`, import.meta.url), 'utf8');
}

const text = fixture('gsd-roadmap-milestones-details-blocks.md');
const plan = importGsdRoadmap({ text, fileName: '.planning/ROADMAP.md' });
const byId = (id: string) => plan.tasks.find((task) => task.id === id);

describe('looksLikeGsdRoadmap', () => {
  it('recognises a GSD roadmap and not other Markdown plans', () => {
    expect(looksLikeGsdRoadmap(text)).toBe(true);
    expect(looksLikeGsdRoadmap(fixture('roadmap-phases-estimated-time-status-emoji.md'))).toBe(false);
    expect(looksLikeGsdRoadmap(fixture('plan-russian-weeks-hour-estimates-nested.md'))).toBe(false);
    expect(looksLikeGsdRoadmap('## Phases\n\n- [ ] Phase 1: Setup\n')).toBe(true);
  });
});

describe('importGsdRoadmap on gsd-roadmap-milestones-details-blocks.md', () => {
  it('makes 10 phase tasks and 9 plan subtasks, reading phases inside <details> blocks', () => {
    expect(plan.title).toBe('md2cv');
    expect(plan.tasks.filter((t) => t.parentId === null).map((t) => t.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(plan.tasks.filter((t) => t.parentId !== null)).toHaveLength(9);
    expect(plan.tasks.filter((t) => t.status === 'done').map((t) => t.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '07-01',
      '07-02',
      '07-03',
      '08-01',
      '08-02',
    ]);
  });

  it('reads both phase item styles and the plan files under **Plans**:', () => {
    expect(byId('1')).toMatchObject({ title: 'Foundation & Layout', source: { line: 15 } });
    expect(byId('7')).toMatchObject({ title: 'Page Chrome & Auto Pagination', source: { line: 39 } });
    expect(byId('07-03')).toMatchObject({
      parentId: '7',
      sourceId: '07-03',
      title: 'Preview.tsx paged.js integration + Page X of N pill + App.tsx enablePagination wiring (Wave 2)',
      tags: ['wave-2'],
    });
    expect(byId('7')?.description).toMatch(/^Preview pane shows the resume/);
    expect(byId('7')?.acceptanceCriteria?.split('\n')).toHaveLength(4);
  });

  it('reads phase 8 as in progress: unchecked, but both of its plans are done', () => {
    expect(byId('8')?.status).toBe('in_progress');
    expect(byId('9')?.status).toBe('todo');
  });

  it('turns "Depends on" into dependencies between phase tasks', () => {
    expect(byId('7')?.dependsOn).toEqual(['6']);
    expect(byId('9')?.dependsOn).toEqual(['7']);
    expect(byId('10')?.dependsOn).toEqual(['7', '8', '9']);
  });

  it('keeps the copied 08-01/08-02 plan files of phases 9 and 10 apart, with warnings', () => {
    expect(plan.tasks.filter((t) => t.parentId === '9').map((t) => [t.id, t.sourceId])).toEqual([
      ['9.p1', '08-01'],
      ['9.p2', '08-02'],
    ]);
    expect(
      plan.warnings.filter((w) => w.message.includes('named for another phase')).map((w) => w.line),
    ).toEqual([85, 86, 99, 100]);
  });

  it('warns where the Progress table disagrees with the checkboxes', () => {
    expect(plan.warnings.filter((w) => w.message.startsWith('Progress table')).map((w) => w.line)).toEqual([
      114, 115, 116,
    ]);
    expect(plan.warnings).toHaveLength(7);
  });

  it('makes milestones parents of their phases, and a checkpoint of each milestone and phase', () => {
    const milestones = plan.phases.filter((p) => p.kind === 'milestone');
    expect(milestones.map((m) => [m.id, m.status])).toEqual([
      ['milestone-v1-0', 'done'],
      ['milestone-v1-1-0', 'done'],
      ['milestone-v1-2-0', 'done'],
      ['milestone-v1-3-0', 'in_progress'],
    ]);
    expect(plan.phases.find((p) => p.id === 'phase-5')?.parentId).toBe('milestone-v1-2-0');
    expect(plan.checkpoints).toHaveLength(14);
    expect(plan.checkpoints.find((c) => c.id === 'cp-milestone-v1-0')?.taskIds).toEqual(['1', '2', '3']);
    expect(plan.checkpoints.find((c) => c.id === 'cp-milestone-v1-3-0')?.taskIds).toHaveLength(13);
    expect(plan.checkpoints.find((c) => c.id === 'cp-phase-8')?.criteria?.split('\n')).toHaveLength(3);
  });

  it('throws PlanImportError when there is no phase list', () => {
    expect(() => importGsdRoadmap({ text: '# Roadmap\n\nNothing yet.' })).toThrow(PlanImportError);
  });
});
