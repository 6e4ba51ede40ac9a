import type { Kysely } from 'kysely';
import type { CheckpointEvent } from '../../../core/checkpoints/checkpoint.model.js';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';

/** Events of a project's checkpoints (one, or all), grouped by checkpoint, in order. */
export async function loadCheckpointEvents(
  db: Kysely<Database>,
  projectId: string,
  checkpointId?: string,
): Promise<Map<string, CheckpointEvent[]>> {
  let query = db
    .selectFrom('checkpoint_events')
    .select(['checkpoint_id', 'event_json'])
    .where('project_id', '=', projectId);
  if (checkpointId !== undefined) query = query.where('checkpoint_id', '=', checkpointId);
  const rows = await query.orderBy('checkpoint_id').orderBy('seq').execute();
  const grouped = new Map<string, CheckpointEvent[]>();
  for (const row of rows) {
    const list = grouped.get(row.checkpoint_id) ?? [];
    list.push(JSON.parse(row.event_json) as CheckpointEvent);
    grouped.set(row.checkpoint_id, list);
  }
  return grouped;
}

/**
 * Append one event after `seq` events already read. The primary key refuses a second writer that
 * read the same history (SQLite serialises writers; PostgreSQL callers also lock the project).
 */
export async function appendCheckpointEvent(
  db: Kysely<Database>,
  projectId: string,
  checkpointId: string,
  seen: number,
  event: CheckpointEvent,
  createdAt: string,
): Promise<void> {
  try {
    await db
      .insertInto('checkpoint_events')
      .values({
        project_id: projectId,
        checkpoint_id: checkpointId,
        seq: seen + 1,
        type: event.type,
        event_json: JSON.stringify(event),
        at: event.at,
        created_at: createdAt,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('checkpoints.conflict', { cause: error });
    throw error;
  }
}

export async function loadProofChecks(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('proof_checks')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('submission_id')
    .orderBy('item')
    .execute();
}
