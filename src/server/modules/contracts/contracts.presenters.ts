import type { ContractView } from '../../../contracts/commitments.contract.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { Contract } from '../../../core/contracts/contract.model.js';
import type { StoredContractVersion } from './contracts.repository.js';

/** Versions stored before a field existed read as its default. */
const withDefaults = (contract: Contract) => ({
  ...contract,
  commitsCloseTasks: contract.commitsCloseTasks === true,
});

/**
 * A project's contract as the API shows it: what holds at `now`, and every version newest first,
 * each marked superseded, waiting (its easier parts not yet in force) or in force.
 */
export function presentContract(input: {
  projectId: string;
  versions: readonly StoredContractVersion[];
  now: Date;
  checkpointTitles: Record<string, string>;
}): ContractView {
  const { versions, now } = input;
  const inForce = contractAt(versions, now.getTime());
  const newest = versions.at(-1)?.number ?? 0;
  return {
    projectId: input.projectId,
    inForce: inForce ? withDefaults(inForce.contract) : null,
    waiting: inForce?.waiting ?? false,
    versions: versions
      .map((v) => ({
        number: v.number,
        contract: withDefaults(v.contract),
        changes: v.changes,
        reason: v.reason,
        requestedBy: v.requestedBy,
        requestedAt: v.requestedAt,
        fullyEffectiveAt: v.fullyEffectiveAt,
        approvedBy: v.approvedBy,
        approvedAt: v.approvedAt,
        status:
          v.number !== newest
            ? ('superseded' as const)
            : now.getTime() < Date.parse(v.fullyEffectiveAt)
              ? ('waiting' as const)
              : ('in_force' as const),
      }))
      .reverse(),
    checkpointTitles: input.checkpointTitles,
  };
}
