/** fast-check arbitraries for plan-version property tests. Not used by production code. */
import fc from 'fast-check';
import { type PlanTask, TASK_STATUSES } from '../plan.model.js';
import { task } from './versions.fixtures.js';

const WORDS = [
  'set',
  'up',
  'the',
  'database',
  'login',
  'page',
  'deploy',
  'write',
  'tests',
  'docs',
  'api',
  'ci',
];

const title = fc
  .array(fc.constantFrom(...WORDS, 'Настроить', '데이터베이스', '实现登录', '✅', '**bold**'), {
    minLength: 0,
    maxLength: 5,
  })
  .map((words) => words.join(' '));

const estimate = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 600 }),
    fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
      .map(([a, b]) => ({ min: a, max: a + b })),
  ),
);

const draft = fc.record({
  title,
  sourceId: fc.option(fc.constantFrom('T1', 'T2', 'T3', 'T4', '1.1', '2')),
  parent: fc.option(fc.nat()),
  dependsOn: fc.array(fc.nat(), { maxLength: 3 }),
  phase: fc.option(fc.constantFrom('p1', 'p2')),
  status: fc.constantFrom(...TASK_STATUSES),
  optional: fc.boolean(),
  estimate,
});

/** A plan of up to `maxLength` tasks with unique ids `${prefix}0…`, parents and dependencies pointing backwards. */
export function planArbitrary(prefix: string, maxLength = 25): fc.Arbitrary<PlanTask[]> {
  return fc.array(draft, { maxLength }).map((drafts) =>
    drafts.map((d, index) => {
      const earlier = (n: number) => `${prefix}${n % Math.max(1, index)}`;
      return task(`${prefix}${index}`, d.title, {
        sourceId: d.sourceId,
        parentId: index > 0 && d.parent !== null ? earlier(d.parent) : null,
        dependsOn: index > 0 ? [...new Set(d.dependsOn.map(earlier))] : [],
        phase: d.phase,
        status: d.status,
        optional: d.optional,
        estimateMinutes: d.estimate,
      });
    }),
  );
}

/** A previous plan and a regeneration of it: shuffled, some tasks dropped or retitled, new ones added, ids renamed. */
export const planAndRegeneration: fc.Arbitrary<[PlanTask[], PlanTask[]]> = planArbitrary('p').chain(
  (previous) =>
    fc
      .tuple(
        fc.shuffledSubarray(previous),
        fc.array(fc.constantFrom('', ' now', ' soon'), {
          minLength: previous.length,
          maxLength: previous.length,
        }),
        planArbitrary('new', 5),
      )
      .map(([kept, suffixes, extra]): [PlanTask[], PlanTask[]] => {
        const rename = new Map(kept.map((t, index) => [t.id, `n${index}`]));
        const next = kept.map((t, index) => ({
          ...t,
          id: `n${index}`,
          title: `${t.title}${suffixes[index] ?? ''}`,
          parentId: t.parentId === null ? null : (rename.get(t.parentId) ?? null),
          dependsOn: t.dependsOn.flatMap((id) => rename.get(id) ?? []),
        }));
        return [previous, [...next, ...extra]];
      }),
);
