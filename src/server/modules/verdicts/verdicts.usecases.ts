import type { Days, GraceAllowance } from '../../../contracts/days.contract.js';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import { graceAllowance } from '../../../core/verdicts/grace-allowance.js';
import { sprintAround } from '../../../core/verdicts/sprints.js';
import { projectHealth } from '../../../core/verdicts/consequences.js';
import { streak } from '../../../core/verdicts/streak.js';
import type { DayVerdict } from '../../../core/verdicts/verdict.model.js';
import type { Kysely } from 'kysely';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import type { ProjectRow } from '../projects/projects.repository.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { ladderAt } from './consequences.js';
import { loadDayLedger, verdictPolicy, type VerdictProject } from './day-ledger.js';
import { requireProject } from '../projects/projects.usecases.js';

/** The local date of the last re-plan (a plan version after the first), or null. */
export async function replannedOn(
  db: Kysely<Database>,
  projectId: string,
  timeZone: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('plan_versions')
    .select('created_at')
    .where('project_id', '=', projectId)
    .where('number', '>', 1)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? localDateOf(Date.parse(row.created_at), timeZone) : null;
}

export async function listDays(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<Days> {
  const { project } = await requireProject(deps.db, projectId, actor);
  const [days, grace] = await Promise.all([daysOf(deps, project), graceOf(deps, project)]);
  return { ...days, grace };
}

/**
 * The grace tokens left in the sprint under way by the contract in force (two per 14-day sprint
 * before one), counted as a spend would be; null until the builder's hours are saved.
 */
export async function graceOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  project: Pick<ProjectRow, 'id' | 'builder_id' | 'verdicts_from' | 'availability_json'>,
): Promise<GraceAllowance | null> {
  const contracts = await loadContractVersions(deps.db, project.id);
  if (!project.verdicts_from || (!project.availability_json && contracts.length === 0)) return null;
  const builder = await deps.db
    .selectFrom('users')
    .select('time_zone')
    .where('id', '=', project.builder_id)
    .executeTakeFirstOrThrow();
  const target: VerdictProject = {
    id: project.id,
    availability_json: project.availability_json,
    verdicts_from: project.verdicts_from,
    time_zone: builder.time_zone,
    contracts,
  };
  const now = deps.clock.now();
  const policy = verdictPolicy(target, now.getTime());
  const sprint =
    policy.grace && sprintAround(policy.grace.sprints, localDateOf(now.getTime(), target.time_zone));
  if (!sprint) return null;
  // Spends can be made ahead, on days of the sprint still to come; those days must be known as planned.
  const through = sprint.next ? addLocalDays(sprint.next, -1) : localDateOf(now.getTime(), target.time_zone);
  const ledger = await loadDayLedger(deps.db, target, sprint.start, through);
  return graceAllowance({ ledger, policy, now: now.toISOString() });
}

/** A project's judged days, streak and health, for whoever may already see them. */
export async function daysOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  project: Pick<ProjectRow, 'id' | 'builder_id' | 'verdicts_from'>,
): Promise<Omit<Days, 'grace'>> {
  const projectId = project.id;
  const rows = await deps.db
    .selectFrom('day_verdicts')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('date')
    .execute();
  const verdicts: DayVerdict[] = rows.map((row) => ({
    date: row.date,
    verdict: row.verdict,
    evidenceIds: JSON.parse(row.evidence_ids_json) as string[],
    reason: row.reason,
    closedAt: row.closed_at,
  }));
  const builder = await deps.db
    .selectFrom('users')
    .select('time_zone')
    .where('id', '=', project.builder_id)
    .executeTakeFirstOrThrow();
  const contracts = await loadContractVersions(deps.db, projectId);
  const lastReplan = await replannedOn(deps.db, projectId, builder.time_zone);
  const health = projectHealth(verdicts, ladderAt(contracts, deps.clock.now().getTime()), {
    replannedOn: lastReplan,
  });
  // A missed checkpoint restarts the streak and requires a re-plan before the next one.
  const missed = await deps.db
    .selectFrom('checkpoint_events')
    .select('at')
    .where('project_id', '=', projectId)
    .where('type', '=', 'missed')
    .execute();
  const missedOn = missed.map((row) => localDateOf(Date.parse(row.at) - 1, builder.time_zone));
  const replanRequired =
    health.replanRequired || missedOn.some((date) => lastReplan === null || date >= lastReplan);
  return {
    verdicts,
    streak: streak(verdicts, { resetAfter: missedOn }),
    health: {
      state: health.state,
      consecutiveSkips: health.consecutiveSkips,
      replanRequired,
    },
    verdictsFrom: project.verdicts_from,
  };
}
