import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from './canonical-json.js';
import { chainEntry, entryHash, type LedgerEntry } from './ledger.model.js';
import { buildChain } from './testing.js';
import { verifyChain, type ChainProblem } from './verify-chain.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const chain = buildChain({ projectId: 'p1', length: 50, hasher: sha256 });
const at = (seq: number): LedgerEntry => chain[seq - 1] as LedgerEntry;
const head = { seq: 50, hash: at(50).hash };

/** Re-seals an edited entry, as someone who can write the table but does not stop at one field would. */
const resealed = (entry: Omit<LedgerEntry, 'hash'>): LedgerEntry => ({
  ...entry,
  hash: entryHash(entry, sha256),
});

function problemsOf(entries: readonly LedgerEntry[], options = {}): readonly ChainProblem[] {
  const verdict = verifyChain(entries, sha256, options);
  if (verdict.ok) throw new Error('expected the chain to be refused');
  for (const problem of verdict.problems) expect(problem.message.length).toBeGreaterThan(0);
  return verdict.problems;
}
const kinds = (problems: readonly ChainProblem[]) => problems.map(({ seq, kind }) => ({ seq, kind }));

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', () => {
    expect(verifyChain(chain, sha256)).toEqual({ ok: true, count: 50, head });
    expect(verifyChain(chain, sha256, { projectId: 'p1', head })).toMatchObject({ ok: true });
  });

  it('accepts an empty ledger', () => {
    expect(verifyChain([], sha256)).toEqual({ ok: true, count: 0, head: null });
  });

  it('accepts a chain that has grown past a recorded head', () => {
    expect(verifyChain(chain, sha256, { head: { seq: 20, hash: at(20).hash } })).toMatchObject({ ok: true });
  });

  it('detects an edited payload', () => {
    const edited = chain.map((e) =>
      e.seq === 17 ? { ...e, payload: { ...e.payload, ok: !e.payload.ok } } : e,
    );
    expect(kinds(problemsOf(edited))).toEqual([{ seq: 17, kind: 'hash_mismatch' }]);
  });

  it('detects an edited entry even when its hash is recomputed: the next link breaks', () => {
    const edited = chain.map((e) => (e.seq === 17 ? resealed({ ...e, actorId: 'someone-else' }) : e));
    expect(kinds(problemsOf(edited))).toEqual([{ seq: 18, kind: 'broken_link' }]);
  });

  it('detects a deleted entry as a gap and a broken link', () => {
    const problems = problemsOf(chain.filter((e) => e.seq !== 23));
    expect(kinds(problems)).toEqual([
      { seq: 24, kind: 'gap' },
      { seq: 24, kind: 'broken_link' },
    ]);
    expect(problems[0]?.message).toBe('entry 23 is missing');
  });

  it('detects several deleted entries in a row', () => {
    const problems = problemsOf(chain.filter((e) => e.seq < 10 || e.seq > 12));
    expect(problems[0]).toMatchObject({ seq: 13, kind: 'gap', message: 'entries 10–12 are missing' });
  });

  it('detects entries cut off the end only against a recorded head', () => {
    const truncated = chain.slice(0, 45);
    expect(verifyChain(truncated, sha256)).toMatchObject({ ok: true }); // the limit of any bare hash chain
    expect(kinds(problemsOf(truncated, { head }))).toEqual([{ seq: 50, kind: 'gap' }]);
    expect(kinds(problemsOf([], { head }))).toEqual([{ seq: 50, kind: 'gap' }]);
  });

  it('detects a chain rewritten from some entry on, against a recorded head', () => {
    const rewritten = [...chain.slice(0, 40)];
    for (const e of chain.slice(40))
      rewritten.push(chainEntry(rewritten.at(-1) ?? null, { ...e, actorId: 'x' }, sha256));
    expect(verifyChain(rewritten, sha256)).toMatchObject({ ok: true });
    expect(kinds(problemsOf(rewritten, { head }))).toEqual([{ seq: 50, kind: 'hash_mismatch' }]);
  });

  it('detects two swapped entries and names both', () => {
    const swapped = [...chain];
    [swapped[9], swapped[29]] = [at(30), at(10)];
    const problems = kinds(problemsOf(swapped));
    expect(problems.filter((p) => p.kind === 'reordered')).toEqual([
      { seq: 10, kind: 'reordered' },
      { seq: 30, kind: 'reordered' },
    ]);
    expect(problems.filter((p) => p.kind !== 'reordered')).toEqual([]); // the entries themselves are intact
  });

  it('detects two swapped neighbours', () => {
    const swapped = [...chain];
    [swapped[0], swapped[1]] = [at(2), at(1)];
    expect(kinds(problemsOf(swapped))).toEqual([
      { seq: 1, kind: 'reordered' },
      { seq: 2, kind: 'reordered' },
    ]);
  });

  it('detects swapped contents (seq kept in place, hashes resealed)', () => {
    const swapped = chain.map((e) =>
      e.seq === 5 ? resealed({ ...at(6), seq: 5 }) : e.seq === 6 ? resealed({ ...at(5), seq: 6 }) : e,
    );
    expect(kinds(problemsOf(swapped))).toEqual([
      { seq: 5, kind: 'broken_link' },
      { seq: 6, kind: 'broken_link' },
      { seq: 7, kind: 'broken_link' },
    ]);
  });

  it('detects a duplicated entry, identical or not', () => {
    const copied = [...chain.slice(0, 31), at(31), ...chain.slice(31)];
    expect(kinds(problemsOf(copied))).toEqual([{ seq: 31, kind: 'duplicate' }]);
    const conflicting = [...chain, resealed({ ...at(12), payload: {} })];
    const problems = problemsOf(conflicting);
    expect(kinds(problems)).toEqual([{ seq: 12, kind: 'duplicate' }]);
    expect(problems[0]?.message).toBe('two different entries claim seq 12');
  });

  it('detects a changed prevHash', () => {
    const relinked = chain.map((e) => (e.seq === 40 ? { ...e, prevHash: at(38).hash } : e));
    expect(kinds(problemsOf(relinked))).toEqual([
      { seq: 40, kind: 'broken_link' },
      { seq: 40, kind: 'hash_mismatch' },
    ]);
  });

  it('detects a tampered first entry', () => {
    const payloadEdited = chain.map((e) => (e.seq === 1 ? { ...e, payload: { forged: true } } : e));
    expect(kinds(problemsOf(payloadEdited))).toEqual([{ seq: 1, kind: 'hash_mismatch' }]);
    const reRooted = chain.map((e) => (e.seq === 1 ? resealed({ ...e, prevHash: 'f'.repeat(64) }) : e));
    expect(kinds(problemsOf(reRooted))).toEqual([
      { seq: 1, kind: 'genesis' },
      { seq: 2, kind: 'broken_link' },
    ]);
    expect(kinds(problemsOf(chain.slice(1)))).toEqual([
      { seq: 2, kind: 'gap' },
      { seq: 2, kind: 'broken_link' },
    ]);
  });

  it("refuses another project's entries and another project's chain", () => {
    const other = buildChain({ projectId: 'p2', length: 3, hasher: sha256 });
    const mixed = chain.map((e) => (e.seq === 3 ? (other[2] as LedgerEntry) : e));
    const problems = kinds(problemsOf(mixed));
    expect(problems).toContainEqual({ seq: 3, kind: 'wrong_project' });
    expect(problems).toContainEqual({ seq: 3, kind: 'broken_link' });
    expect(kinds(problemsOf(other, { projectId: 'p1' }))).toEqual([
      { seq: 1, kind: 'wrong_project' },
      { seq: 1, kind: 'genesis' },
      { seq: 2, kind: 'wrong_project' },
      { seq: 3, kind: 'wrong_project' },
    ]);
  });

  it('treats an entry that is no longer plain JSON as changed', () => {
    const broken = chain.map((e) => (e.seq === 8 ? { ...e, payload: { n: Number.NaN } } : e));
    expect(kinds(problemsOf(broken))).toEqual([{ seq: 8, kind: 'hash_mismatch' }]);
  });
});

