import type { Kysely } from 'kysely';
import {
  contractAt,
  plannedDaysFromContracts,
  type ContractVersion,
} from '../../../core/contracts/contract-timeline.js';
import { buildCalendar, localDaysBetween } from '../../../core/schedule/calendar.js';
import type { Availability } from '../../../core/schedule/schedule.model.js';
import type { DayLedger, Evidence, VerdictPolicy } from '../../../core/verdicts/verdict.model.js';
import type { Database } from '../../db/schema.js';

/** The project facts the verdict engine reads. */
export interface VerdictProject {
  id: string;
  availability_json: string | null;
  verdicts_from: string;
  time_zone: string;
  /** The contract's versions, oldest first; empty before the builder commits. */
  contracts: readonly ContractVersion[];
}

/**
 * The rules days are judged by: the grace tokens and sprint length of the contract in force at
 * `atMs` (before a contract, two tokens per 14-day sprint), sprints counted from the first judged
 * day, and 12 hours after a day to spend a token on it.
 */
export function verdictPolicy(
  project: Pick<VerdictProject, 'verdicts_from' | 'contracts'>,
  atMs: number,
): VerdictPolicy {
  const contract = contractAt(project.contracts, atMs)?.contract;
  return {
    grace: {
      tokensPerSprint: contract?.graceTokensPerSprint ?? 2,
      windowHours: 12,
      sprints: { startDate: project.verdicts_from, lengthDays: contract?.sprintLengthDays ?? 14 },
    },
  };
}

/**
 * Planned days: with a contract, the weekdays it gives hours (as it stood when each day began);
 * before one, the availability the builder saved. Days off never count.
 */
export function plannedDays(project: VerdictProject, through: string): string[] {
  const saved = (project.availability_json ? JSON.parse(project.availability_json) : {}) as Partial<
    Pick<Availability, 'minutesPerWeekday'>
  > & {
    daysOff?: string[];
  };
  if (project.contracts.length > 0)
    return plannedDaysFromContracts({
      versions: project.contracts,
      timeZone: project.time_zone,
      from: project.verdicts_from,
      through,
      daysOff: saved.daysOff ?? [],
    });
  if (!saved.minutesPerWeekday) return [];
  const span = localDaysBetween(project.verdicts_from, through) + 1;
  if (span <= 0) return [];
  const calendar = buildCalendar(
    {
      timeZone: project.time_zone,
      minutesPerWeekday: saved.minutesPerWeekday,
      daysOff: saved.daysOff ?? [],
      startDate: project.verdicts_from,
    },
    span,
  );
  const days: string[] = [];
  for (let i = 0; i < span; i++) if ((calendar.capacity[i] ?? 0) > 0) days.push(calendar.dateOf(i));
  return days;
}

/** Everything known about a project's days from `from` through `through` (local dates). */
export async function loadDayLedger(
  db: Kysely<Database>,
  project: VerdictProject,
  from: string,
  through: string,
): Promise<DayLedger> {
  const [evidence, pauses, graceSpends] = await Promise.all([
    db
      .selectFrom('evidence')
      .select(['id', 'kind', 'at', 'minutes', 'task_id'])
      .where('project_id', '=', project.id)
      .where('local_date', '>=', from)
      .where('local_date', '<=', through)
      .execute(),
    db
      .selectFrom('pauses')
      .select(['from_date', 'to_date', 'reason', 'requested_at'])
      .where('project_id', '=', project.id)
      .execute(),
    db.selectFrom('grace_spends').select(['date', 'spent_at']).where('project_id', '=', project.id).execute(),
  ]);
  return {
    timeZone: project.time_zone,
    plannedDays: plannedDays(project, through),
    evidence: evidence.map((row): Evidence => ({
      id: row.id,
      kind: row.kind,
      at: row.at,
      ...(row.minutes === null ? {} : { minutes: row.minutes }),
      ...(row.task_id ? { ref: row.task_id } : {}),
    })),
    pauses: pauses.map((row) => ({
      from: row.from_date,
      to: row.to_date,
      reason: row.reason,
      requestedAt: row.requested_at,
    })),
    graceSpends: graceSpends.map((row) => ({ date: row.date, spentAt: row.spent_at })),
  };
}
