/**
 * A compact binary snapshot of an ownership, so the next run only walks what is new. Lines are
 * stored as runs — an owner and a first original line covering consecutive lines — which is what
 * blame output looks like; SHAs as bytes, authors once each, numbers as LEB128 varints.
 *
 * Layout: the magic `RCOWN` and a version, the tip, the authors (name, e-mail), the commits (SHA
 * bytes, author number), the reported files, the other tracked files (links, submodules), and the
 * binary paths. A string is a varint byte length and UTF-8; a file is its path, its line count, its
 * run count and `[owner, firstOrigLine, length]` runs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileOwnership, Ownership, OwnershipCommit } from './ownership-finish.js';

const MAGIC = 'RCOWN';
const VERSION = 2;

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
  out.uint(VERSION);
  out.string(ownership.commit);
  writeCommits(out, ownership.commits);
  for (const files of [ownership.files, ownership.other]) {
    out.uint(files.size);
    for (const [path, file] of files) writeFileRuns(out, path, file);
  }
  out.uint(ownership.binary.length);
  for (const path of ownership.binary) out.string(path);
  return out.finish();
}

export function decodeOwnership(data: Buffer): Ownership {
  const input = new Reader(data);
  if (input.bytes(MAGIC.length).toString('latin1') !== MAGIC || input.uint() !== VERSION) {
    throw new Error('not a Recital ownership snapshot (or an older version)');
  }
  const commit = input.string();
  const commits = readCommits(input);
  const readFiles = (): Map<string, FileOwnership> => {
    const files = new Map<string, FileOwnership>();
    for (let n = input.uint(); n > 0; n--) {
      const path = input.string();
      files.set(path, readFileRuns(input));
    }
    return files;
  };
  const files = readFiles();
  const other = readFiles();
  const binary = Array.from({ length: input.uint() }, () => input.string());
  if (!input.atEnd()) throw new Error('ownership snapshot: trailing bytes');
  return { commit, commits, files, other, binary };
}

/** Authors once each (a history has far fewer authors than commits), then SHAs as bytes. */
function writeCommits(out: Writer, commits: readonly OwnershipCommit[]): void {
  const authors = new Map<string, number>();
  const numbers = commits.map(({ authorName, authorEmail }) => {
    const key = `${authorName}\0${authorEmail}`;
    if (!authors.has(key)) authors.set(key, authors.size);
    return authors.get(key) ?? 0;
  });
  out.uint(authors.size);
  for (const key of authors.keys()) for (const part of key.split('\0')) out.string(part);
  out.uint(commits.length);
  out.uint((commits[0]?.sha.length ?? 40) / 2);
  commits.forEach((commit, i) => {
    out.bytes(Buffer.from(commit.sha, 'hex'));
    out.uint(numbers[i] ?? 0);
  });
}

function readCommits(input: Reader): OwnershipCommit[] {
  const authors = Array.from({ length: input.uint() }, () => ({
    name: input.string(),
    email: input.string(),
  }));
  const count = input.uint();
  const shaBytes = input.uint();
  return Array.from({ length: count }, () => {
    const sha = input.bytes(shaBytes).toString('hex');
    const author = authors[input.uint()];
    if (!author) throw new Error('ownership snapshot: a commit with an unknown author');
    return { sha, authorName: author.name, authorEmail: author.email };
  });
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
  out.uint(owners.length);
  out.uint(runs.length / 3);
  for (const value of runs) out.uint(value);
}

function readFileRuns(input: Reader): FileOwnership {
  const lines = input.uint();
  const runs = Array.from({ length: input.uint() * 3 }, () => input.uint());
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
  private pending: number[] = [];

  bytes(buffer: Buffer): void {
    this.flush();
    this.chunks.push(buffer);
  }

  /** A non-negative integer as LEB128: seven bits a byte, low first. */
  uint(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new Error(`ownership snapshot: cannot store ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.pending.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.pending.push(rest);
  }

  string(value: string): void {
    const buffer = Buffer.from(value, 'utf8');
    this.uint(buffer.length);
    this.bytes(buffer);
  }

  finish(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending));
    this.pending = [];
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

  uint(): number {
    let value = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const byte = this.data[this.pos++];
      if (byte === undefined) throw new Error('ownership snapshot: truncated');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
  }

  string(): string {
    return this.bytes(this.uint()).toString('utf8');
  }

  atEnd(): boolean {
    return this.pos === this.data.length;
  }
}
