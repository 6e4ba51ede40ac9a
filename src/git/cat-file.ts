import { createCatFileParser, type CatFileFrame } from './cat-file-parser.js';
import { gitOutcome, spawnGit } from './run-git.js';

/**
 * Reads many objects with ONE `git cat-file --batch` process instead of one process per object:
 * names go to stdin, contents come back framed. Returns the contents by requested name; names git
 * cannot find are absent.
 *
 * @example const blobs = await readObjects(repo, [noteBlobSha]); blobs.get(noteBlobSha)?.toString('utf8')
 */
export async function readObjects(repo: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  const frames = await batch(repo, names, true);
  frames.forEach((frame, index) => {
    const name = names[index];
    if (frame.kind === 'found' && frame.content && name !== undefined) contents.set(name, frame.content);
  });
  return contents;
}

/**
 * Which of the names are objects in the repository (one `git cat-file --batch-check`). Incremental
 * reads use it to forget remembered tips that a rewrite and a gc have since removed, which git would
 * otherwise refuse as a bad revision.
 */
export async function existingObjects(repo: string, names: readonly string[]): Promise<Set<string>> {
  const frames = await batch(repo, names, false);
  const found = new Set<string>();
  frames.forEach((frame, index) => {
    const name = names[index];
    if (frame.kind === 'found' && name !== undefined) found.add(name);
  });
  return found;
}

async function batch(repo: string, names: readonly string[], withContent: boolean): Promise<CatFileFrame[]> {
  if (names.length === 0) return [];
  // A name with a newline would desynchronise the answers from the questions.
  if (names.some((name) => name.includes('\n'))) throw new Error('object names cannot contain a newline');
  const args = ['cat-file', withContent ? '--batch' : '--batch-check'];
  const options = { cwd: repo, input: `${names.join('\n')}\n` };
  const child = spawnGit(args, options);
  const outcome = gitOutcome(child, args, options);
  const parser = createCatFileParser({ withContent });
  const frames: CatFileFrame[] = [];
  for await (const chunk of child.stdout) frames.push(...parser.push(chunk as Buffer));
  const failure = await outcome;
  if (failure) throw failure;
  parser.end();
  return frames;
}
