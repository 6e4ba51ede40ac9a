/**
 * A compact binary snapshot of an ownership, so the next run only walks what is new. Lines are
 * stored as runs — an owner and a first original line covering consecutive lines — which is what
 * blame output looks like: a file of a thousand lines from a dozen commits is a few dozen runs.
 *
 * Layout (little-endian): the magic `RCOWN` and a version byte, then the tip, the commits (SHA,
 * author name, author e-mail), the reported files, the other tracked files (links, submodules),
 * and the binary paths. Strings are a u32 byte length and UTF-8; a file is its path, its line
 * count, its run count and `[owner, firstOrigLine, length]` triplets.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileOwnership, Ownership } from './ownership-finish.js';

const MAGIC = 'RCOWN';
const VERSION = 1;

/**
 * Writes `ownership` to `file` (its folder is created), for example
 * `<gitDir>/recital/ownership-<sha>.bin`; the caller picks the place.
 */
export async function saveOwnership(ownership: Ownership, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, encodeOwnership(ownership));
}

/** Reads a snapshot written by `saveOwnership`; throws on anything else. */
export async function loadOwnership(file: string): Promise<Ownership> {
  return decodeOwnership(await readFile(file));
}

export function encodeOwnership(ownership: Ownership): Buffer {
  const out = new Writer();
  out.bytes(Buffer.from(MAGIC, 'latin1'));
  out.u32(VERSION);
  out.string(ownership.commit);
  out.u32(ownership.commits.length);
  for (const commit of ownership.commits) {
    out.string(commit.sha);
    out.string(commit.authorName);
    out.string(commit.authorEmail);
  }
  for (const files of [ownership.files, ownership.other]) {
    out.u32(files.size);
    for (const [path, file] of files) writeFileRuns(out, path, file);
  }
  out.u32(ownership.binary.length);
  for (const path of ownership.binary) out.string(path);
  return out.finish();
}

export function decodeOwnership(data: Buffer): Ownership {
  const input = new Reader(data);
  if (input.bytes(MAGIC.length).toString('latin1') !== MAGIC || input.u32() !== VERSION) {
    throw new Error('not a Recital ownership snapshot (or an older version)');
  }
  const commit = input.string();
  const commits = Array.from({ length: input.u32() }, () => ({
    sha: input.string(),
    authorName: input.string(),
    authorEmail: input.string(),
  }));
  const readFiles = (): Map<string, FileOwnership> => {
    const files = new Map<string, FileOwnership>();
    for (let n = input.u32(); n > 0; n--) {
      const path = input.string();
      files.set(path, readFileRuns(input));
    }
    return files;
  };
  const files = readFiles();
  const other = readFiles();
  const binary = Array.from({ length: input.u32() }, () => input.string());
  if (!input.atEnd()) throw new Error('ownership snapshot: trailing bytes');
  return { commit, commits, files, other, binary };
}

function writeFileRuns(out: Writer, path: string, { owners, origLines }: FileOwnership): void {
  const runs: number[] = [];
  for (let i = 0; i < owners.length;) {
    const owner = owners[i] ?? 0;
    const first = origLines[i] ?? 0;
    let length = 1;
    while (
      i + length < owners.length &&
      owners[i + length] === owner &&
      origLines[i + length] === first + length
    ) {
      length += 1;
    }
    runs.push(owner, first, length);
    i += length;
  }
  out.string(path);
  out.u32(owners.length);
  out.u32(runs.length / 3);
  out.int32s(runs);
}

function readFileRuns(input: Reader): FileOwnership {
  const lines = input.u32();
  const runs = input.int32s(input.u32() * 3);
  const owners = new Int32Array(lines);
  const origLines = new Int32Array(lines);
  let at = 0;
  for (let r = 0; r < runs.length; r += 3) {
    const owner = runs[r] ?? 0;
    const first = runs[r + 1] ?? 0;
    const length = runs[r + 2] ?? 0;
    if (at + length > lines) throw new Error('ownership snapshot: runs longer than the file');
    owners.fill(owner, at, at + length);
    for (let j = 0; j < length; j++) origLines[at + j] = first + j;
    at += length;
  }
  if (at !== lines) throw new Error('ownership snapshot: runs shorter than the file');
  return { owners, origLines };
}

class Writer {
  private readonly chunks: Buffer[] = [];

  bytes(buffer: Buffer): void {
    this.chunks.push(buffer);
  }

  u32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    this.chunks.push(buffer);
  }

  int32s(values: readonly number[]): void {
    const buffer = Buffer.alloc(values.length * 4);
    values.forEach((value, i) => buffer.writeInt32LE(value, i * 4));
    this.chunks.push(buffer);
  }

  string(value: string): void {
    const buffer = Buffer.from(value, 'utf8');
    this.u32(buffer.length);
    this.chunks.push(buffer);
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class Reader {
  private pos = 0;

  constructor(private readonly data: Buffer) {}

  bytes(length: number): Buffer {
    if (this.pos + length > this.data.length) throw new Error('ownership snapshot: truncated');
    const slice = this.data.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  u32(): number {
    return this.bytes(4).readUInt32LE();
  }

  string(): string {
    return this.bytes(this.u32()).toString('utf8');
  }

  /** Copies, so the result is aligned whatever the offset in the file. */
  int32s(count: number): Int32Array {
    const slice = this.bytes(count * 4);
    const values = new Int32Array(count);
    for (let i = 0; i < count; i++) values[i] = slice.readInt32LE(i * 4);
    return values;
  }

  atEnd(): boolean {
    return this.pos === this.data.length;
  }
}
