import { readFileSync } from 'node:fs';
import type { ImportedPlan, PlanTask } from '../../src/core/plans/plan.model.js';

/** The real-world plans and decision records beside the repository (../shared/fixtures). */
export const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);

export function planFixture(name: string): string {
  return readFileSync(new URL(`plans/${name}`, FIXTURES), 'utf8');
}

export function decisionFixture(name: string): string {
  return readFileSync(new URL(`decisions/${name}`, FIXTURES), 'utf8');
}

/** The task with this id, or a failing test that names it. */
export function taskById(plan: ImportedPlan, id: string): PlanTask {
  const task = plan.tasks.find((candidate) => candidate.id === id);
  if (!task) throw new Error(`no task ${id} among ${plan.tasks.length} tasks`);
  return task;
}
