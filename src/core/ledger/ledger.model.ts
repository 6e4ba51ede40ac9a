import { CanonicalJsonError, canonicalJson, type JsonObject } from './canonical-json.js';

/**
 * Turns a text into a digest, e.g. SHA-256 of its UTF-8 bytes as lowercase hex. Injected because core
 * does no IO; the server may pass an HMAC under a server secret instead, so that someone who can write to
 * the database cannot also recompute a consistent chain.
 */
export type Hasher = (text: string) => string;

export const LEDGER_KINDS = [
  'day.verdict',
  'checkpoint.submitted',
  'checkpoint.reviewed',
  'checkpoint.missed',
  'contract.committed',
  'contract.changed',
  'contract.approved',
  'consequence.applied',
  'plan.replanned',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One fact in a project's ledger. Every field but `hash` is covered by `hash`. */
export interface LedgerEntry {
  readonly projectId: string;
  /** 1-based and contiguous within a project. */
  readonly seq: number;
  /** ISO 8601 UTC instant, e.g. `2025-03-01T09:30:00.000Z`. Informative: order is `seq`, not `at`. */
  readonly at: string;
  readonly kind: LedgerKind;
  readonly actorId: string | null;
  readonly payload: JsonObject;
  /** `hash` of the entry before, or the project's genesis value for seq 1. */
  readonly prevHash: string;
  readonly hash: string;
}

/** What a caller decides; the chain fills in seq, prevHash and hash. */
export type LedgerDraft = Pick<LedgerEntry, 'projectId' | 'at' | 'kind' | 'actorId' | 'payload'>;

/** A draft that cannot be chained: says which field. */
export class LedgerEntryError extends Error {
  constructor(
    message: string,
    readonly field: keyof LedgerEntry,
  ) {
    super(message);
    this.name = 'LedgerEntryError';
  }
}

const GENESIS_TAG = 'recital.ledger.genesis.v1';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * The `prevHash` of a project's first entry. Derived from the project id, so the first entry of one
 * project's ledger cannot be passed off as the first entry of another's.
 */
export function genesisHash(projectId: string, hasher: Hasher): string {
  return hasher(canonicalJson({ ledger: GENESIS_TAG, projectId }));
}

/** The hash an entry should carry: the hasher over the canonical JSON of every other field. */
export function entryHash(entry: Omit<LedgerEntry, 'hash'>, hasher: Hasher): string {
  const { projectId, seq, at, kind, actorId, payload, prevHash } = entry;
  return hasher(canonicalJson({ projectId, seq, at, kind, actorId, payload, prevHash }));
}

/** Only the ledger's own fields, so a database row's extra columns never leak into an export. */
function ledgerFields(entry: LedgerEntry): LedgerEntry {
  const { projectId, seq, at, kind, actorId, payload, prevHash, hash } = entry;
  return { projectId, seq, at, kind, actorId, payload, prevHash, hash };
}

/**
 * The next entry of a chain: seq = previous seq + 1 (or 1), prevHash = previous hash (or genesis).
 *
 * @example
 * const first = chainEntry(null, { projectId: 'p1', at, kind: 'plan.replanned', actorId: 'u1', payload: {} }, sha256);
 * const second = chainEntry(first, { ...draft }, sha256); // second.prevHash === first.hash
 */
export function chainEntry(previous: LedgerEntry | null, draft: LedgerDraft, hasher: Hasher): LedgerEntry {
  checkDraft(previous, draft);
  const unsealed = {
    projectId: draft.projectId,
    seq: previous ? previous.seq + 1 : 1,
    at: draft.at,
    kind: draft.kind,
    actorId: draft.actorId,
    payload: draft.payload,
    prevHash: previous ? previous.hash : genesisHash(draft.projectId, hasher),
  };
  try {
    return { ...unsealed, hash: entryHash(unsealed, hasher) };
  } catch (error) {
    if (error instanceof CanonicalJsonError)
      throw new LedgerEntryError(`payload is not plain JSON: ${error.message}`, 'payload');
    throw error;
  }
}

function checkDraft(previous: LedgerEntry | null, draft: LedgerDraft): void {
  if (draft.projectId.length === 0) throw new LedgerEntryError('projectId is empty', 'projectId');
  if (previous && previous.projectId !== draft.projectId)
    throw new LedgerEntryError(
      `entry for project ${draft.projectId} cannot follow an entry of project ${previous.projectId}`,
      'projectId',
    );
  if (!ISO_UTC.test(draft.at) || Number.isNaN(Date.parse(draft.at)))
    throw new LedgerEntryError(`at must be an ISO 8601 UTC instant, got ${JSON.stringify(draft.at)}`, 'at');
  if (!(LEDGER_KINDS as readonly string[]).includes(draft.kind))
    throw new LedgerEntryError(`unknown ledger kind ${JSON.stringify(draft.kind)}`, 'kind');
  const payload: unknown = draft.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new LedgerEntryError('payload must be a JSON object', 'payload');
}

/**
 * The export format: one canonical JSON object per line (hash included), in seq order, each line ending
 * in `\n`. Anyone can re-verify it with a SHA-256 tool and the rules of `canonicalJson`.
 */
export function toJsonLines(entries: readonly LedgerEntry[]): string {
  return [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => `${canonicalJson(ledgerFields(entry))}\n`)
    .join('');
}
