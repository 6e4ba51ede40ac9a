import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import {
  chainEntry,
  entryHash,
  genesisHash,
  LedgerEntryError,
  toJsonLines,
  type LedgerDraft,
} from './ledger.model.js';
import { buildChain } from './testing.js';
import { verifyChain } from './verify-chain.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const draft: LedgerDraft = {
  projectId: 'p1',
  at: '2025-03-01T09:00:00.000Z',
  kind: 'day.verdict',
  actorId: 'u1',
  payload: { day: '2025-03-01', verdict: 'met' },
};

describe('chainEntry', () => {
  it('starts at seq 1 from the project genesis and links each entry to the one before', () => {
    const first = chainEntry(null, draft, sha256);
    const second = chainEntry(first, { ...draft, kind: 'checkpoint.submitted' }, sha256);
    expect(first).toMatchObject({ seq: 1, prevHash: genesisHash('p1', sha256) });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the canonical JSON of every field but the hash', () => {
    const entry = chainEntry(null, draft, sha256);
    const { hash, ...rest } = entry;
    expect(hash).toBe(sha256(canonicalJson(rest)));
    expect(entryHash(entry, sha256)).toBe(hash);
  });

  it('is deterministic: the same drafts give the same hashes (a pinned vector)', () => {
    const entry = chainEntry(null, draft, sha256);
    expect(chainEntry(null, { ...draft, payload: { verdict: 'met', day: '2025-03-01' } }, sha256).hash).toBe(
      entry.hash,
    );
    // Pinned (and reproduced with Python's json.dumps(sort_keys=True, separators=(',', ':'))) so that a
    // change to canonicalisation or to the hashed fields cannot pass unnoticed: stored ledgers would fail.
    expect(entry.prevHash).toBe(sha256('{"ledger":"recital.ledger.genesis.v1","projectId":"p1"}'));
    expect(entry.hash).toBe('121020d9b64155d1ca6b97946e55a0b508dd6140ea86ac5acc89ad9e3035ac7d');
  });

  it('gives each project its own genesis', () => {
    expect(genesisHash('p1', sha256)).not.toBe(genesisHash('p2', sha256));
  });

  it.each([
    ['projectId', { projectId: '' }],
    ['at', { at: '2025-03-01 09:00' }],
    ['at', { at: '2025-13-45T09:00:00Z' }],
    ['kind', { kind: 'day.bogus' }],
    ['payload', { payload: [] }],
    ['payload', { payload: { when: new Date(0) } }],
  ])('refuses a bad %s', (field, change) => {
    expect(() => chainEntry(null, { ...draft, ...change } as LedgerDraft, sha256)).toThrow(
      expect.objectContaining({ name: 'LedgerEntryError', field }),
    );
  });

  it('refuses to chain an entry of another project', () => {
    const first = chainEntry(null, draft, sha256);
    expect(() => chainEntry(first, { ...draft, projectId: 'p2' }, sha256)).toThrow(LedgerEntryError);
  });
});

describe('toJsonLines', () => {
  it('writes one canonical object per line in seq order, without extra row columns', () => {
    const chain = buildChain({ projectId: 'p1', length: 3, hasher: sha256 });
    const withRowId = chain.map((entry) => ({ ...entry, id: 'row' }));
    const text = toJsonLines(
      [withRowId[2], withRowId[0], withRowId[1]].filter((entry) => entry !== undefined),
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines.slice(0, 3)).toEqual(chain.map((entry) => canonicalJson(entry)));
    const parsed = lines.slice(0, 3).map((line) => JSON.parse(line) as (typeof chain)[number]);
    expect(verifyChain(parsed, sha256)).toMatchObject({ ok: true, count: 3 });
  });

  it('writes nothing for an empty ledger', () => {
    expect(toJsonLines([])).toBe('');
  });
});
