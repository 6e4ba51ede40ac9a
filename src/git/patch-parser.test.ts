import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPatchParser, parsePatch, type PatchSection } from './patch-parser.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

/** Real `git log -p -U0 --format=%x1e%H%x1f%aN%x1f%aE` output, one commit per kind of change. */
const LOG = [
  `\x1e${A}\x1fAda Lovelace\x1fada@example.com`,
  '',
  'diff --git a/story.txt b/story.txt',
  'index 1b2c3d4..5e6f7a8 100644',
  '--- a/story.txt',
  '+++ b/story.txt',
  '@@ -3 +3 @@ story 2',
  '-story 3',
  '+bob 3',
  '@@ -9,0 +10,2 @@ story 9',
  '+new 10',
  '+new 11',
  '@@ -12,2 +14,0 @@',
  '-old 12',
  '-old 13',
  'diff --git a/src/old.ts b/src/new.ts',
  'similarity index 90%',
  'rename from src/old.ts',
  'rename to src/new.ts',
  'index 0123456..789abcd 100644',
  '--- a/src/old.ts',
  '+++ b/src/new.ts',
  '@@ -5 +5 @@',
  '-x',
  '\\ No newline at end of file',
  '+y',
  '\\ No newline at end of file',
  'diff --git a/moved.txt b/elsewhere/moved.txt',
  'similarity index 100%',
  'rename from moved.txt',
  'rename to elsewhere/moved.txt',
  `\x1e${B}\x1fBob\x1fbob@example.com`,
  '',
  'diff --git a/empty.txt b/empty.txt',
  'new file mode 100644',
  'index 0000000..e69de29',
  'diff --git a/logo.png b/logo.png',
  'new file mode 100644',
  'index 0000000..1234567',
  'Binary files /dev/null and b/logo.png differ',
  'diff --git a/run.sh b/run.sh',
  'old mode 100644',
  'new mode 100755',
  'diff --git a/gone.txt b/gone.txt',
  'deleted file mode 100644',
  'index 1234567..0000000',
  '--- a/gone.txt',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-gone 1',
  '-gone 2',
  'diff --git a/docs/with space é.txt b/docs/with space é.txt',
  'new file mode 100644',
  'index 0000000..2345678',
  '--- /dev/null',
  '+++ b/docs/with space é.txt\t',
  '@@ -0,0 +1,2 @@',
  '+--- looks like a header',
  '+@@ -1 +1 @@ looks like a hunk',
  'diff --git "a/odd\\tname \\"q\\".txt" "b/odd\\tname \\"q\\".txt"',
  'index 3456789..456789a 100644',
  'Binary files "a/odd\\tname \\"q\\".txt" and "b/odd\\tname \\"q\\".txt" differ',
  '',
].join('\n');

describe('parsePatch', () => {
  it('reads hunks of modified, renamed (with and without edits), added, deleted, binary and mode-only files', () => {
    const [first, second] = parsePatch(LOG);
    expect(first).toEqual({
      sha: A,
      fields: ['Ada Lovelace', 'ada@example.com'],
      files: [
        {
          status: 'modified',
          oldPath: 'story.txt',
          newPath: 'story.txt',
          binary: false,
          hunks: [3, 1, 3, 1, 9, 0, 10, 2, 12, 2, 14, 0],
        },
        {
          status: 'renamed',
          oldPath: 'src/old.ts',
          newPath: 'src/new.ts',
          binary: false,
          hunks: [5, 1, 5, 1],
        },
        { status: 'renamed', oldPath: 'moved.txt', newPath: 'elsewhere/moved.txt', binary: false, hunks: [] },
      ],
    });
    expect(second?.files).toEqual([
      { status: 'added', oldPath: null, newPath: 'empty.txt', binary: false, hunks: [] },
      { status: 'added', oldPath: null, newPath: 'logo.png', binary: true, hunks: [] },
      { status: 'modified', oldPath: 'run.sh', newPath: 'run.sh', binary: false, hunks: [] },
      { status: 'deleted', oldPath: 'gone.txt', newPath: null, binary: false, hunks: [1, 2, 0, 0] },
      {
        status: 'added',
        oldPath: null,
        newPath: 'docs/with space é.txt',
        binary: false,
        hunks: [0, 0, 1, 2],
      },
      {
        status: 'modified',
        oldPath: 'odd\tname "q".txt',
        newPath: 'odd\tname "q".txt',
        binary: true,
        hunks: [],
      },
    ]);
  });

  it('never reads a hunk body as a header, whatever the lines say', () => {
    const [, second] = parsePatch(LOG);
    expect(second?.files.map((file) => file.newPath)).not.toContain('looks like a header');
  });

  it('gives the same sections however the output is cut into chunks (multi-byte characters included)', () => {
    const bytes = Buffer.from(LOG);
    const whole = parsePatch(bytes);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const parser = createPatchParser();
        const sections: PatchSection[] = [];
        let from = 0;
        for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
          sections.push(...parser.push(bytes.subarray(from, cut)));
          from = cut;
        }
        sections.push(...parser.push(bytes.subarray(from)), ...parser.end());
        expect(sections).toEqual(whole);
      }),
    );
  });

  it('reads a header without files (a merge, an empty commit) and a last line without a newline', () => {
    expect(parsePatch(`\x1e${A}\x1fAda\x1fa@x\n\x1e${B}\x1fBob\x1fb@x`)).toEqual([
      { sha: A, fields: ['Ada', 'a@x'], files: [] },
      { sha: B, fields: ['Bob', 'b@x'], files: [] },
    ]);
  });

  it('refuses output it does not understand instead of guessing', () => {
    expect(() =>
      parsePatch(`\x1e${A}\ndiff --git a/x b/x\n@@ -1,2 +1 @@\n-a\n+b\ndiff --git a/y b/y\n`),
    ).toThrow(/hunk shorter/);
    expect(() => parsePatch(`\x1e${A}\ndiff --git a/x b/x\n@@ -1 +1 @@\n-a\n`)).toThrow(
      /ended inside a hunk/,
    );
    expect(() => parsePatch('diff --git a/x b/x\n')).toThrow(/before any commit header/);
    expect(() => parsePatch(`\x1e${A}\ndiff --git a/x b/x\n@@ -x +1 @@\n`)).toThrow(/bad hunk header/);
  });
});
