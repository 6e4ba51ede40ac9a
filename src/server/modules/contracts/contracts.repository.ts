import type { Kysely, Selectable } from 'kysely';
import type { ContractVersion } from '../../../core/contracts/contract-timeline.js';
import type { Contract } from '../../../core/contracts/contract.model.js';
import type { EffectiveChange } from '../../../core/contracts/effective-at.js';
import type { ContractVersionsTable, Database } from '../../db/schema.js';

export type ContractVersionRow = Selectable<ContractVersionsTable>;

export interface StoredContractVersion extends ContractVersion {
  changes: EffectiveChange[];
  reason: string;
  requestedBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export function toVersion(row: ContractVersionRow): StoredContractVersion {
  return {
    number: row.number,
    contract: JSON.parse(row.contract_json) as Contract,
    interim: JSON.parse(row.interim_json) as Contract,
    requestedAt: row.requested_at,
    fullyEffectiveAt: row.fully_effective_at,
    changes: JSON.parse(row.changes_json) as EffectiveChange[],
    reason: row.reason,
    requestedBy: row.requested_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
  };
}

/** Every version of a project's contract, oldest first. */
export async function loadContractVersions(
  db: Kysely<Database>,
  projectId: string,
): Promise<StoredContractVersion[]> {
  const rows = await db
    .selectFrom('contract_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('number')
    .execute();
  return rows.map(toVersion);
}

/** Contract versions of many projects at once, by project id. */
export async function loadContractVersionsOf(
  db: Kysely<Database>,
  projectIds: readonly string[],
): Promise<Map<string, StoredContractVersion[]>> {
  const byProject = new Map<string, StoredContractVersion[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('contract_versions')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('number')
    .execute();
  for (const row of rows) {
    const list = byProject.get(row.project_id) ?? [];
    list.push(toVersion(row));
    byProject.set(row.project_id, list);
  }
  return byProject;
}

export async function insertContractVersion(db: Kysely<Database>, row: ContractVersionRow): Promise<void> {
  await db.insertInto('contract_versions').values(row).execute();
}
