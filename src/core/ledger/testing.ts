import type { JsonObject } from './canonical-json.js';
import { chainEntry, LEDGER_KINDS, type Hasher, type LedgerEntry } from './ledger.model.js';

/** A valid ledger of `length` entries for tests: varied kinds, actors and payloads, one minute apart. */
export function buildChain(options: { projectId: string; length: number; hasher: Hasher }): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let index = 0; index < options.length; index += 1) {
    const payload: JsonObject = {
      index,
      note: `entry ${index + 1}`,
      tasks: [`t${index % 7}`],
      ok: index % 3 !== 0,
    };
    const entry = chainEntry(
      entries.at(-1) ?? null,
      {
        projectId: options.projectId,
        at: new Date(Date.UTC(2025, 2, 1, 9, index)).toISOString(),
        kind: LEDGER_KINDS[index % LEDGER_KINDS.length] ?? 'day.verdict',
        actorId: index % 4 === 0 ? null : `user-${index % 3}`,
        payload,
      },
      options.hasher,
    );
    entries.push(entry);
  }
  return entries;
}
