/**
 * A small glob matcher for the patterns a workspace writes in its settings (author e-mails, branch
 * names, generated paths). picomatch and minimatch are in node_modules only as transitive
 * dependencies of the build tools, so the core does not import them; `*`, `**` and `?` are all
 * these settings need.
 *
 * - `*` matches any run of characters except `/`
 * - `**` matches any run of characters including `/`; `a/**\/b` also matches `a/b`
 * - `?` matches one character except `/`
 * - every other character matches itself (regex metacharacters are escaped)
 */

const cache = new Map<string, RegExp>();
const REGEX_SPECIAL = /[\\^$.|+()[\]{}]/;

/**
 * The anchored regular expression for a glob; the whole string must match.
 *
 * @example globToRegExp('feature/*').test('feature/T12-auth') // true
 * @example globToRegExp('src/**\/*.ts').test('src/core/git/glob.ts') // true
 */
export function globToRegExp(pattern: string, options: { caseInsensitive?: boolean } = {}): RegExp {
  const flags = options.caseInsensitive ? 'i' : '';
  const cacheKey = `${flags}\u0000${pattern}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const regex = new RegExp(`^${globBody(pattern)}$`, flags);
  if (cache.size > 500) cache.clear();
  cache.set(cacheKey, regex);
  return regex;
}

function globBody(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      // "**/" may also match nothing at all, so "a/**/b" matches "a/b".
      if (pattern[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else out += REGEX_SPECIAL.test(char) ? `\\${char}` : char;
  }
  return out;
}

/** Whether `text` matches `pattern` as a whole. */
export function matchesGlob(
  text: string,
  pattern: string,
  options: { caseInsensitive?: boolean } = {},
): boolean {
  return globToRegExp(pattern, options).test(text);
}

/**
 * Whether a repository path matches a pattern written the way `.gitignore` lines are:
 * a pattern without a `/` matches the file name at any depth (`*.min.js`, `yarn.lock`);
 * a pattern ending in `/` matches a directory at any depth and everything under it (`dist/`);
 * any other pattern is matched against the whole path from the repository root (`docs/**\/*.png`).
 *
 * @example pathMatchesPattern('web/dist/app.js', 'dist/') // true
 */
export function pathMatchesPattern(path: string, pattern: string): boolean {
  const clean = path.replace(/^\.\//, '');
  if (pattern.endsWith('/')) {
    const dir = pattern.slice(0, -1).replace(/^\//, '');
    return dir.includes('/')
      ? matchesGlob(clean, `${dir}/**`)
      : clean
          .split('/')
          .slice(0, -1)
          .some((segment) => matchesGlob(segment, dir));
  }
  if (!pattern.includes('/')) return matchesGlob(clean.split('/').pop() ?? '', pattern);
  return matchesGlob(clean, pattern.replace(/^\//, ''));
}

type Compiled = { kind: 'dir-segment' | 'name' | 'path'; regex: RegExp };

function compileOne(pattern: string): Compiled {
  if (pattern.endsWith('/')) {
    const dir = pattern.slice(0, -1).replace(/^\//, '');
    return dir.includes('/')
      ? { kind: 'path', regex: globToRegExp(`${dir}/**`) }
      : { kind: 'dir-segment', regex: globToRegExp(dir) };
  }
  if (!pattern.includes('/')) return { kind: 'name', regex: globToRegExp(pattern) };
  return { kind: 'path', regex: globToRegExp(pattern.replace(/^\//, '')) };
}

const matchers = new Map<string, (path: string) => boolean>();

/**
 * `pathMatchesPattern` for a whole list at once, compiled once: a path is split a single time and each
 * pattern is one regular expression test. Ingesting thousands of commits asks this for every file.
 *
 * @example compilePathPatterns(['dist/', '*.min.js'])('web/dist/app.js') // true
 */
export function compilePathPatterns(patterns: readonly string[]): (path: string) => boolean {
  const key = patterns.join('\u0000');
  const known = matchers.get(key);
  if (known) return known;
  const compiled = patterns.map(compileOne);
  const matcher = (path: string): boolean => {
    const clean = path.replace(/^\.\//, '');
    const segments = clean.split('/');
    const name = segments.at(-1) ?? '';
    const dirs = segments.slice(0, -1);
    return compiled.some(({ kind, regex }) =>
      kind === 'name'
        ? regex.test(name)
        : kind === 'path'
          ? regex.test(clean)
          : dirs.some((d) => regex.test(d)),
    );
  };
  if (matchers.size > 100) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}
