import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNotes } from './notes.js';
import { ADA, createTempRepo, type TempRepo } from './testing.js';

let repo: TempRepo;
const shas: string[] = [];

beforeAll(async () => {
  repo = await createTempRepo();
  for (let i = 1; i <= 3; i++)
    shas.push(await repo.commit(`commit ${i}`, { as: ADA, files: { 'f.txt': `${i}\n` } }));
});

afterAll(() => repo.remove());

describe('readNotes', () => {
  it('reads nothing, without failing, when the notes ref does not exist', async () => {
    expect(await readNotes({ repo: repo.dir })).toEqual(new Map());
  });

  it('reads every note under refs/notes/ai by the commit it annotates', async () => {
    const [first = '', , third = ''] = shas;
    await repo.git(['notes', '--ref=ai', 'add', '-m', 'model: claude\ntool: code', first]);
    await repo.git(['notes', '--ref=ai', 'add', '-m', 'naïve — unicode ✓', third]);
    await repo.git(['notes', 'add', '-m', 'a default note', third]);
    expect(await readNotes({ repo: repo.dir })).toEqual(
      new Map([
        [first, 'model: claude\ntool: code\n'],
        [third, 'naïve — unicode ✓\n'],
      ]),
    );
  });

  it('reads another notes ref when asked', async () => {
    expect(await readNotes({ repo: repo.dir, ref: 'refs/notes/commits' })).toEqual(
      new Map([[shas[2], 'a default note\n']]),
    );
  });
});
