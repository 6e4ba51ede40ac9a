import { unquoteCPath } from './blame-parser.js';

/** How a file changed between the two sides of one diff. */
export type PatchStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/** One file of a zero-context patch: where lines went, never what they said. */
export interface FilePatch {
  status: PatchStatus;
  /** The path on the old side; null when the file was added. */
  oldPath: string | null;
  /** The path on the new side; null when the file was deleted. */
  newPath: string | null;
  /** Git printed `Binary files … differ`: the hunks are unknown. */
  binary: boolean;
  /**
   * The hunks as git prints them, flattened: `[oldStart, oldCount, newStart, newCount, …]`. Starts
   * are 1-based; a side with count 0 names the line before the change (0 at the top of the file).
   */
  hunks: number[];
}

/** One commit header and the file patches printed under it. */
export interface PatchSection {
  sha: string;
  /** The header's fields after the SHA (the caller's `--format` decides what they are). */
  fields: string[];
  files: FilePatch[];
}

/**
 * What each header starts with: the record separator, which no diff line can begin with, then
 * fields split by the unit separator, the SHA first.
 */
export const PATCH_HEADER_MARK = '\x1e';
export const PATCH_FIELD_SEPARATOR = '\x1f';

/**
 * An incremental parser of `git log -p -U0` (or `git diff-tree --stdin -p -U0`) output with a
 * `--format` whose header is `%x1e%H%x1f…`. It works on bytes: hunk bodies are skipped by counting
 * the lines each `@@` header announces, so only headers are ever decoded — the bodies, which are
 * nearly all of the output, cost one newline search each.
 *
 * Expects `--src-prefix=a/ --dst-prefix=b/` (so user prefix settings cannot change the paths) and
 * C-quoted paths as git prints them with `core.quotepath=off`.
 *
 * @example
 * const parser = createPatchParser();
 * for await (const chunk of child.stdout) for (const section of parser.push(chunk)) apply(section);
 * for (const section of parser.end()) apply(section);
 */
export interface PatchParser {
  /** Returns the sections that this chunk completed (a section ends where the next header starts). */
  push(chunk: Buffer): PatchSection[];
  /** Returns the last section, if any. Throws when the output stopped inside a hunk. */
  end(): PatchSection[];
}

const NEWLINE = 0x0a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const BACKSLASH = 0x5c;
const AT = 0x40;
const HEADER_BYTE = 0x1e;
const DIFF_GIT = Buffer.from('diff --git ');
const NEW_FILE = Buffer.from('new file mode ');
const DELETED_FILE = Buffer.from('deleted file mode ');
const BINARY = Buffer.from('Binary files ');
const SIGNS = [MINUS, PLUS];

export function createPatchParser(): PatchParser {
  return new StreamingPatchParser();
}

class StreamingPatchParser implements PatchParser {
  private carry: Buffer | null = null;
  private section: PatchSection | null = null;
  private file: FilePatch | null = null;
  /** Lines of the current hunk still to skip, per side. */
  private minus = 0;
  private plus = 0;
  private done: PatchSection[] = [];

  push(chunk: Buffer): PatchSection[] {
    let pos = 0;
    if (this.carry) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return [];
      }
      const joined = Buffer.concat([this.carry, chunk.subarray(0, newline)]);
      this.carry = null;
      this.line(joined, 0, joined.length);
      pos = newline + 1;
    }
    for (let newline = chunk.indexOf(NEWLINE, pos); newline !== -1; newline = chunk.indexOf(NEWLINE, pos)) {
      this.line(chunk, pos, newline);
      pos = newline + 1;
    }
    // Copy: the stream may reuse the chunk's memory once we return.
    if (pos < chunk.length) this.carry = Buffer.from(chunk.subarray(pos));
    return this.take();
  }

  end(): PatchSection[] {
    if (this.carry) {
      const last = this.carry;
      this.carry = null;
      this.line(last, 0, last.length);
    }
    if (this.minus > 0 || this.plus > 0) throw new Error('git patch: output ended inside a hunk');
    if (this.section) this.done.push(this.section);
    this.section = null;
    return this.take();
  }

  private take(): PatchSection[] {
    const completed = this.done;
    this.done = [];
    return completed;
  }

  /** One output line; hunk bodies (nearly every line) cost a byte test and a decrement. */
  private line(buf: Buffer, start: number, end: number): void {
    const first = buf[start];
    if (this.minus > 0 && first === MINUS) this.minus -= 1;
    else if (this.plus > 0 && first === PLUS) this.plus -= 1;
    else if (first === BACKSLASH && this.file)
      return; // "\ No newline at end of file"
    else if (this.minus > 0 || this.plus > 0) throw new Error(`git patch: hunk shorter than announced`);
    else if (first === AT && buf[start + 1] === AT) {
      const hunks = requireFile(this.file, 'a hunk').hunks;
      parseHunkHeader(buf, start, end, hunks);
      this.minus = hunks[hunks.length - 3] ?? 0;
      this.plus = hunks[hunks.length - 1] ?? 0;
    } else if (first === HEADER_BYTE) {
      if (this.section) this.done.push(this.section);
      const fields = buf.toString('utf8', start + 1, end).split(PATCH_FIELD_SEPARATOR);
      this.section = { sha: fields[0] ?? '', fields: fields.slice(1), files: [] };
      this.file = null;
    } else if (end > start) {
      this.file = headerLine(buf, start, end, this.section, this.file);
    }
  }
}

