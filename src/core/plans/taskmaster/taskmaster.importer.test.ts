import { describe, expect, it } from 'vitest';
import { planFixture, taskById } from '../../../../test/helpers/fixtures.js';
import { PlanImportError } from '../plan.model.js';
import type { ImportedPlan, PlanTask } from '../plan.model.js';
import { importTaskMaster, importTaskMasterTag, looksLikeTaskMaster } from './taskmaster.importer.js';

const fixture = planFixture;
const byId = taskById;
const count = (plan: ImportedPlan, predicate: (task: PlanTask) => boolean): number =>
  plan.tasks.filter(predicate).length;
const importError = (text: string): PlanImportError => {
  try {
    importTaskMaster({ text });
  } catch (error) {
    if (error instanceof PlanImportError) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError');
};

describe('importTaskMaster on real files', () => {
  it('reads the tagged layout with string ids, details arrays and acceptance criteria', () => {
    const plan = importTaskMaster({ text: fixture('taskmaster-tagged-string-ids-details-array.json') });
    expect(plan.format).toBe('taskmaster');
    expect(plan.title).toBe('KYC Compare ID Card');
    expect(plan.tasks).toHaveLength(12);
    expect(count(plan, (task) => task.status === 'todo')).toBe(12);
    expect(byId(plan, '11').dependsOn).toEqual(['3', '8', '9']);
    expect(byId(plan, '6').dependsOn).toEqual(['4', '5']);
    const first = byId(plan, '1');
    expect(first.source.line).toBe(4);
    expect(first.priority).toBe('high');
    expect(first.description).toBe(
      'Initialize Next.js project with TypeScript and Yarn workspace monorepo structure\n\nSet up Next.js with Page Router\nConfigure TypeScript with strict settings\nInitialize Yarn workspace for monorepo\nSet up project directory structure\nConfigure ESLint and Prettier',
    );
    expect(first.acceptanceCriteria).toBe(
      'Project builds without errors\nTypeScript compilation successful\nYarn workspace properly configured',
    );
    expect(byId(plan, '2').source.line).toBe(25);
    expect(plan.phases).toEqual([]);
    expect(plan.checkpoints).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('reads subtasks with sibling dependencies, ignores "parentId": "undefined" and warns on done parents', () => {
    const plan = importTaskMaster({ text: fixture('taskmaster-tagged-parentid-undefined-arabic.json') });
    expect(count(plan, (task) => task.parentId === null)).toBe(5);
    expect(count(plan, (task) => task.parentId !== null)).toBe(32);
    expect(count(plan, (task) => task.status === 'done')).toBe(9);
    expect(byId(plan, '1.7')).toMatchObject({
      sourceId: '7',
      parentId: '1',
      dependsOn: ['1.1', '1.2', '1.3'],
      source: { line: 73 },
    });
    expect(byId(plan, '3').dependsOn).toEqual(['1', '2']);
    expect(byId(plan, '2.1').description).toContain('الرئيسية/Home, المعاملات/Transactions');
    expect(plan.warnings).toEqual([
      {
        line: 4,
        message:
          'Task 1 is marked done but 10 of its subtasks are not (1.1, 1.2, 1.3, 1.4, 1.5, …); both statuses were kept as written.',
      },
      {
        line: 123,
        message:
          'Task 2 is marked done but 5 of its subtasks are not (2.1, 2.2, 2.3, 2.4, 2.5); both statuses were kept as written.',
      },
    ]);
    expect(plan.phases.map((phase) => [phase.id, phase.kind, phase.status])).toEqual([
      ['phase-1', 'phase', 'done'],
      ['phase-2', 'phase', 'done'],
      ['phase-3', 'phase', 'done'],
      ['phase-4', 'phase', 'todo'],
      ['phase-5', 'phase', 'todo'],
    ]);
    expect(plan.phases[0]?.title).toBe('Phase 1 — Foundation: Tokens + Shared Components');
    expect(plan.checkpoints).toHaveLength(5);
    expect(plan.checkpoints[1]).toMatchObject({
      phaseId: 'phase-2',
      taskIds: ['2.1', '2.2', '2.3', '2.4', '2.5'],
      source: { line: 123 },
    });
    expect(byId(plan, '4.3').phase).toBe('phase-4');
  });

  it('reads the flat layout with numeric ids, string dependencies and Korean titles', () => {
    const plan = importTaskMaster({ text: fixture('taskmaster-flat-korean-mixed-id-types.json') });
    expect(plan.tasks).toHaveLength(15);
    expect(count(plan, (task) => task.status === 'done')).toBe(13);
    expect(plan.tasks.filter((task) => task.status === 'in_progress').map((task) => task.id)).toEqual(['11']);
    expect(byId(plan, '15').status).toBe('todo');
    expect(byId(plan, '10').dependsOn).toEqual(['6', '7', '8', '9']);
    expect(byId(plan, '1').title).toBe('RAG 도입 설계 및 최소 구현');
    expect(byId(plan, '1').testStrategy).toBe('샘플 질의 3개에서 관련 문서 근거가 응답에 반영되는지 확인');
    expect(plan.title).toBeNull();
    expect(plan.warnings).toEqual([]);
  });

  it('keeps zero-padded ids as written and turns complexity objects into tags', () => {
    const plan = importTaskMaster({
      text: fixture('taskmaster-style-complexity-objects-zero-padded-ids.json'),
    });
    expect(plan.tasks).toHaveLength(22);
    expect(count(plan, (task) => task.status === 'done')).toBe(22);
    expect(plan.tasks[0]).toMatchObject({
      id: '001',
      sourceId: '001',
      testStrategy: null,
      source: { line: 4 },
    });
    expect(byId(plan, '006').dependsOn).toEqual(['003', '004', '005']);
    expect(byId(plan, '011').tags).toEqual(['complexity:8']);
    expect(byId(plan, '012').description).toContain('UI PRD §6.2 + §6.4 + Phase U2.');
    expect(byId(plan, '012').source.line).toBe(214);
    expect(plan.warnings).toEqual([]);
  });
});

describe('importTaskMaster rules', () => {
  it('reports invalid JSON with line and column', () => {
    const error = importError('{\n  "tasks": [\n    {"id": 1,}\n  ]\n}');
    expect(error.location).toEqual({ line: 3, column: 14 });
    expect(error.message).toContain('line 3, column 14');
    expect(error.hint).toMatch(/trailing comma/);
  });

  it('rejects empty, garbage and task-less input without crashing', () => {
    expect(importError('').location.line).toBeNull();
    expect(importError('hello').location).toEqual({ line: 1, column: 1 });
    expect(importError('{"foo": {"bar": 1}}').message).toMatch(/no task list/);
    expect(importError('"tasks"').message).toMatch(/no task list/);
    expect(importError('['.repeat(5000)).message).toMatch(/Nesting deeper/);
    expect(importError('{"tasks": [').location).toEqual({ line: 1, column: 12 });
  });

  it('imports a bare array, with "2.1" dependencies on subtasks', () => {
    const text = JSON.stringify([
      { id: 1, title: 'One', subtasks: [{ id: 1, title: 'One.A' }] },
      { id: 2, title: 'Two', dependencies: ['1.1', 1] },
    ]);
    const plan = importTaskMaster({ text });
    expect(plan.tasks.map((task) => task.id)).toEqual(['1', '1.1', '2']);
    expect(byId(plan, '2').dependsOn).toEqual(['1.1', '1']);
  });

  it('reads a subtask number as a sibling, falling back to a top-level task with a warning', () => {
    const text = JSON.stringify({
      tasks: [
        {
          id: 1,
          title: 'A',
          subtasks: [
            { id: 1, title: 'a1' },
            { id: 2, title: 'a2', dependencies: [1, 3, '9'] },
          ],
        },
        { id: 3, title: 'C' },
      ],
    });
    const plan = importTaskMaster({ text });
    expect(byId(plan, '1.2').dependsOn).toEqual(['1.1', '3']);
    expect(plan.warnings.map((warning) => warning.message)).toEqual([
      'Task 1.2: dependency 3 is not a sibling subtask; it was read as top-level task 3.',
      'Task 1.2: depends on 9, which is not a task in this file; that dependency was ignored.',
    ]);
  });

  it('keeps duplicate ids under a disambiguated id and resolves "1" against "001"', () => {
    const text =
      '{"tasks": [\n{"id": "001", "title": "A"},\n{"id": "001", "title": "B"},\n{"id": "2", "title": "C", "dependencies": ["1"]}\n]}';
    const plan = importTaskMaster({ text });
    expect(plan.tasks.map((task) => [task.id, task.sourceId, task.title])).toEqual([
      ['001', '001', 'A'],
      ['001~2', '001', 'B'],
      ['2', '2', 'C'],
    ]);
    expect(byId(plan, '2').dependsOn).toEqual(['001']);
    expect(plan.warnings).toEqual([
      {
        line: 3,
        message:
          'Task id 001 is used more than once; this one was imported as 001~2. Dependencies on 001 point to the first.',
      },
    ]);
  });

  it('warns when a dependency could mean two tasks', () => {
    const plan = importTaskMaster({
      text: JSON.stringify([
        { id: '1', title: 'A' },
        { id: '01', title: 'B' },
        { id: 3, title: 'C', dependencies: ['1'] },
      ]),
    });
    expect(byId(plan, '3').dependsOn).toEqual(['1']);
    expect(plan.warnings[0]?.message).toBe('Task 3: dependency 1 could mean 1 or 01; 1 was used.');
  });

  it('maps statuses and keeps the nuance in tags', () => {
    const statuses = [
      'pending',
      'in-progress',
      'in_progress',
      'review',
      'done',
      'completed',
      'cancelled',
      'deferred',
      'blocked',
      'weird',
    ];
    const plan = importTaskMaster({
      text: JSON.stringify(statuses.map((status, index) => ({ id: index + 1, title: status, status }))),
    });
    expect(plan.tasks.map((task) => [task.title, task.status, task.tags])).toEqual([
      ['pending', 'todo', []],
      ['in-progress', 'in_progress', []],
      ['in_progress', 'in_progress', []],
      ['review', 'in_progress', ['review']],
      ['done', 'done', []],
      ['completed', 'done', []],
      ['cancelled', 'cancelled', []],
      ['deferred', 'todo', ['deferred']],
      ['blocked', 'todo', ['blocked']],
      ['weird', 'todo', []],
    ]);
    expect(plan.warnings.map((warning) => warning.message)).toEqual([
      'Task 10: has the unknown status "weird"; it was taken as pending.',
    ]);
  });

  it('imports master from several tags, warns about the others, and imports a named tag', () => {
    const text = JSON.stringify({
      feature: { tasks: [{ id: 1, title: 'F' }] },
      master: { tasks: [{ id: 1, title: 'M' }], metadata: {} },
    });
    const plan = importTaskMaster({ text });
    expect(plan.tasks.map((task) => task.title)).toEqual(['M']);
    expect(plan.warnings[0]?.message).toBe(
      'Imported the tag "master" only; this file also has "feature" (1 tasks). Import another tag on its own to plan it.',
    );
    expect(importTaskMasterTag({ text }, 'feature').tasks.map((task) => task.title)).toEqual(['F']);
    expect(() => importTaskMasterTag({ text }, 'nope')).toThrow(PlanImportError);
    const firstTag = importTaskMaster({
      text: JSON.stringify({ b: { tasks: [{ id: 1, title: 'B' }] }, a: { tasks: [] } }),
    });
    expect(firstTag.tasks.map((task) => task.title)).toEqual(['B']);
  });

  it('reads details arrays, complexity numbers, milestones and missing titles', () => {
    const text = JSON.stringify([
      {
        id: 1,
        title: 'Milestone A',
        testStrategy: 'demo',
        subtasks: [{ id: 1, title: 'x', details: ['a', 'b'] }],
        complexity: 4,
      },
      { id: 2, status: 'done' },
    ]);
    const plan = importTaskMaster({ text });
    expect(byId(plan, '1.1').description).toBe('a\nb');
    expect(byId(plan, '1').tags).toEqual(['complexity:4']);
    expect(plan.phases[0]).toMatchObject({ id: 'phase-1', kind: 'milestone' });
    expect(plan.checkpoints[0]).toMatchObject({ taskIds: ['1.1'], criteria: 'demo' });
    expect(byId(plan, '2').title).toBe('Task 2');
    expect(plan.warnings.map((warning) => warning.message)).toContain(
      'Task 2 has no title; it was called "Task 2".',
    );
  });
});

describe('looksLikeTaskMaster', () => {
  it('recognises the three layouts and rejects other text', () => {
    expect(looksLikeTaskMaster('{"master": {"tasks": []}}')).toBe(true);
    expect(looksLikeTaskMaster('{"tasks": [], "metadata": {}}')).toBe(true);
    expect(looksLikeTaskMaster('[{"id": 1, "title": "x"}]')).toBe(true);
    expect(looksLikeTaskMaster('{"tasks": [ {"id": 1,} ]}')).toBe(true);
    expect(looksLikeTaskMaster('{"name": "pkg"}')).toBe(false);
    expect(looksLikeTaskMaster('# Tasks\n- [ ] T001 x')).toBe(false);
  });
});
