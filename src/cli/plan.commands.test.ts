import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/helpers/server.js';
import { parseHours } from './schedule.commands.js';
import { runInProcess } from './testing.js';

const FIXTURES = new URL('../../../shared/fixtures/plans/', import.meta.url).pathname;

interface DryRun {
  format: string;
  tasks: Array<{
    id: string;
    parentId: string | null;
    title: string;
    status: string;
    optional: boolean;
    estimateMinutes: unknown;
    dependsOn: string[];
    phase: string | null;
    source: { line: number };
  }>;
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
        expect(Object.keys(task)).toEqual([
          'id',
          'parentId',
          'title',
          'status',
          'optional',
          'estimateMinutes',
          'dependsOn',
          'phase',
          'source',
        ]);
      }
      const want = expected[name];
      if (want) expect({ format: doc.format, tasks: doc.tasks.length }, name).toEqual(want);
    }
  });

  it('keeps dependencies and ranges in the JSON', async () => {
    const file = join(dir, 'deps.md');
    await writeFile(
      file,
      '# Plan\n\n## Phase 1: Build\n- [ ] T001 Write the API (3-4h)\n- [ ] T002 Write the UI (2h) (depends on T001)\n',
    );
    const doc = JSON.parse(
      (await runInProcess(['plan', 'import', file, '--dry-run', '--json'])).stdout,
    ) as DryRun;
    const ui = doc.tasks.find((t) => t.title.includes('Write the UI'));
    const api = doc.tasks.find((t) => t.title.includes('Write the API'));
    expect(api?.estimateMinutes).toEqual({ min: 180, max: 240 });
    expect(ui?.dependsOn).toEqual([api?.id]);
  });

  it('shows people a table with totals', async () => {
    const result = await runInProcess([
      'plan',
      'import',
      join(FIXTURES, 'kiro-tasks-nested-optional-tests-no-final-newline.md'),
      '--dry-run',
    ]);
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
    expect(result.stderr).toMatch(
      new RegExp(`error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: `),
    );
    expect(result.stderr).toContain('hint:');
    const binary = join(dir, 'image.png');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect((await runInProcess(['plan', 'import', binary, '--dry-run'])).stderr).toContain('binary file');
    expect((await runInProcess(['plan', 'import', join(dir, 'missing.md'), '--dry-run'])).stderr).toContain(
      'ENOENT',
    );
  });

  it('needs a server unless it is a dry run', async () => {
    const result = await runInProcess(
      ['plan', 'import', join(FIXTURES, 'kiro-tasks-nested-optional-tests-no-final-newline.md')],
      { configDir: dir },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('not logged in');
    expect(result.stderr).toContain('recital login');
  });

  it('links decision records and flags open tasks built on a superseded one', async () => {
    const plan = join(dir, 'plan.md');
    const adr = join(dir, '0003-use-sqlite.md');
    await writeFile(
      plan,
      '# Plan\n\n## Week 1\n- [ ] Build the storage layer per ADR-0003 (2h)\n- [x] Spike storage options (ADR-0003)\n',
    );
    await writeFile(
      adr,
      '# 3. Use SQLite\n\n## Status\n\nSuperseded by ADR-0007\n\n## Context\n\nWe need storage.\n\n## Decision\n\nUse SQLite.\n\n## Consequences\n\nOne process.\n',
    );
    const doc = JSON.parse(
      (await runInProcess(['plan', 'import', plan, '--dry-run', '--json', '--decisions', adr])).stdout,
    ) as DryRun;
    expect(doc.decisions).toEqual([
      { id: 'ADR-0003', title: 'Use SQLite', status: 'superseded', supersededBy: ['ADR-0007'] },
    ]);
    const flagged = doc.warnings.filter((w) => w.message.includes('superseded'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.message).toContain('Build the storage layer');
  });
});

describe('parseHours', () => {
  it('reads hours per weekday, minutes, and groups', () => {
    expect(parseHours('mon=2,tue=1.5,sat=90m')).toEqual({
      mon: 120,
      tue: 90,
      wed: 0,
      thu: 0,
      fri: 0,
      sat: 90,
      sun: 0,
    });
    expect(parseHours('weekdays=2,weekend=4')).toEqual({
      mon: 120,
      tue: 120,
      wed: 120,
      thu: 120,
      fri: 120,
      sat: 240,
      sun: 240,
    });
    expect(() => parseHours('monday=2')).toThrow(/cannot read "monday=2"/);
    expect(() => parseHours('mon=25')).toThrow();
  });
});

