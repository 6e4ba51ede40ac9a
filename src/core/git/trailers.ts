/**
 * Commit message trailers, found the way git finds them (`trailer.c`, used by
 * `git interpret-trailers --parse` and `git log --format=%(trailers)`), so Recital and git agree
 * on what a commit declares:
 *
 * - the trailer block is the last paragraph, after a blank line; the first paragraph (the subject)
 *   never holds trailers;
 * - it counts when every line in it is a trailer, or when at least a quarter of its lines are
 *   trailers and one of them is git-generated (`Signed-off-by: `, `(cherry picked from commit `);
 * - a trailer is `Key: value` where the key is letters, digits and hyphens, optionally followed by
 *   spaces before the colon; a line starting with whitespace continues the trailer above it;
 * - lines starting with `#` are comments and are skipped.
 *
 * Git stops at a `---` divider only for patches (`git format-patch` output); a stored commit message
 * has no patch, so, like `%(trailers)`, this parser does not stop there unless asked.
 */

export interface Trailer {
  /** The key as written ("Co-Authored-By"); compare keys with `sameKey`. */
  key: string;
  /** Trimmed, with continuation lines unfolded into one line (as `--parse` does). */
  value: string;
}

const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];
const TRAILER_LINE = /^([A-Za-z0-9-]+)[ \t]*:(.*)$/;

/** Keys compare case-insensitively, as git compares them. */
export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => line.startsWith('#');
const startsWithSpace = (line: string) => /^[ \t]/.test(line);

/** The message's lines, without a patch after a `---` divider when `stopAtDivider` is set. */
function messageLines(message: string, stopAtDivider: boolean): string[] {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  if (!stopAtDivider) return lines;
  const divider = lines.findIndex((line) => /^---(?:[ \t]|$)/.test(line));
  return divider === -1 ? lines : lines.slice(0, divider);
}

/** Index of the first line after the subject paragraph (comment lines do not end it). */
function endOfTitle(lines: readonly string[]): number {
  let i = 0;
  while (i < lines.length && (isComment(lines[i]!) || !isBlank(lines[i]!))) i++;
  return i;
}

/**
 * Index of the first line of the trailer block, or -1 when the message has none. Walks up from the
 * end as git does, counting trailer lines, other lines and continuation lines.
 */
function trailerBlockStart(lines: readonly string[]): number {
  const floor = endOfTitle(lines);
  let trailers = 0;
  let others = 0;
  let continuations = 0;
  let recognised = false;
  let onlySpaces = true;
  for (let i = lines.length - 1; i >= floor; i--) {
    const line = lines[i]!;
    if (isComment(line)) {
      others += continuations;
      continuations = 0;
    } else if (isBlank(line)) {
      if (onlySpaces) continue;
      others += continuations;
      if (recognised && trailers * 3 >= others) return i + 1;
      if (trailers > 0 && others === 0) return i + 1;
      return -1;
    } else {
      onlySpaces = false;
      if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
        trailers++;
        recognised = true;
        continuations = 0;
      } else if (TRAILER_LINE.test(line)) {
        trailers++;
        continuations = 0;
      } else if (startsWithSpace(line)) continuations++;
      else {
        others += 1 + continuations;
        continuations = 0;
      }
    }
  }
  return -1;
}

/**
 * The trailers of a commit message, in order, as `git interpret-trailers --parse` prints them.
 *
 * @example
 * parseTrailers('Fix login\n\nBody.\n\nCo-Authored-By: Claude <noreply@anthropic.com>')
 * // [{ key: 'Co-Authored-By', value: 'Claude <noreply@anthropic.com>' }]
 */
export function parseTrailers(message: string, options: { stopAtDivider?: boolean } = {}): Trailer[] {
  const lines = messageLines(message, options.stopAtDivider ?? false);
  const start = trailerBlockStart(lines);
  if (start === -1) return [];
  const trailers: Trailer[] = [];
  let last: Trailer | null = null;
  for (const line of lines.slice(start)) {
    if (isComment(line) || isBlank(line)) continue;
    const match = TRAILER_LINE.exec(line);
    if (match) {
      last = { key: match[1]!, value: match[2]!.trim() };
      trailers.push(last);
    } else if (startsWithSpace(line) && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
    } else {
      // A non-trailer line inside a mostly-trailer block ends any continuation.
      last = null;
    }
  }
  return trailers;
}

/** Values of every trailer with this key (case-insensitive), in message order. */
export function trailerValues(trailers: readonly Trailer[], key: string): string[] {
  return trailers.filter((trailer) => sameKey(trailer.key, key)).map((trailer) => trailer.value);
}

/** The first trailer with this key, or null. */
export function findTrailer(trailers: readonly Trailer[], key: string): Trailer | null {
  return trailers.find((trailer) => sameKey(trailer.key, key)) ?? null;
}

/** `Name <email>` as in `Co-authored-by` values; null when the value has no angle-bracketed e-mail. */
export function parseIdentity(value: string): { name: string; email: string } | null {
  const match = /^(.*?)\s*<([^<>\s]*)>\s*$/.exec(value.trim());
  if (!match) return null;
  return { name: match[1]!.trim(), email: match[2]!.trim() };
}

export interface Footer {
  tool: 'claude-code';
  /** The line as written. */
  text: string;
  /** 1-based line number in the message. */
  line: number;
}

// Claude Code's own footer; the link moved from claude.ai/code to claude.com/claude-code in 2025.
const CLAUDE_CODE_FOOTER =
  /Generated with \[Claude Code\]\(https?:\/\/(?:www\.)?(?:claude\.com\/claude-code|claude\.ai\/code)\/?\)/i;

/**
 * Footer lines that a tool writes into the message body rather than as a trailer, found anywhere
 * in the message: "🤖 Generated with [Claude Code](https://claude.com/claude-code)".
 */
export function findFooters(message: string): Footer[] {
  const footers: Footer[] = [];
  message
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((text, index) => {
      if (CLAUDE_CODE_FOOTER.test(text))
        footers.push({ tool: 'claude-code', text: text.trim(), line: index + 1 });
    });
  return footers;
}
