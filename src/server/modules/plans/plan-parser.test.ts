import { afterEach, describe, expect, it } from 'vitest';
import { PlanImportError } from '../../../core/plans/plan.model.js';
import { createWorkerPlanParser, type PlanParser, PlanParseTimeout } from './plan-parser.js';

describe('plan parser in a worker thread', () => {
  let parser: PlanParser | undefined;
  afterEach(async () => parser?.close());

  it('reads plans off the event loop and keeps PlanImportError with its location', async () => {
    parser = createWorkerPlanParser({ timeoutMs: 20_000 });
    const plan = await parser.parse({ text: '# Plan\n\n## Week 1\n- [ ] Write it (2h)\n- [x] Plan it\n' });
    expect(plan.tasks.map((task) => [task.title, task.status, task.estimateMinutes])).toEqual([
      ['Write it', 'todo', 120],
      ['Plan it', 'done', null],
    ]);
    const error = await parser
      .parse({ text: '{"tasks": [\n {"id": 1,,}\n]}', fileName: 'tasks.json' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanImportError);
    expect((error as PlanImportError).location.line).toBe(2);
  });

  it('gives up on a plan that takes too long, and the next plan still works', async () => {
    parser = createWorkerPlanParser({ timeoutMs: 150 });
    const huge = Array.from(
      { length: 40_000 },
      (_, i) => `- [ ] Task ${i} (1h) depends on Task ${i - 1}`,
    ).join('\n');
    await expect(parser.parse({ text: `# Plan\n\n## Week 1\n${huge}\n` })).rejects.toBeInstanceOf(
      PlanParseTimeout,
    );
    await parser.close();
    parser = createWorkerPlanParser({ timeoutMs: 20_000 });
    expect((await parser.parse({ text: '- [ ] One thing\n' })).tasks).toHaveLength(1);
  });

  it('refuses work after close', async () => {
    parser = createWorkerPlanParser({ timeoutMs: 20_000 });
    await parser.close();
    await expect(parser.parse({ text: '- [ ] x\n' })).rejects.toThrow('shutting down');
  });
});
