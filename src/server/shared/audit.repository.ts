import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditEvent {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/** Append one event to the audit log; call inside the transaction that made the change. */
export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      workspace_id: event.workspaceId,
      actor_id: event.actorId,
      action: event.action,
      subject_id: event.subjectId,
      data: JSON.stringify(event.data ?? {}),
      created_at: event.at.toISOString(),
    })
    .execute();
}
