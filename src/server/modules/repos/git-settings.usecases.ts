import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { GitSettings, UpdateGitSettingsBody } from '../../../contracts/repositories.contract.js';
import { validateAttributionRules } from '../../../core/git/attribution-rules.js';
import { canManageWorkspace } from '../../../core/access/workspace-policy.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { requireMembership } from '../workspaces/workspaces.usecases.js';

const EMPTY: GitSettings = { attributionRules: [], generatedPatterns: [], botPatterns: [] };

export function parseGitSettings(json: string): GitSettings {
  return { ...EMPTY, ...(JSON.parse(json) as Partial<GitSettings>) };
}

/** The settings of the workspace a project belongs to: what every commit reported for it is read with. */
export async function gitSettingsOfProject(db: Kysely<Database>, projectId: string): Promise<GitSettings> {
  const row = await db
    .selectFrom('projects')
    .innerJoin('workspaces', 'workspaces.id', 'projects.workspace_id')
    .select('workspaces.git_settings_json')
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  return row ? parseGitSettings(row.git_settings_json) : EMPTY;
}

export async function getGitSettings(deps: Pick<Deps, 'db'>, actor: Actor, workspaceId: string) {
  const { workspace } = await requireMembership(deps.db, workspaceId, actor);
  const row = await deps.db
    .selectFrom('workspaces')
    .select('git_settings_json')
    .where('id', '=', workspace.id)
    .executeTakeFirstOrThrow();
  return parseGitSettings(row.git_settings_json);
}

/** Rules are checked when saved (a pattern that does not compile is refused here, never at match time). */
export async function updateGitSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  workspaceId: string,
  body: z.output<typeof UpdateGitSettingsBody>,
): Promise<GitSettings> {
  if (body.attributionRules) {
    const issues = validateAttributionRules(body.attributionRules).map((issue) => ({
      path: `body.attributionRules${issue.path.replace(/^rules/, '')}`,
      message: issue.message,
    }));
    const first = issues[0];
    if (first)
      throw new AppError('request.invalid', {
        message: `${first.path}: ${first.message}`,
        details: { issues },
      });
  }
  return deps.db.transaction().execute(async (trx) => {
    const { workspace, roles } = await requireMembership(trx, workspaceId, actor);
    enforce(canManageWorkspace(roles), 'workspaces.not_found');
    const current = await getGitSettings({ db: trx }, actor, workspaceId);
    const next: GitSettings = { ...current, ...body };
    await trx
      .updateTable('workspaces')
      .set({ git_settings_json: JSON.stringify(next) })
      .where('id', '=', workspace.id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actorId: actor.userId,
      action: 'workspace.git_settings_changed',
      subjectId: workspaceId,
      data: { fields: Object.keys(body) },
      at: deps.clock.now(),
    });
    return next;
  });
}
