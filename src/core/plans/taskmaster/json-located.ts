/**
 * A small JSON parser that also records where every object and array starts, so importers can
 * point warnings at the line of the task they are about. JSON.parse gives neither positions of
 * values nor (in every Node version) a position for its syntax errors.
 */

export interface LocatedJson {
  value: unknown;
  /** Start offset (0-based, in UTF-16 units) of every object and array in `value`. */
  offsets: Map<object, number>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** 1-based line and column of a 0-based offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A function from 0-based offset to 1-based line, for many look-ups in one text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;
// eslint-disable-next-line no-control-regex -- raw control characters are what JSON forbids in strings
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * Parse JSON (a leading byte-order mark is allowed) or throw JsonSyntaxError with the offset of
 * the first problem.
 *
 * @example
 * const { value, offsets } = parseJsonLocated('{"tasks": []}');
 * offsets.get((value as { tasks: unknown[] }).tasks); // 10
 */
export function parseJsonLocated(text: string): LocatedJson {
  const reader = new JsonReader(text);
  const value = reader.value(0);
  reader.end();
  return { value, offsets: reader.offsets };
}

class JsonReader {
  readonly offsets = new Map<object, number>();
  private pos: number;

  constructor(private readonly text: string) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    this.skip();
    const char = this.text.charAt(this.pos);
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    if (char === '"') return this.string();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail(`Unexpected ${this.describe()}; expected a value`);
    this.pos = NUMBER.lastIndex;
    return Number(match[0]);
  }

  end(): void {
    this.skip();
    if (this.pos < this.text.length)
      this.fail(`Unexpected ${this.describe()} after the end of the JSON value`);
  }

  private object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.offsets.set(result, this.pos);
    this.pos++;
    this.skip();
    if (this.eat('}')) return result;
    for (;;) {
      this.skip();
      if (this.text.charAt(this.pos) !== '"')
        this.fail(`Unexpected ${this.describe()}; expected a property name in double quotes`);
      const key = this.string();
      this.skip();
      if (!this.eat(':')) this.fail(`Unexpected ${this.describe()}; expected ":" after property "${key}"`);
      // defineProperty keeps a "__proto__" key as plain data instead of changing the prototype.
      Object.defineProperty(result, key, {
        value: this.value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skip();
      if (this.eat('}')) return result;
      if (!this.eat(',')) this.fail(`Unexpected ${this.describe()}; expected "," or "}"`);
    }
  }

  private array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.offsets.set(result, this.pos);
    this.pos++;
    this.skip();
    if (this.eat(']')) return result;
    for (;;) {
      result.push(this.value(depth + 1));
      this.skip();
      if (this.eat(']')) return result;
      if (!this.eat(',')) this.fail(`Unexpected ${this.describe()}; expected "," or "]"`);
    }
  }

  private string(): string {
    const start = this.pos;
    STRING_BODY.lastIndex = this.pos + 1;
    STRING_BODY.exec(this.text);
    this.pos = STRING_BODY.lastIndex;
    if (!this.eat('"')) {
      this.fail(
        this.pos >= this.text.length
          ? 'Unterminated string'
          : `Invalid character ${this.describe()} in a string`,
      );
    }
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private eat(char: string): boolean {
    if (this.text.charAt(this.pos) !== char) return false;
    this.pos++;
    return true;
  }

  private skip(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private describe(): string {
    if (this.pos >= this.text.length) return 'end of input';
    return JSON.stringify(this.text.charAt(this.pos));
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }
}
