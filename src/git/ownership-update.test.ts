import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeOwnership, encodeOwnership } from './ownership-snapshot.js';
import {
  buildOwnership,
  loadOwnership,
  saveOwnership,
  updateOwnership,
  type Ownership,
} from './ownership.js';
import { compareWithBlame } from './ownership-testing.js';
import { ADA, BOB, CY, createTempRepo, lines, type TempRepo } from './testing.js';

let repo: TempRepo;

/** Per file, `sha:origLine` per line: equal for two ownerships that agree whatever their indexes. */
function byLine(ownership: Ownership): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, file] of ownership.files) {
    out[path] = [...file.owners].map((owner, i) => `${ownership.commits[owner]?.sha}:${file.origLines[i]}`);
  }
  return out;
}

async function expectSameAsRebuild(updated: Ownership): Promise<void> {
  const rebuilt = await buildOwnership({ repo: repo.dir });
  expect(updated.commit).toBe(rebuilt.commit);
  expect(byLine(updated)).toEqual(byLine(rebuilt));
  expect(updated.binary).toEqual(rebuilt.binary);
  expect(await compareWithBlame({ repo: repo.dir, ownership: updated })).toEqual([]);
}

beforeEach(async () => {
  repo = await createTempRepo();
  await repo.commit('start', {
    as: ADA,
    files: { 'g.txt': lines('g', 10), 'h.txt': lines('h', 4), 'logo.png': Buffer.from([0, 1]) },
  });
});

afterEach(() => repo.remove());

describe('updateOwnership', () => {
  it('walks only the new commit and equals a full rebuild', async () => {
    const before = await buildOwnership({ repo: repo.dir });
    await repo.commit('next', {
      as: BOB,
      files: { 'g.txt': lines('g', 10).replace('g 4\n', 'bob 4\n'), 'new.txt': 'n\n' },
    });
    const after = await updateOwnership({ repo: repo.dir, from: before, to: 'main' });
    expect(after).toMatchObject({ walked: 1, fullRebuild: null, blamed: [] });
    await expectSameAsRebuild(after);
    expect(await updateOwnership({ repo: repo.dir, from: after })).toMatchObject({
      walked: 0,
      commit: after.commit,
    });
  });

  it('merges a branch forked before the snapshot, blaming the fork point only for lines that reach the tip', async () => {
    await repo.git(['switch', '-q', '-c', 'feature']);
    await repo.commit('feature', {
      as: BOB,
      files: { 'g.txt': lines('g', 10).replace('g 10\n', 'bob 10\n'), 'h.txt': `${lines('h', 4)}bob\n` },
    });
    await repo.git(['switch', '-q', 'main']);
    await repo.commit('main changes line 5', {
      as: CY,
      files: { 'g.txt': lines('g', 10).replace('g 5\n', 'cy 5\n') },
    });
    const snapshot = await buildOwnership({ repo: repo.dir });
    await repo.git(['merge', '-q', '--no-commit', 'feature'], { as: ADA });
    // The merge takes line 5 back from the feature side, where it is still the fork point's.
    await repo.write({ 'g.txt': lines('g', 10).replace('g 10\n', 'bob 10\n') });
    await repo.git(['commit', '-q', '-a', '--no-edit'], { as: ADA });
    const after = await updateOwnership({ repo: repo.dir, from: snapshot });
    expect(after).toMatchObject({
      walked: 2,
      fullRebuild: null,
      blamed: [{ path: 'g.txt', reason: 'branch base' }],
    });
    await expectSameAsRebuild(after);
  });

  it('needs no blame for a pull-request merge: the fork point’s files are the snapshot’s', async () => {
    await repo.git(['switch', '-q', '-c', 'pr']);
    await repo.commit('pr one', { as: BOB, files: { 'h.txt': `${lines('h', 4)}bob\n` } });
    await repo.commit('pr two', { as: CY, files: { 'h.txt': `cy\n${lines('h', 4)}bob\n` } });
    await repo.git(['switch', '-q', 'main']);
    await repo.commit('main elsewhere', { as: ADA, files: { 'g.txt': `${lines('g', 10)}ada\n` } });
    const snapshot = await buildOwnership({ repo: repo.dir });
    await repo.git(['merge', '-q', '--no-ff', '--no-edit', 'pr'], { as: ADA });
    const after = await updateOwnership({ repo: repo.dir, from: snapshot });
    expect(after).toMatchObject({ walked: 3, fullRebuild: null, blamed: [] });
    await expectSameAsRebuild(after);
  });

  it('rebuilds in full when the snapshot’s commit is no longer an ancestor (rebase, force-push)', async () => {
    await repo.commit('to be rewritten', { as: BOB, files: { 'h.txt': 'rewritten\n' } });
    const snapshot = await buildOwnership({ repo: repo.dir });
    await repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    await repo.commit('instead', { as: CY, files: { 'h.txt': `${lines('h', 4)}cy\n` } });
    const after = await updateOwnership({ repo: repo.dir, from: snapshot });
    expect(after.fullRebuild).toBe('not an ancestor');
    await expectSameAsRebuild(after);
  });

  it('rebuilds in full when the new tip’s first-parent line does not pass through the snapshot', async () => {
    await repo.git(['switch', '-q', '-c', 'feature']);
    await repo.commit('feature', { as: BOB, files: { 'h.txt': `${lines('h', 4)}bob\n` } });
    await repo.git(['switch', '-q', 'main']);
    await repo.commit('main', { as: CY, files: { 'g.txt': `${lines('g', 10)}cy\n` } });
    const snapshot = await buildOwnership({ repo: repo.dir });
    await repo.git(['switch', '-q', 'feature']);
    await repo.git(['merge', '-q', '--no-edit', 'main'], { as: BOB });
    await repo.git(['switch', '-q', 'main']);
    await repo.git(['merge', '-q', '--ff-only', 'feature']);
    const after = await updateOwnership({ repo: repo.dir, from: snapshot });
    expect(after.fullRebuild).toBe('left the first-parent line');
    await expectSameAsRebuild(after);
  });
});

describe('ownership snapshots', () => {
  it('round-trip through a compact file and continue from there', async () => {
    await repo.commit('more', { as: BOB, files: { 'g.txt': `${lines('g', 10)}bob\n` } });
    const built = await buildOwnership({ repo: repo.dir });
    const file = join(repo.dir, '.git', 'recital', `ownership-${built.commit}.bin`);
    await saveOwnership(built, file);
    const loaded = await loadOwnership(file);
    const { walked: _w, blamed: _b, fullRebuild: _f, ...plain } = built;
    expect(loaded).toEqual(plain);
    expect((await stat(file)).size).toBeLessThan(600);
    await repo.commit('after', { as: CY, files: { 'h.txt': 'cy\n' } });
    await expectSameAsRebuild(await updateOwnership({ repo: repo.dir, from: loaded }));
  });

  it('refuses a file that is not a snapshot', async () => {
    expect(() => decodeOwnership(Buffer.from('not a snapshot'))).toThrow(/not a Recital ownership snapshot/);
    const valid = encodeOwnership(await buildOwnership({ repo: repo.dir }));
    expect(() => decodeOwnership(valid.subarray(0, valid.length - 1))).toThrow(/truncated/);
    expect(await readFile(join(repo.dir, 'g.txt'), 'utf8')).toBe(lines('g', 10));
  });
});
