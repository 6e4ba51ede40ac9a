import { entryHash, genesisHash, type Hasher, type LedgerEntry } from './ledger.model.js';

export type ChainProblemKind =
  'hash_mismatch' | 'broken_link' | 'gap' | 'reordered' | 'duplicate' | 'wrong_project' | 'genesis';

export interface ChainProblem {
  /** The seq of the entry where the problem shows (for a gap: the first entry after the missing ones). */
  readonly seq: number;
  readonly kind: ChainProblemKind;
  readonly message: string;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export type ChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: ChainHead | null }
  | { readonly ok: false; readonly problems: readonly ChainProblem[] };

export interface VerifyOptions {
  /** The project the ledger belongs to; by default the project most entries name. */
  readonly projectId?: string;
  /**
   * The head recorded elsewhere (a receipt, a separate table, an earlier export). A hash chain alone
   * cannot notice entries cut off its end; comparing with a known head can.
   */
  readonly head?: ChainHead;
}

/**
 * Checks a ledger as stored or exported, in the order given: every hash recomputed, every link followed,
 * seq contiguous from 1, one project. Reports every problem found (sorted by seq), not just the first.
 *
 * @example
 * const verdict = verifyChain(entries, sha256Hex, { head: recordedHead });
 * if (!verdict.ok) for (const p of verdict.problems) console.log(p.seq, p.kind, p.message);
 */
export function verifyChain(
  entries: readonly LedgerEntry[],
  hasher: Hasher,
  options: VerifyOptions = {},
): ChainVerdict {
  const projectId = options.projectId ?? mostNamedProject(entries);
  const problems: ChainProblem[] = [];
  const unique = firstOfEachSeq(entries, problems);
  for (const entry of entries) problems.push(...entryProblems(entry, projectId, hasher));
  problems.push(...orderProblems(unique));
  const bySeq = [...unique].sort((a, b) => a.seq - b.seq);
  problems.push(...linkProblems(bySeq, projectId, hasher));
  if (options.head) problems.push(...headProblems(bySeq, options.head));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const last = bySeq.at(-1);
  return { ok: true, count: entries.length, head: last ? { seq: last.seq, hash: last.hash } : null };
}

function mostNamedProject(entries: readonly LedgerEntry[]): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.projectId, (counts.get(entry.projectId) ?? 0) + 1);
  let best = entries[0]?.projectId ?? '';
  for (const [id, count] of counts) if (count > (counts.get(best) ?? 0)) best = id;
  return best;
}

/** Keeps the first entry claiming each seq; every later claimant is a duplicate. */
function firstOfEachSeq(entries: readonly LedgerEntry[], problems: ChainProblem[]): LedgerEntry[] {
  const seen = new Map<number, LedgerEntry>();
  for (const entry of entries) {
    const first = seen.get(entry.seq);
    if (!first) {
      seen.set(entry.seq, entry);
      continue;
    }
    const message =
      first.hash === entry.hash
        ? `entry ${entry.seq} appears more than once`
        : `two different entries claim seq ${entry.seq}`;
    problems.push({ seq: entry.seq, kind: 'duplicate', message });
  }
  return [...seen.values()];
}

function entryProblems(entry: LedgerEntry, projectId: string, hasher: Hasher): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const { seq } = entry;
  if (entry.projectId !== projectId)
    problems.push({
      seq,
      kind: 'wrong_project',
      message: `entry ${seq} belongs to project ${entry.projectId}, not ${projectId}`,
    });
  if (!Number.isSafeInteger(seq) || seq < 1)
    problems.push({ seq, kind: 'gap', message: `seq ${String(seq)} is not a positive integer` });
  const expected = safeEntryHash(entry, hasher);
  if (expected !== entry.hash)
    problems.push({
      seq,
      kind: 'hash_mismatch',
      message: `entry ${seq} does not match its hash: it was changed after it was written`,
    });
  return problems;
}

function safeEntryHash(entry: LedgerEntry, hasher: Hasher): string | null {
  try {
    return entryHash(entry, hasher);
  } catch {
    return null; // not plain JSON any more, so it cannot be what was hashed
  }
}

/** Entries (duplicates removed) that sit somewhere other than where their seq puts them. */
function orderProblems(unique: readonly LedgerEntry[]): ChainProblem[] {
  const sorted = [...unique].sort((a, b) => a.seq - b.seq);
  return unique.flatMap((entry, index) =>
    sorted[index]?.seq === entry.seq
      ? []
      : [{ seq: entry.seq, kind: 'reordered' as const, message: `entry ${entry.seq} is out of order` }],
  );
}

/** Walks the entries in seq order: each must follow the one before (or genesis) by seq and by hash. */
function linkProblems(bySeq: readonly LedgerEntry[], projectId: string, hasher: Hasher): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const genesis = genesisHash(projectId, hasher);
  bySeq.forEach((entry, index) => {
    const before = bySeq[index - 1];
    const expectedSeq = before ? before.seq + 1 : 1;
    if (entry.seq > expectedSeq) {
      const message =
        entry.seq - 1 === expectedSeq
          ? `entry ${expectedSeq} is missing`
          : `entries ${expectedSeq}–${entry.seq - 1} are missing`;
      problems.push({ seq: entry.seq, kind: 'gap', message });
    }
    if (entry.seq === 1) {
      if (entry.prevHash !== genesis)
        problems.push({
          seq: 1,
          kind: 'genesis',
          message: `the first entry does not start project ${projectId}'s ledger`,
        });
    } else if (entry.prevHash !== (before ? before.hash : genesis)) {
      const after = before ? `entry ${before.seq}` : 'the start of the ledger';
      problems.push({
        seq: entry.seq,
        kind: 'broken_link',
        message: `entry ${entry.seq} does not follow ${after}`,
      });
    }
  });
  return problems;
}

/** Compares with a head recorded elsewhere; a longer ledger is fine if it still passes through that head. */
function headProblems(bySeq: readonly LedgerEntry[], recorded: ChainHead): ChainProblem[] {
  const last = bySeq.at(-1);
  if (!last || last.seq < recorded.seq) {
    const end = last ? `entry ${last.seq}` : 'nothing';
    const message = `the ledger ends at ${end} but its recorded head is entry ${recorded.seq}: entries were removed from the end`;
    return [{ seq: recorded.seq, kind: 'gap', message }];
  }
  const atHead = bySeq.find((entry) => entry.seq === recorded.seq);
  if (atHead && atHead.hash !== recorded.hash) {
    const message = `entry ${recorded.seq} is not the recorded head: the ledger was rewritten`;
    return [{ seq: recorded.seq, kind: 'hash_mismatch', message }];
  }
  return [];
}

const KIND_ORDER: readonly ChainProblemKind[] = [
  'wrong_project',
  'duplicate',
  'reordered',
  'gap',
  'genesis',
  'broken_link',
  'hash_mismatch',
];

function sortProblems(problems: readonly ChainProblem[]): ChainProblem[] {
  return [...problems].sort(
    (a, b) => a.seq - b.seq || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}