/** Parses a whole output at once: for fixtures and small histories. */
export function parsePatch(output: string | Buffer): PatchSection[] {
  const parser = createPatchParser();
  return [...parser.push(Buffer.from(output)), ...parser.end()];
}

function requireFile(file: FilePatch | null, what: string): FilePatch {
  if (!file) throw new Error(`git patch: ${what} outside any file`);
  return file;
}

function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[start + i] !== prefix[i]) return false;
  return true;
}

/** Handles one line of a file's extended header; returns the file now being read. */
function headerLine(
  buf: Buffer,
  start: number,
  end: number,
  section: PatchSection | null,
  file: FilePatch | null,
): FilePatch | null {
  if (startsWith(buf, start, end, DIFF_GIT)) {
    if (!section)
      throw new Error(`git patch: a file before any commit header: ${buf.toString('utf8', start, end)}`);
    const path = samePathOfDiffLine(buf.toString('utf8', start + DIFF_GIT.length, end));
    const next: FilePatch = { status: 'modified', oldPath: path, newPath: path, binary: false, hunks: [] };
    section.files.push(next);
    return next;
  }
  const current = requireFile(file, JSON.stringify(buf.toString('utf8', start, end)));
  // Dispatch on the first byte: these lines come with every file, decoding them would cost more.
  switch (buf[start]) {
    case 0x69: // index
    case 0x6f: // old mode
    case 0x73: // similarity index
      return current;
    case 0x6e: // new file mode / new mode
      if (startsWith(buf, start, end, NEW_FILE)) {
        current.status = 'added';
        current.oldPath = null;
      }
      return current;
    case 0x64: // deleted file mode / dissimilarity index
      if (startsWith(buf, start, end, DELETED_FILE)) {
        current.status = 'deleted';
        current.newPath = null;
      }
      return current;
    case 0x42: // Binary files … differ
      if (startsWith(buf, start, end, BINARY)) current.binary = true;
      return current;
  }
  namedLine(buf.toString('utf8', start, end), current);
  return current;
}

/** The header lines that name a side: `rename`/`copy` `from`/`to`, `---` and `+++`. */
function namedLine(text: string, current: FilePatch): void {
  const space = text.indexOf(' ', text.startsWith('rename ') || text.startsWith('copy ') ? 7 : 0);
  const key = text.slice(0, space === -1 ? text.length : space);
  const value = text.slice(space + 1);
  switch (key) {
    case 'rename from':
    case 'copy from':
      current.status = key === 'copy from' ? 'copied' : 'renamed';
      current.oldPath = unquoteCPath(value);
      break;
    case 'rename to':
    case 'copy to':
      current.newPath = unquoteCPath(value);
      break;
    case '---':
      if (value !== '/dev/null') current.oldPath = diffPath(value, 'a/');
      break;
    case '+++':
      if (value !== '/dev/null') current.newPath = diffPath(value, 'b/');
      break;
    default:
      throw new Error(`git patch: unexpected line ${JSON.stringify(text)}`);
  }
}

/**
 * The path of a `---`/`+++` line: unquoted, without its side prefix, and without the tab git adds
 * after a name that contains a space.
 */
function diffPath(value: string, prefix: string): string {
  const path = unquoteCPath(value.endsWith('\t') ? value.slice(0, -1) : value);
  if (!path.startsWith(prefix)) throw new Error(`git patch: expected ${prefix} in ${JSON.stringify(value)}`);
  return path.slice(prefix.length);
}

/**
 * The path of a `diff --git a/P b/P` line. Only trusted when nothing later names the sides
 * (binary files, mode changes, empty files), and then both sides are the same path: a rename or
 * copy always prints its own `rename from`/`rename to` lines, which win.
 */
function samePathOfDiffLine(rest: string): string {
  if (rest.startsWith('"')) {
    const close = closingQuote(rest);
    return unquoteCPath(rest.slice(0, close + 1)).slice(2);
  }
  const length = (rest.length - 'a/ b/'.length) / 2;
  return rest.slice(2, 2 + length);
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  throw new Error(`git patch: unterminated quoted path ${JSON.stringify(text)}`);
}

/**
 * Reads `@@ -a[,b] +c[,d] @@` straight from the bytes into `hunks` (the hot path of the whole
 * parse: no strings, no closures).
 */
function parseHunkHeader(buf: Buffer, start: number, end: number, hunks: number[]): void {
  let pos = start + 3; // after "@@ "
  for (const sign of SIGNS) {
    if (buf[pos] !== sign) throw new Error(`git patch: bad hunk header ${buf.toString('utf8', start, end)}`);
    pos += 1;
    let first = 0;
    const from = pos;
    for (let byte = buf[pos] ?? 0; byte >= 0x30 && byte <= 0x39; byte = buf[++pos] ?? 0)
      first = first * 10 + byte - 0x30;
    let count = 1;
    if (buf[pos] === 0x2c) {
      count = 0;
      for (let byte = buf[++pos] ?? 0; byte >= 0x30 && byte <= 0x39; byte = buf[++pos] ?? 0)
        count = count * 10 + byte - 0x30;
    }
    if (pos === from || buf[pos] !== 0x20)
      throw new Error(`git patch: bad hunk header ${buf.toString('utf8', start, end)}`);
    pos += 1;
    hunks.push(first, count);
  }
}
