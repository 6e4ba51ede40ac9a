import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPlan } from './import-plan.js';
import { PLAN_FORMATS, PlanImportError, type ImportedPlan } from './plan.model.js';

const FIXTURES = new URL('../../../../shared/fixtures/plans/', import.meta.url);
const fixtures = readdirSync(FIXTURES).map((name) => ({
  name,
  text: readFileSync(new URL(name, FIXTURES), 'utf8'),
}));

/** Either a usable plan whose invariants hold, or a PlanImportError with a hint — never anything else. */
function importOrRefuse(
  text: string,
  format?: (typeof PLAN_FORMATS)[number],
): ImportedPlan | PlanImportError {
  try {
    const plan = importPlan({ text, ...(format ? { format } : {}) });
    const ids = new Set(plan.tasks.map((task) => task.id));
    expect(ids.size, 'task ids are unique').toBe(plan.tasks.length);
    for (const task of plan.tasks) {
      expect(task.source.line).toBeGreaterThanOrEqual(1);
      for (const dep of task.dependsOn) expect(ids.has(dep), `dependency ${dep} exists`).toBe(true);
      if (task.parentId !== null) expect(ids.has(task.parentId), `parent ${task.parentId} exists`).toBe(true);
    }
    for (const checkpoint of plan.checkpoints)
      for (const id of checkpoint.taskIds) expect(ids.has(id)).toBe(true);
    return plan;
  } catch (error) {
    if (!(error instanceof PlanImportError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.hint.length).toBeGreaterThan(0);
    return error;
  }
}

/** Damage a real plan the ways files really get damaged: cut short, lines dropped or doubled, bytes flipped. */
const mutated = (text: string) =>
  fc.oneof(
    fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: 200 }))
      .map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.string({ maxLength: 40 }))
      .map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
    fc.array(fc.nat({ max: 1000 }), { maxLength: 20 }).map((drops) => {
      const lines = text.split('\n');
      return lines.filter((_, i) => !drops.includes(i % 1000)).join('\n');
    }),
    fc.nat({ max: text.length }).map((at) => text.slice(0, at) + text.slice(at).replace(/[{}[\]"`*#>-]/, '')),
  );

describe('importPlan under random and damaged input', () => {
  it('never crashes on arbitrary text, in any format', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400, unit: 'binary' }),
        fc.constantFrom(undefined, ...PLAN_FORMATS),
        (text, format) => {
          importOrRefuse(text, format);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never crashes on Markdown- and JSON-shaped noise', () => {
    const token = fc.constantFrom(
      '- [ ] ',
      '- [x] ',
      '  - [ ]* ',
      '# Phase 1\n',
      '## Week 2 (10h)\n',
      'T001 ',
      '[P] ',
      '[US1] ',
      '1.1 ',
      '(2h) ',
      '~~',
      '`',
      '```\n',
      '| a | b |\n|---|---|\n',
      '{"tasks":[',
      '{"id":1,',
      '"dependencies":["2.1"]',
      ']}',
      '\n',
      'depends on T002 ',
      '_Requirements: 1.2_\n',
      '✅ ',
      '**Checkpoint**: ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, fc.string({ maxLength: 12 })), { maxLength: 60 }),
        fc.constantFrom(undefined, ...PLAN_FORMATS),
        (parts, format) => {
          importOrRefuse(parts.join(''), format);
        },
      ),
      { numRuns: 400 },
    );
  });

  for (const fixture of fixtures) {
    it(`never crashes on damaged copies of ${fixture.name}`, () => {
      fc.assert(
        fc.property(mutated(fixture.text), (text) => {
          importOrRefuse(text);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('refuses empty, blank and binary input with a clear error', () => {
    for (const text of ['', '   \n\t\n', '\u0000\u0001\u0002PNG\u0000\u0000', '\uFFFD'.repeat(50)]) {
      const result = importOrRefuse(text);
      expect(result).toBeInstanceOf(PlanImportError);
    }
  });
});
