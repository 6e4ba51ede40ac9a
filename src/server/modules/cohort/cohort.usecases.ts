import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Cohort, nudgeBuilders, WitnessedProjectSchema } from '../../../contracts/cohort.contract.js';
import type { CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import { canManageWorkspace } from '../../../core/access/workspace-policy.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import { loadChances } from '../forecast/forecast.repository.js';
import { loadPace, paceSummary } from '../forecast/pace.repository.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { checkpointsOf } from '../checkpoints/checkpoints.usecases.js';
import { loadContractVersionsOf } from '../contracts/contracts.repository.js';
import { notify } from '../notifications/notify.js';
import { othersProjectsVisibleTo, type ProjectRow } from '../projects/projects.repository.js';
import { daysOf } from '../verdicts/verdicts.usecases.js';
import { requireMembership } from '../workspaces/workspaces.usecases.js';

type CohortDeps = Pick<Deps, 'db' | 'clock'>;
const DAY_MS = 86_400_000;
const HEALTH_ORDER = { stalled: 0, slipping: 1, on_track: 2 } as const;

async function names(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The cohort console: every project of the workspace, the ones at risk first. Organizers only. */
export async function getCohort(
  deps: CohortDeps,
  actor: Actor,
  workspaceId: string,
  windowDays: number,
): Promise<Cohort> {
  const { roles } = await requireMembership(deps.db, workspaceId, actor);
  enforce(canManageWorkspace(roles), 'workspaces.not_found');
  const now = deps.clock.now();
  const projects = await deps.db
    .selectFrom('projects')
    .innerJoin('users', 'users.id', 'projects.builder_id')
    .selectAll('projects')
    .select(['users.display_name as builder_name', 'users.email as builder_email', 'users.time_zone'])
    .where('projects.workspace_id', '=', workspaceId)
    .orderBy('projects.name')
    .execute();
  const contracts = await loadContractVersionsOf(
    deps.db,
    projects.map((p) => p.id),
  );
  const lastEvidence = projects.length
    ? await deps.db
        .selectFrom('evidence')
        .select(['project_id', (eb) => eb.fn.max('at').as('at')])
        .where(
          'project_id',
          'in',
          projects.map((p) => p.id),
        )
        .groupBy('project_id')
        .execute()
    : [];
  const through = localDateOf(now.getTime(), 'UTC');
  const from = addLocalDays(through, -(windowDays - 1));
  const witnessIds = new Set<string>();
  for (const list of contracts.values())
    for (const id of contractAt(list, now.getTime())?.contract.witnesses ?? []) witnessIds.add(id);
  const witnessNames = await names(deps.db, [...witnessIds]);

  const chances = await loadChances(
    deps.db,
    projects.map((p) => p.id),
  );
  const builders: Cohort['builders'] = [];
  const atRisk: Cohort['checkpoints']['atRisk'] = [];
  const missed: Cohort['checkpoints']['missed'] = [];
  const upcoming: Cohort['checkpoints']['upcoming'] = [];
  const load = new Map<string, { builders: number; waiting: number; oldest: string | null }>();
  for (const project of projects) {
    const contract = contractAt(contracts.get(project.id) ?? [], now.getTime())?.contract ?? null;
    const [days, checkpoints] = await Promise.all([
      daysOf(deps, project),
      checkpointsOf(deps.db, project as ProjectRow, now),
    ]);
    const last = lastEvidence.find((e) => e.project_id === project.id)?.at as string | null | undefined;
    const chanceOf = (c: CheckpointDto) => chances.get(project.id)?.get(c.id) ?? null;
    const named = (c: CheckpointDto) => ({
      ...c,
      projectName: project.name,
      builderName: project.builder_name,
      chance: chanceOf(c),
    });
    const open = (c: CheckpointDto) => c.status === 'pending' || c.status === 'rejected';
    for (const c of checkpoints) {
      if (c.status === 'missed') missed.push(named(c));
      if (c.status === 'pending' && c.dueAt > now.toISOString()) upcoming.push(named(c));
      if (open(c) && chanceOf(c)?.atRisk) atRisk.push(named(c));
    }
    const next = checkpoints.find(open) ?? null;
    for (const witnessId of contract?.witnesses ?? []) {
      const entry = load.get(witnessId) ?? { builders: 0, waiting: 0, oldest: null };
      entry.builders += 1;
      for (const c of checkpoints.filter((c) => c.status === 'submitted' && c.current)) {
        entry.waiting += 1;
        const at = c.current!.at;
        if (!entry.oldest || at < entry.oldest) entry.oldest = at;
      }
      load.set(witnessId, entry);
    }
    builders.push({
      projectId: project.id,
      projectName: project.name,
      builderId: project.builder_id,
      builderName: project.builder_name,
      builderEmail: project.builder_email,
      timeZone: project.time_zone,
      witnesses: (contract?.witnesses ?? []).map((id) => ({ id, name: witnessNames.get(id) ?? id })),
      committed: contract !== null,
      health: days.health.state,
      replanRequired: days.health.replanRequired,
      streak: days.streak.current,
      days: days.verdicts.filter((v) => v.date >= from).map((v) => ({ date: v.date, verdict: v.verdict })),
      lastEvidenceAt: last ?? null,
      daysSinceEvidence: last ? Math.floor((now.getTime() - Date.parse(last)) / DAY_MS) : null,
      missedCheckpoints: checkpoints.filter((c) => c.status === 'missed').length,
      atRiskCheckpoints: checkpoints.filter((c) => open(c) && chanceOf(c)?.atRisk).length,
      nextCheckpoint: next,
      nextCheckpointChance: next ? chanceOf(next) : null,
    });
  }
  builders.sort(
    (a, b) =>
      HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] ||
      (b.daysSinceEvidence ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceEvidence ?? Number.MAX_SAFE_INTEGER) ||
      a.builderName.localeCompare(b.builderName),
  );
  missed.sort((a, b) => (a.dueAt < b.dueAt ? 1 : -1));
  upcoming.sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
  atRisk.sort(
    (a, b) => (a.chance?.probability ?? 0) - (b.chance?.probability ?? 0) || (a.dueAt < b.dueAt ? -1 : 1),
  );
  return {
    workspaceId,
    from,
    through,
    builders,
    checkpoints: { missed, upcoming, atRisk },
    pace: paceSummary(
      await loadPace(
        deps.db,
        projects.map((p) => ({ id: p.id, timeZone: p.time_zone })),
      ),
    ),
    reviewLoad: [...load.entries()]
      .map(([witnessId, entry]) => ({
        witnessId,
        witnessName: witnessNames.get(witnessId) ?? witnessId,
        builders: entry.builders,
        waiting: entry.waiting,
        oldestWaitingSince: entry.oldest,
      }))
      .sort((a, b) => b.waiting - a.waiting || a.witnessName.localeCompare(b.witnessName)),
  };
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The cohort as CSV (RFC 4180), one row per builder. */
export function cohortCsv(cohort: Cohort): string {
  const header = [
    'builder',
    'email',
    'project',
    'health',
    'replan_required',
    'streak',
    'showed_up',
    'skipped',
    'paused',
    'grace',
    'last_evidence_at',
    'days_since_evidence',
    'missed_checkpoints',
    'next_checkpoint',
    'next_checkpoint_due',
    'witnesses',
  ];
  const count = (b: Cohort['builders'][number], verdict: string) =>
    b.days.filter((d) => d.verdict === verdict).length;
  const rows = cohort.builders.map((b) =>
    [
      b.builderName,
      b.builderEmail,
      b.projectName,
      b.health,
      b.replanRequired,
      b.streak,
      count(b, 'showed_up'),
      count(b, 'skipped'),
      count(b, 'paused'),
      count(b, 'grace'),
      b.lastEvidenceAt,
      b.daysSinceEvidence,
      b.missedCheckpoints,
      b.nextCheckpoint?.title ?? null,
      b.nextCheckpoint?.dueDate ?? null,
      b.witnesses.map((w) => w.name).join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export async function nudge(
  deps: CohortDeps,
  actor: Actor,
  workspaceId: string,
  body: z.output<NonNullable<(typeof nudgeBuilders)['body']>>,
): Promise<{ notified: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const { roles } = await requireMembership(trx, workspaceId, actor);
    enforce(canManageWorkspace(roles), 'workspaces.not_found');
    const projects = await trx
      .selectFrom('projects')
      .select(['id', 'name', 'builder_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', body.projectIds)
      .execute();
    if (projects.length !== new Set(body.projectIds).size) throw new AppError('projects.not_found');
    const sender = (await names(trx, [actor.userId])).get(actor.userId) ?? 'Your organizer';
    const at = deps.clock.now().toISOString();
    const batch = newId();
    let notified = 0;
    for (const project of projects)
      notified += await notify(trx, {
        userIds: [project.builder_id],
        projectId: project.id,
        kind: 'cohort.nudge',
        dedupKey: `nudge:${batch}:${project.id}`,
        title: `${sender}: a note about ${project.name}`,
        body: body.message,
        url: `/projects/${project.id}/today`,
        at,
      });
    await recordAudit(trx, {
      workspaceId,
      actorId: actor.userId,
      action: 'cohort.nudged',
      subjectId: workspaceId,
      data: { projects: projects.length },
      at: deps.clock.now(),
    });
    return { notified };
  });
}

type Witnessed = z.infer<typeof WitnessedProjectSchema>;

/** Every project whose commitment names the actor as witness or backup witness. */
export async function listWitnessed(deps: CohortDeps, actor: Actor): Promise<{ projects: Witnessed[] }> {
  const now = deps.clock.now();
  const projects = await othersProjectsVisibleTo(deps.db, actor.userId);
  const contracts = await loadContractVersionsOf(
    deps.db,
    projects.map((p) => p.id),
  );
  const chances = await loadChances(
    deps.db,
    projects.map((p) => p.id),
  );
  const result: Witnessed[] = [];
  for (const project of projects) {
    const contract = contractAt(contracts.get(project.id) ?? [], now.getTime())?.contract;
    if (!contract) continue;
    const role = contract.witnesses.includes(actor.userId)
      ? 'witness'
      : contract.backupWitness === actor.userId
        ? 'backup_witness'
        : null;
    if (!role) continue;
    const [days, checkpoints] = await Promise.all([
      daysOf(deps, project),
      checkpointsOf(deps.db, project as ProjectRow, now),
    ]);
    const chanceOf = (id: string) => chances.get(project.id)?.get(id);
    const next = checkpoints.find((c) => c.status === 'pending' || c.status === 'rejected') ?? null;
    result.push({
      projectId: project.id,
      projectName: project.name,
      workspaceId: project.workspace_id,
      builderId: project.builder_id,
      builderName: project.builder_name,
      role,
      health: days.health.state,
      streak: days.streak.current,
      lastShowedUp: days.verdicts.filter((v) => v.verdict === 'showed_up').at(-1)?.date ?? null,
      waitingReviews: checkpoints.filter((c) => c.status === 'submitted').length,
      nextCheckpoint: next,
      nextCheckpointChance: next ? (chanceOf(next.id) ?? null) : null,
      atRisk: checkpoints
        .filter((c) => (c.status === 'pending' || c.status === 'rejected') && chanceOf(c.id)?.atRisk)
        .map((c) => {
          const chance = chanceOf(c.id)!;
          return {
            id: c.id,
            title: c.title,
            dueDate: c.dueDate,
            probability: chance.probability,
            p85: chance.p85,
            note: chance.note,
          };
        })
        .sort((a, b) => (a.probability ?? 0) - (b.probability ?? 0)),
      missed: checkpoints
        .filter((c) => c.status === 'missed')
        .map(({ id, title, dueDate }) => ({ id, title, dueDate }))
        .reverse(),
    });
  }
  result.sort(
    (a, b) => HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || a.builderName.localeCompare(b.builderName),
  );
  return { projects: result };
}
