import { describe, expect, it } from 'vitest';
import { PlanImportError } from '../plan.model.js';
import { importMarkdownPlan } from './markdown.importer.js';

const read = (text: string) => importMarkdownPlan({ text });
const md = (...lines: string[]) => lines.join('\n');

describe('importMarkdownPlan: phases from headings', () => {
  it('reads "DAY 4 (2 hours)" as a day phase with a 2h budget', () => {
    const plan = read(md('# Plan', '', '## DAY 4 (2 hours)', '- [ ] Write tests'));
    expect(plan.phases).toEqual([
      expect.objectContaining({
        id: 'day-4',
        title: 'DAY 4',
        kind: 'day',
        estimateMinutes: 120,
        status: null,
      }),
    ]);
    expect(plan.tasks[0]).toMatchObject({ id: 'day-4.t1', phase: 'day-4', title: 'Write tests' });
  });

  it('classifies Phase, Milestone, Stage, Этап, Неделя and nests by heading level', () => {
    const plan = read(
      md(
        '## Milestone: Beta',
        '### Phase 1 🚧',
        '- [ ] a',
        '## Этап 2',
        '### Неделя 3 (24ч) ✅',
        '- [x] b',
        '## Stage 3',
        '- [ ] c',
      ),
    );
    expect(plan.phases.map((p) => [p.id, p.kind, p.parentId, p.status, p.estimateMinutes])).toEqual([
      ['milestone-beta', 'milestone', null, null, null],
      ['phase-1', 'phase', 'milestone-beta', 'in_progress', null],
      ['stage-2', 'stage', null, null, null],
      ['week-3', 'week', 'stage-2', 'done', 1440],
      ['stage-3', 'stage', null, null, null],
    ]);
    expect(plan.checkpoints.map((c) => [c.id, c.taskIds])).toEqual([
      ['cp-milestone-beta', ['phase-1.t1']],
      ['cp-stage-2', ['week-3.t1']],
      ['cp-stage-3', ['stage-3.t1']],
    ]);
  });

  it('reads a struck-through heading as done and warns when its checkboxes disagree', () => {
    const plan = read(md('## ~~Setup~~', '- [ ] still open'));
    expect(plan.phases[0]).toMatchObject({ title: 'Setup', status: 'done' });
    expect(plan.warnings).toEqual([
      { line: 1, message: expect.stringContaining('1 of 1 tasks under it are not done') },
    ]);
  });

  it('applies "**Estimated Time:**" and "**Status**:" paragraphs to the phase, and warns over budget', () => {
    const plan = read(
      md(
        '## Phase 1',
        '**Estimated Time:** 30 minutes',
        '**Status**: ✅ Complete',
        '',
        '- [x] a (20m)',
        '- [x] b (20m)',
      ),
    );
    expect(plan.phases[0]).toMatchObject({ estimateMinutes: 30, status: 'done' });
    expect(plan.warnings).toEqual([
      { line: 1, message: expect.stringContaining('add up to 40m, over its budget of 30m') },
    ]);
  });
});

describe('importMarkdownPlan: task statuses', () => {
  it('reads [x], [X], [~], [-], ✅, struck items and warns on the malformed []', () => {
    const plan = read(
      md('- [x] a', '- [X] b', '- [~] c', '- [-] d', '- [ ] e ✅', '- ~~[x] f~~', '- ~~g~~', '- [] h'),
    );
    expect(plan.tasks.map((t) => [t.title, t.status])).toEqual([
      ['a', 'done'],
      ['b', 'done'],
      ['c', 'in_progress'],
      ['d', 'cancelled'],
      ['e', 'done'],
      ['f', 'done'],
      ['g', 'done'],
      ['h', 'todo'],
    ]);
    expect(plan.warnings.map((w) => w.line)).toEqual([5, 8]);
    expect(plan.warnings[1]?.message).toContain('Malformed checkbox');
  });

  it('uses an emoji legend defined anywhere in the file', () => {
    const plan = read(
      md(
        '- [ ] 🟢 shipped thing',
        '- [ ] 🟡 half thing',
        '- [ ] 🔴 open thing',
        '',
        '**Legend:** 🟢 done · 🟡 in progress · 🔴 todo',
      ),
    );
    expect(plan.tasks.map((t) => [t.title, t.status])).toEqual([
      ['shipped thing', 'done'],
      ['half thing', 'in_progress'],
      ['open thing', 'todo'],
    ]);
  });

  it('reads a legend written as a list under "Legend" without making it tasks', () => {
    const plan = read(md('- [ ] ⬜ a', '- [x] ⬜ b', '', '**Legend:**', '- ⬜ Not Started', '- ✅ Complete'));
    expect(plan.tasks.map((t) => [t.title, t.status])).toEqual([
      ['a', 'todo'],
      ['b', 'todo'],
    ]);
    expect(plan.warnings).toEqual([{ line: 2, message: 'Checkbox says done but ⬜ says todo; used todo.' }]);
  });
});

