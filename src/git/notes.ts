import { readObjects } from './cat-file.js';
import { runGitWithExitCode } from './run-git.js';

/**
 * Parses `git notes list` output: `<note blob> <annotated commit>` per line.
 *
 * @example parseNotesList('b10b c0ff\n') // [{ blob: 'b10b', commit: 'c0ff' }]
 */
export function parseNotesList(output: string): { blob: string; commit: string }[] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [blob = '', commit = ''] = line.split(' ');
      return { blob, commit };
    });
}

/**
 * Reads every note under a notes ref (default `refs/notes/ai`, where AI tools record what they
 * wrote), keyed by the commit it annotates. The blobs are read by one `cat-file --batch` process,
 * however many notes there are. A ref that does not exist yet is simply no notes.
 *
 * @example const notes = await readNotes({ repo }); notes.get(commitSha) // 'model: claude…'
 */
export async function readNotes(options: { repo: string; ref?: string }): Promise<Map<string, string>> {
  const { repo, ref = 'refs/notes/ai' } = options;
  // `notes list` on a missing ref prints nothing and succeeds on current git; older versions exit 1.
  const { stdout } = await runGitWithExitCode(['notes', `--ref=${ref}`, 'list'], {
    cwd: repo,
    okExitCodes: [1],
  });
  const pairs = parseNotesList(stdout);
  const blobs = await readObjects(repo, [...new Set(pairs.map((pair) => pair.blob))]);
  const notes = new Map<string, string>();
  for (const { blob, commit } of pairs) {
    const content = blobs.get(blob);
    if (content) notes.set(commit, content.toString('utf8'));
  }
  return notes;
}