type Mutation = (entries: LedgerEntry[]) => LedgerEntry[];

/** Every way one change to a stored ledger can happen. Each one changes something. */
const mutation = (length: number): fc.Arbitrary<Mutation> => {
  const index = fc.nat(length - 1);
  const replaceAt =
    (i: number, change: (e: LedgerEntry) => LedgerEntry): Mutation =>
    (entries) =>
      entries.map((e, j) => (j === i ? change(e) : e));
  return fc.oneof(
    fc
      .tuple(index, fc.string(), fc.jsonValue())
      .map(([i, key, value]) =>
        replaceAt(i, (e) => ({ ...e, payload: { ...e.payload, [`~${key}`]: value as JsonValue } })),
      ),
    index.map((i) => replaceAt(i, (e) => ({ ...e, at: '2030-01-01T00:00:00.000Z' }))),
    index.map((i) => replaceAt(i, (e) => ({ ...e, actorId: e.actorId === null ? 'intruder' : null }))),
    index.map((i) =>
      replaceAt(i, (e) => ({ ...e, kind: e.kind === 'day.verdict' ? 'plan.replanned' : 'day.verdict' })),
    ),
    index.map((i) => replaceAt(i, (e) => ({ ...e, projectId: 'p9' }))),
    fc
      .tuple(
        index,
        fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
      )
      .map(([i, d]) => replaceAt(i, (e) => ({ ...e, seq: e.seq + d }))),
    index.map((i) => replaceAt(i, (e) => ({ ...e, prevHash: sha256(e.prevHash) }))),
    index.map((i) => replaceAt(i, (e) => ({ ...e, hash: sha256(e.hash) }))),
    index.map((i) => replaceAt(i, (e) => resealed({ ...e, payload: { ...e.payload, resealed: true } }))),
    index.map(
      (i): Mutation =>
        (entries) =>
          entries.filter((_, j) => j !== i),
    ),
    fc.tuple(index, fc.nat(length)).map(([i, at]): Mutation => (entries) => {
      const copy = [...entries];
      copy.splice(at, 0, entries[i] as LedgerEntry);
      return copy;
    }),
    fc
      .tuple(index, fc.nat(length - 2))
      .map(([i, offset]) => [i, (i + 1 + offset) % length] as const)
      .map(([i, j]): Mutation => (entries) => {
        const copy = [...entries];
        [copy[i], copy[j]] = [entries[j] as LedgerEntry, entries[i] as LedgerEntry];
        return copy;
      }),
  );
};

describe('verifyChain, property', () => {
  it('detects any single change to a valid chain', () => {
    const scenario = fc
      .integer({ min: 2, max: 12 })
      .chain((length) =>
        fc.tuple(fc.constant(buildChain({ projectId: 'p1', length, hasher: sha256 })), mutation(length)),
      );
    fc.assert(
      fc.property(scenario, ([entries, mutate]) => {
        const last = entries.at(-1) as LedgerEntry;
        const verdict = verifyChain(mutate(entries), sha256, {
          projectId: 'p1',
          head: { seq: last.seq, hash: last.hash },
        });
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
