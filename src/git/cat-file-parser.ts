/** One answer of `git cat-file --batch` (with content) or `--batch-check` (without). */
export type CatFileFrame =
  | { kind: 'found'; sha: string; type: string; size: number; content: Buffer | null }
  | { kind: 'missing'; name: string };

/**
 * An incremental parser of `git cat-file --batch` output: frames of `<sha> <type> <size>\n`, then
 * exactly `size` bytes and a newline. Sizes are bytes, so this works on Buffers, never on decoded
 * text. With `withContent: false` it reads `--batch-check` output (header lines only).
 *
 * @example
 * const parser = createCatFileParser({ withContent: true });
 * parser.push(Buffer.from('ab12 blob 2\nhi\n')); // [{ kind: 'found', sha: 'ab12', type: 'blob', size: 2, content: <hi> }]
 */
export interface CatFileParser {
  push(chunk: Buffer): CatFileFrame[];
  /** Throws when the output stopped in the middle of a frame. */
  end(): void;
}

interface Header {
  sha: string;
  type: string;
  size: number;
}

export function createCatFileParser(options: { withContent: boolean }): CatFileParser {
  let chunks: Buffer[] = [];
  let length = 0;
  let header: Header | null = null;

  // Join only when a whole header line or a whole object is there, so large blobs are copied once.
  const joined = (): Buffer => {
    if (chunks.length !== 1) chunks = [Buffer.concat(chunks)];
    return chunks[0] ?? Buffer.alloc(0);
  };
  const consume = (bytes: number): void => {
    const rest = joined().subarray(bytes);
    chunks = [rest];
    length = rest.length;
  };

  const readContent = (expected: Header): CatFileFrame | null => {
    if (length < expected.size + 1) return null;
    const content = Buffer.from(joined().subarray(0, expected.size));
    consume(expected.size + 1);
    header = null;
    return { kind: 'found', ...expected, content };
  };

  const nextFrame = (): CatFileFrame | null => {
    if (header) return readContent(header);
    const newline = joined().indexOf(0x0a);
    if (newline === -1) return null;
    const line = joined().toString('utf8', 0, newline);
    consume(newline + 1);
    const parsed = parseHeader(line);
    if (parsed.kind === 'missing' || !options.withContent) return parsed;
    header = { sha: parsed.sha, type: parsed.type, size: parsed.size };
    return readContent(header);
  };

  return {
    push(chunk) {
      chunks.push(chunk);
      length += chunk.length;
      const frames: CatFileFrame[] = [];
      for (let frame = nextFrame(); frame; frame = nextFrame()) frames.push(frame);
      return frames;
    },
    end() {
      if (header || length > 0) throw new Error('git cat-file output ended in the middle of an object');
    },
  };
}

function parseHeader(line: string): CatFileFrame {
  const missing = / (missing|ambiguous)$/.exec(line);
  if (missing) return { kind: 'missing', name: line.slice(0, missing.index) };
  const match = /^(\S+) (\S+) (\d+)$/.exec(line);
  if (!match) throw new Error(`git cat-file: unexpected header ${JSON.stringify(line)}`);
  const [, sha = '', type = '', size = '0'] = match;
  return { kind: 'found', sha, type, size: Number(size), content: null };
}
