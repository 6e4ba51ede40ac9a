/** A JSON value as it is stored: what `JSON.parse` can give back. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** A value that has no single JSON text (a cycle, NaN, a Date, a Map…): hashing it would be a guess. */
export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    /** Where in the value, as a JSON-pointer-like path (`/payload/items/2`). */
    readonly path: string,
  ) {
    super(`${message} at ${path || '/'}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * The one JSON text of a value, so that a hash of it is the same on every run and platform.
 *
 * - Object keys are sorted by UTF-16 code units (as RFC 8785 does), at every depth.
 * - Properties whose value is `undefined` are left out, as `JSON.stringify` does; `undefined` anywhere
 *   else (an array item, the value itself) is refused rather than silently turned into `null`.
 * - Numbers are written by ECMAScript's Number-to-String (the shortest text that reads back to the same
 *   double; `-0` is `0`), which the language specifies exactly. `NaN` and `Infinity` are refused.
 * - Strings are written as `JSON.stringify` writes them (lone surrogates escaped as `\udxxx`, so the text is
 *   always well-formed Unicode). They are NOT Unicode-normalised: the hash commits to the exact stored
 *   text, and "café" in NFC and NFD are different facts. Normalise at input if that matters.
 * - Only plain objects and arrays are accepted: a Date, Map or class instance is refused, not flattened.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }) // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(`${String(value)} is not a JSON number`, path);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, path, ancestors);
    default:
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`, path);
  }
}

function writeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError('the value refers to itself', path);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: unknown[] = value;
      return `[${items.map((item, index) => write(item, `${path}/${index}`, ancestors)).join(',')}]`;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const name = value.constructor?.name ?? 'object';
      throw new CanonicalJsonError(`a ${name} is not a plain JSON object`, path);
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units, independent of locale.
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(member, `${path}/${escapePointer(key)}`, ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
