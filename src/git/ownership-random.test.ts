import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOwnership, updateOwnership } from './ownership.js';
import { compareWithBlame } from './ownership-testing.js';
import { ADA, BOB, CY, createTempRepo, type Person, type TempRepo } from './testing.js';

/** mulberry32: the same history for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Few distinct lines, so diffs have many equally good alignments: the case where two diff
// implementations would disagree, and where blame's and log's diffs must not.
const WORDS = ['}', '', 'return x;', '{', 'x += 1;'];
const PEOPLE: Person[] = [ADA, BOB, CY];

class RandomHistory {
  private files = ['a.txt', 'b.txt', 'c.txt'];

  constructor(
    private readonly repo: TempRepo,
    private readonly random: () => number,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  /** Inserts, deletes or replaces a few lines of one file and commits. */
  async edit(): Promise<void> {
    const path = this.pick(this.files);
    const lines = (await readFile(join(this.repo.dir, path), 'utf8').catch(() => ''))
      .split('\n')
      .slice(0, -1);
    for (let n = 1 + Math.floor(this.random() * 3); n > 0; n--) {
      const at = Math.floor(this.random() * (lines.length + 1));
      const roll = this.random();
      if (roll < 0.5 || lines.length === 0) lines.splice(at, 0, this.pick(WORDS));
      else if (roll < 0.75) lines.splice(Math.min(at, lines.length - 1), 1);
      else lines[Math.min(at, lines.length - 1)] = this.pick(WORDS);
    }
    await this.repo.commit('edit', {
      as: this.pick(PEOPLE),
      files: { [path]: lines.map((line) => `${line}\n`).join('') },
    });
  }

  async rename(): Promise<void> {
    const from = this.pick(this.files);
    const to = `${from.replace('.txt', '')}-${Math.floor(this.random() * 100)}.txt`;
    if (this.files.includes(to)) return;
    await this.repo.git(['mv', from, to]);
    await this.repo.commit('rename', { as: this.pick(PEOPLE) });
    this.files = this.files.map((path) => (path === from ? to : path));
  }

  /** A branch of a few commits, merged back with a strategy option that settles any conflict. */
  async branchAndMerge(name: string): Promise<void> {
    await this.repo.git(['switch', '-q', '-c', name]);
    for (let n = 1 + Math.floor(this.random() * 3); n > 0; n--) await this.edit();
    await this.repo.git(['switch', '-q', 'main']);
    for (let n = Math.floor(this.random() * 3); n > 0; n--) await this.edit();
    const side = this.random() < 0.5 ? 'ours' : 'theirs';
    await this.repo.git(['merge', '-q', '--no-ff', '--no-edit', '-X', side, name], { as: this.pick(PEOPLE) });
    this.files = (await this.repo.git(['ls-files'])).split('\n').filter(Boolean);
  }

  async build(steps: number): Promise<void> {
    await this.repo.commit('start', {
      as: ADA,
      files: Object.fromEntries(this.files.map((path) => [path, `${WORDS.join('\n')}\n`])),
    });
    for (let step = 0; step < steps; step++) {
      const roll = this.random();
      if (roll < 0.6) await this.edit();
      else if (roll < 0.7) await this.rename();
      else await this.branchAndMerge(`b${step}`);
    }
  }
}

let repo: TempRepo | null = null;
afterEach(async () => {
  await repo?.remove();
  repo = null;
});

describe('ownership on random histories full of duplicate lines', () => {
  it.each([1, 2, 3])(
    'agrees with git blame on every line (seed %i), and an update agrees too',
    async (seed) => {
      repo = await createTempRepo();
      const history = new RandomHistory(repo, seeded(seed));
      await history.build(24);
      const halfway = await buildOwnership({ repo: repo.dir });
      expect(await compareWithBlame({ repo: repo.dir, ownership: halfway })).toEqual([]);
      for (let step = 0; step < 8; step++) await history.branchAndMerge(`late${step}`);
      // The hard case is there: merged files that differ from both parents (combined diff lists them).
      expect((await repo.git(['log', '--merges', '-c', '--name-only', '--format='])).trim()).not.toBe('');
      const updated = await updateOwnership({ repo: repo.dir, from: halfway });
      expect(updated.fullRebuild).toBeNull();
      expect(await compareWithBlame({ repo: repo.dir, ownership: updated })).toEqual([]);
    },
  );
});