describe('importMarkdownPlan: structure', () => {
  it('nests task lists as subtasks with positional ids, and sub-bullets as description', () => {
    const plan = read(
      md(
        '## Week 1',
        '- [ ] parent',
        '  - [x] child',
        '    - [ ] grandchild',
        '- [ ] other',
        '  - a note',
        '  - another',
      ),
    );
    expect(plan.tasks.map((t) => [t.id, t.parentId])).toEqual([
      ['week-1.t1', null],
      ['week-1.t1.s1', 'week-1.t1'],
      ['week-1.t1.s1.s1', 'week-1.t1.s1'],
      ['week-1.t2', null],
    ]);
    expect(plan.tasks[3]?.description).toBe('- a note\n- another');
  });

  it('groups lists under bold labels into section phases', () => {
    const plan = read(md('## Sprint 1', '', '**Backend**', '- [ ] API', '', '**Frontend:**', '- [ ] UI'));
    expect(plan.phases.map((p) => [p.id, p.kind, p.parentId])).toEqual([
      ['stage-1', 'stage', null],
      ['backend', 'section', 'stage-1'],
      ['frontend', 'section', 'stage-1'],
    ]);
    expect(plan.tasks.map((t) => [t.id, t.phase])).toEqual([
      ['backend.t1', 'backend'],
      ['frontend.t1', 'frontend'],
    ]);
  });

  it('reads a backlog table with ID, Status, Estimate, Priority and Depends columns', () => {
    const plan = read(
      md(
        '| ID | Task | Status | Estimate | Priority | Depends |',
        '|---|---|---|---|---|---|',
        '| T1 | Schema | done | 2h | P0 | |',
        '| T2 | API | in progress | 3-4h | low | T1, T9 |',
      ),
    );
    expect(
      plan.tasks.map((t) => [t.id, t.title, t.status, t.estimateMinutes, t.priority, t.dependsOn]),
    ).toEqual([
      ['T1', 'Schema', 'done', 120, 'high', []],
      ['T2', 'API', 'in_progress', { min: 180, max: 240 }, 'low', ['T1']],
    ]);
    expect(plan.warnings).toEqual([
      { line: 4, message: expect.stringContaining('depends on "T9", which matches no task') },
    ]);
  });

  it('ignores checklists inside code fences and reads lists between <details> tags', () => {
    const plan = read(
      md(
        '```md',
        '- [ ] not a task',
        '```',
        '',
        '<details>',
        '<summary>Done</summary>',
        '',
        '- [x] inside details',
        '',
        '</details>',
      ),
    );
    expect(plan.tasks.map((t) => t.title)).toEqual(['inside details']);
  });

  it('keeps Korean, Chinese and Russian titles exactly, minus a trailing estimate', () => {
    const plan = read(
      md(
        '## 1주차',
        '- [ ] 로그인 화면 구현 (2시간)',
        '- [ ] 实现登录页面 3小时',
        '- [ ] Сделать вход (1,5 часа)',
      ),
    );
    expect(plan.phases[0]).toMatchObject({ id: 'week-1', kind: 'week' });
    expect(plan.tasks.map((t) => [t.title, t.estimateMinutes])).toEqual([
      ['로그인 화면 구현', 120],
      ['实现登录页面', 180],
      ['Сделать вход', 90],
    ]);
  });

  it('resolves "depends on" prose to task ids and warns on unknown references', () => {
    const plan = read(
      md(
        '- [ ] 1.1 Schema',
        '- [ ] 1.2 API (depends on 1.1)',
        '- [ ] 1.3 UI — blocked by 1.2, 7.7',
        '- [ ] Docs (depends on: Schema)',
      ),
    );
    expect(plan.tasks.map((t) => [t.id, t.title, t.dependsOn])).toEqual([
      ['1.1', 'Schema', []],
      ['1.2', 'API', ['1.1']],
      ['1.3', 'UI', ['1.2']],
      ['t4', 'Docs', ['1.1']],
    ]);
    expect(plan.warnings).toEqual([
      { line: 3, message: expect.stringContaining('"7.7", which matches no task') },
    ]);
  });

  it('warns on an absurd estimate and does not use it', () => {
    const plan = read('- [ ] Rewrite everything (5000h)');
    expect(plan.tasks[0]?.estimateMinutes).toBeNull();
    expect(plan.warnings[0]?.message).toContain('not plausible');
  });
});

describe('importMarkdownPlan: plain lists and empty input', () => {
  it('reads numbered lists under plan headings as tasks only when the file has no checkboxes', () => {
    const plan = read(md('## Week 1', '1. Set up repo', '2. Add CI', '', '## Notes', '- just prose'));
    expect(plan.tasks.map((t) => t.title)).toEqual(['Set up repo', 'Add CI']);
    expect(plan.warnings[0]).toEqual({ line: null, message: expect.stringContaining('No checkboxes') });
  });

  it('does not read prose bullets as tasks in a file that has checkboxes', () => {
    const plan = read(md('## Week 1', '- [ ] real', '', '## Risks', '- vendor delay'));
    expect(plan.tasks.map((t) => t.title)).toEqual(['real']);
  });

  it.each(['', '# Just a title\n\nSome prose.', '```\n- [ ] fenced\n```', '- one\n- two'])(
    'throws PlanImportError for %j',
    (text) => {
      expect(() => read(text)).toThrow(PlanImportError);
    },
  );

  it('explains how to fix an empty plan', () => {
    try {
      read('prose only');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanImportError);
      expect((error as PlanImportError).hint).toContain('- [ ]');
      expect((error as PlanImportError).location).toEqual({ line: null });
    }
  });
});
