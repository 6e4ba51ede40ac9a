import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHours } from './schedule.commands.js';
import { runInProcess } from './testing.js';

const FIXTURES = new URL('../../../shared/fixtures/plans/', import.meta.url).pathname;

interface DryRun {
  format: string;
  tasks: Array<{ id: string; parentId: string | null; title: string; status: string; optional: boolean; estimateMinutes: unknown; dependsOn: string[]; phase: string | null; source: { line: number } }>;
  checkpoints: Array<{ id: string; title: string; taskIds: string[] }>;
  decisions: unknown[];
  warnings: Array<{ line: number | null; message: string }>;
}

describe('recital plan import --dry-run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recital-plan-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints exactly one JSON object with every task once, for every real fixture, without a server', async () => {
    const expected: Record<string, { format: string; tasks: number }> = {
      'taskmaster-tagged-parentid-undefined-arabic.json': { format: 'taskmaster', tasks: 37 },
      'speckit-tasks-portuguese-mixed-checkboxes.md': { format: 'speckit', tasks: 77 },
      'kiro-tasks-chinese-optional-star-inprogress-tilde.md': { format: 'kiro', tasks: 46 },
      'gsd-roadmap-milestones-details-blocks.md': { format: 'gsd', tasks: 19 },
      'checklist-30-day-weeks-status-emoji-headings.md': { format: 'markdown', tasks: 30 },
    };
    for (const name of await readdir(FIXTURES)) {
      const result = await runInProcess(['plan', 'import', join(FIXTURES, name), '--dry-run', '--json']);
      expect(result.exitCode, `${name}: ${result.stderr}`).toBe(0);
      const doc = JSON.parse(result.stdout) as DryRun;
      expect(Object.keys(doc)).toEqual(['format', 'tasks', 'checkpoints', 'decisions', 'warnings']);
      expect(new Set(doc.tasks.map((t) => t.id)).size).toBe(doc.tasks.length);
      for (const task of doc.tasks) {
        expect(Object.keys(task)).toEqual(['id', 'parentId', 'title', 'status', 'optional', 'estimateMinutes', 'dependsOn', 'phase', 'source']);
      }
      const want = expected[name];
      if (want) expect({ format: doc.format, tasks: doc.tasks.length }, name).toEqual(want);
    }
  });

  it('keeps dependencies and ranges in the JSON', async () => {
    const file = join(dir, 'deps.md');
    await writeFile(file, '# Plan\n\n## Phase 1: Build\n- [ ] T001 Write the API (3-4h)\n- [ ] T002 Write the UI (2h) (depends on T001)\n');
    const doc = JSON.parse((await runInProcess(['plan', 'import', file, '--dry-run', '--json'])).stdout) as DryRun;
    const ui = doc.tasks.find((t) => t.title.includes('Write the UI'));
    const api = doc.tasks.find((t) => t.title.includes('Write the API'));
    expect(api?.estimateMinutes).toEqual({ min: 180, max: 240 });
    expect(ui?.dependsOn).toEqual([api?.id]);
  });

  it('shows people a table with totals', async () => {
    const result = await runInProcess(['plan', 'import', join(FIXTURES, 'kiro-tasks-nested-optional-tests-no-final-newline.md'), '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+STATUS\s+TITLE\s+EST\s+DEPENDS\s+LINE/);
    expect(result.stdout).toContain('(kiro): 15 tasks, 56 subtasks, 49 done');
    expect(result.stdout).toContain('2 checkpoints, 4 warnings');
  });

  it('says what and where when a plan cannot be read, and exits 1', async () => {
    const file = join(dir, 'tasks.json');
    await writeFile(file, '{"tasks": [\n  {"id": 1, "title": "A"},\n  {"id": 2 "title": "B"}\n]}\n');
    const result = await runInProcess(['plan', 'import', file, '--dry-run']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: `));
    expect(result.stderr).toContain('hint:');
    const binary = join(dir, 'image.png');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect((await runInProcess(['plan', 'import', binary, '--dry-run'])).stderr).toContain('binary file');
    expect((await runInProcess(['plan', 'import', join(dir, 'missing.md'), '--dry-run'])).stderr).toContain('ENOENT');
  });

  it('needs --project unless it is a dry run', async () => {
    const result = await runInProcess(['plan', 'import', join(FIXTURES, 'kiro-tasks-nested-optional-tests-no-final-newline.md')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--project is required');
  });

  it('links decision records and flags open tasks built on a superseded one', async () => {
    const plan = join(dir, 'plan.md');
    const adr = join(dir, '0003-use-sqlite.md');
    await writeFile(plan, '# Plan\n\n## Week 1\n- [ ] Build the storage layer per ADR-0003 (2h)\n- [x] Spike storage options (ADR-0003)\n');
    await writeFile(adr, '# 3. Use SQLite\n\n## Status\n\nSuperseded by ADR-0007\n\n## Context\n\nWe need storage.\n\n## Decision\n\nUse SQLite.\n\n## Consequences\n\nOne process.\n');
    const doc = JSON.parse((await runInProcess(['plan', 'import', plan, '--dry-run', '--json', '--decisions', adr])).stdout) as DryRun;
    expect(doc.decisions).toEqual([{ id: 'ADR-0003', title: 'Use SQLite', status: 'superseded', supersededBy: ['ADR-0007'] }]);
    const flagged = doc.warnings.filter((w) => w.message.includes('superseded'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.message).toContain('Build the storage layer');
  });
});

describe('parseHours', () => {
  it('reads hours per weekday, minutes, and groups', () => {
    expect(parseHours('mon=2,tue=1.5,sat=90m')).toEqual({ mon: 120, tue: 90, wed: 0, thu: 0, fri: 0, sat: 90, sun: 0 });
    expect(parseHours('weekdays=2,weekend=4')).toEqual({ mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 240, sun: 240 });
    expect(() => parseHours('monday=2')).toThrow(/cannot read "monday=2"/);
    expect(() => parseHours('mon=25')).toThrow();
  });
});
