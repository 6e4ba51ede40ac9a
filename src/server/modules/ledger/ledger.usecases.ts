import type { LedgerVerdict } from '../../../contracts/ledger.contract.js';
import type { LedgerEntry } from '../../../core/ledger/ledger.model.js';
import { verifyChain } from '../../../core/ledger/verify-chain.js';
import type { Actor, Deps } from '../../deps.js';
import { requireProject } from '../projects/projects.usecases.js';
import { readLedger, sha256Hex } from './ledger.repository.js';

export async function exportLedger(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
): Promise<LedgerEntry[]> {
  await requireProject(deps.db, projectId, actor);
  return readLedger(deps.db, projectId);
}

/** Check the stored chain: every hash recomputed, every link followed. */
export async function verifyProjectLedger(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
): Promise<LedgerVerdict> {
  const entries = await exportLedger(deps, actor, projectId);
  return summarize(verifyChain(entries, sha256Hex, { projectId }), entries.length);
}

export function summarize(verdict: ReturnType<typeof verifyChain>, count: number): LedgerVerdict {
  return verdict.ok
    ? { ok: true, count: verdict.count, head: verdict.head, problems: [] }
    : { ok: false, count, head: null, problems: [...verdict.problems] };
}