describe('recital project, plan and schedule against a real server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  let dir: string;
  const run = (argv: string[]) =>
    runInProcess(argv, { env, fetch: globalThis.fetch, configDir: dir, cwd: dir });

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { signUpWithToken } = await import('../../test/helpers/users.js');
    server = await startTestServer();
    const user = await signUpWithToken(server.url, { timeZone: 'Asia/Kolkata' });
    env = { RECITAL_URL: server.url, RECITAL_TOKEN: user.token };
    dir = await mkdtemp(join(tmpdir(), 'recital-plan-it-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a project, imports two versions, shows the diff, and schedules it', async () => {
    expect((await run(['workspace', 'create', 'Side project', '--slug', 'side'])).exitCode).toBe(0);
    const created = await run(['project', 'create', 'Beta', '--workspace', 'side', '--json']);
    expect(created.exitCode, created.stderr).toBe(0);
    const project = JSON.parse(created.stdout) as { slug: string };
    await writeFile(join(dir, 'plan.md'), '# Beta\n\n## Week 1\n- [ ] Sign-up (2h)\n- [ ] Billing (3h)\n');
    const first = await run(['plan', 'import', 'plan.md', '--project', project.slug]);
    expect(first.stdout).toBe('Imported plan.md as version 1 of "Beta": 2 tasks, 0 warnings.\n');
    await writeFile(
      join(dir, 'plan.md'),
      '# Beta\n\n## Week 1\n- [ ] Sign-up (2h)\n- [ ] Billing (5h)\n- [ ] Onboarding email (1h)\n',
    );
    const second = await run([
      'plan',
      'import',
      'plan.md',
      '--project',
      project.slug,
      '--reason',
      'billing is bigger',
    ]);
    expect(second.stdout).toContain('version 2');
    const diff = await run(['plan', 'diff', '--project', project.slug]);
    expect(diff.stdout).toContain('v1 → v2: +1 added, -0 removed');
    expect(diff.stdout).toContain('+ Onboarding email');
    // With one project, --project may be left out.
    const versions = await run(['plan', 'versions']);
    expect(versions.stdout.split('\n')[0]).toMatch(/^v2 .*billing is bigger$/);
    const schedule = await run([
      'schedule',
      '--project',
      project.slug,
      '--hours',
      'weekdays=2',
      '--start',
      '2026-12-07',
      '--launch',
      '2026-12-11',
    ]);
    expect(schedule.exitCode, schedule.stderr).toBe(0);
    expect(schedule.stdout).toContain('Schedule from 2026-12-07 (Asia/Kolkata), plan v2:');
    expect(schedule.stdout).toContain('2026-12-07  2h of 2h');
    expect(schedule.stdout).toMatch(/Week 1: due 2026-12-11, needs 8h of 10h available: holds/);
    const today = await run(['today']);
    expect(today.stdout).toMatch(/^Today, \d{4}-\d{2}-\d{2} \(Asia\/Kolkata\)\nNext step: /);
    const taskId = /\[([^\]]+)\]\n/.exec(today.stdout)?.[1] ?? 'missing';
    expect((await run(['start', taskId])).stdout).toBe(`Started ${taskId}.\n`);
    expect((await run(['checkin', 'Wired the form', '--minutes', '45', '--task', taskId])).stdout).toMatch(
      /^Checked in \(45m\) for \d{4}-\d{2}-\d{2}\.\n$/,
    );
    expect((await run(['done', taskId])).stdout).toBe(`Done: ${taskId}.\n`);
    const again = await run(['done', taskId]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already done');
    const verified = await run(['ledger', 'verify']);
    expect(verified.stdout).toMatch(/^The record holds: 1 entries, head #1 [0-9a-f]{16}…\n$/);
    const exported = await run(['ledger', 'export']);
    expect(JSON.parse(exported.stdout.trim())).toMatchObject({
      seq: 1,
      kind: 'plan.replanned',
      payload: { version: 2, reason: 'billing is bigger' },
    });
    await server.deps.db.updateTable('ledger_entries').set({ actor_id: null }).execute();
    const tampered = await run(['ledger', 'verify']);
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stderr).toContain('has been altered');
    expect(tampered.stderr).toContain('entry 1: hash_mismatch');
    const status = await run(['status']);
    expect(status.stdout).toMatch(/^Beta: on track, streak 0 \(longest 0\)\n/);
    const noHours = await run(['grace']);
    expect(noHours.exitCode).toBe(1);
    expect(noHours.stderr).toContain('Save your hours first');
    const tight = await run([
      'schedule',
      '--project',
      project.slug,
      '--hours',
      'weekdays=1',
      '--start',
      '2026-12-07',
      '--launch',
      '2026-12-08',
      '--json',
    ]);
    const result = JSON.parse(tight.stdout) as {
      checkpoints: Array<{ feasible: boolean; cutLine: string[]; earliestFeasibleDate: string }>;
    };
    expect(result.checkpoints[0]?.feasible).toBe(false);
    expect(result.checkpoints[0]?.cutLine.length).toBeGreaterThan(0);
  });
});
