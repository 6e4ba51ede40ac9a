import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { JsonObject } from '../../../core/ledger/canonical-json.js';
import {
  chainEntry,
  type Hasher,
  type LedgerDraft,
  type LedgerEntry,
  type LedgerKind,
} from '../../../core/ledger/ledger.model.js';
import type { Dialect } from '../../db/database.js';
import type { Database, LedgerEntriesTable } from '../../db/schema.js';
import { lockProject } from '../projects/projects.repository.js';

/** SHA-256 hex of the UTF-8 text: the hash every Recital ledger uses. */
export const sha256Hex: Hasher = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

type Row = Selectable<LedgerEntriesTable>;

function toEntry(row: Row): LedgerEntry {
  return {
    projectId: row.project_id,
    seq: row.seq,
    at: row.at,
    kind: row.kind as LedgerKind,
    actorId: row.actor_id,
    payload: JSON.parse(row.payload_json) as JsonObject,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Append one entry to a project's ledger, inside the caller's transaction (so the fact and its
 * record commit together). The project row is locked on PostgreSQL so concurrent appends queue.
 */
export async function appendLedger(
  db: Kysely<Database>,
  dialect: Dialect,
  draft: LedgerDraft,
): Promise<LedgerEntry> {
  await lockProject(db, draft.projectId, dialect);
  const last = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('project_id', '=', draft.projectId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entry = chainEntry(last ? toEntry(last) : null, draft, sha256Hex);
  await db
    .insertInto('ledger_entries')
    .values({
      project_id: entry.projectId,
      seq: entry.seq,
      at: entry.at,
      kind: entry.kind,
      actor_id: entry.actorId,
      payload_json: JSON.stringify(entry.payload),
      prev_hash: entry.prevHash,
      hash: entry.hash,
      created_at: draft.at,
    })
    .execute();
  return entry;
}

/** Every entry of a project in seq order, as stored (tampering included: that is what verify looks for). */
export async function readLedger(db: Kysely<Database>, projectId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}
