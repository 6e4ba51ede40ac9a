/**
 * Line-level attribution from git-ai (github.com/acunniffe/git-ai, now git-ai-project/git-ai): an
 * "authorship log" attached to each commit as a git note under `refs/notes/ai` (Git AI Standard
 * v3.0.0, schema "authorship/3.0.0"). The note is an attestation section, a line that is exactly
 * `---`, then a JSON metadata object:
 *
 * ```
 * src/main.rs
 *   abcd1234abcd1234 1-10,15-20
 *   s_c9883b05a2487d::t_9f8e7d6c5b4a32 25,30-35
 *   h_a1b2c3d4e5f678 40-41
 * "src/my file.rs"
 *   abcd1234abcd1234 1-50
 * ---
 * { "schema_version": "authorship/3.0.0", "base_commit_sha": "…", "prompts": { … },
 *   "sessions": { … }, "humans": { … } }
 * ```
 *
 * A path line starts at column 0 (quoted when it holds whitespace); each entry below it is a key and
 * 1-based line ranges as of that commit. Keys route by prefix (git-ai's
 * docs/migrations/sessions-v2-note-format.md): `s_…::t_…` → `sessions` (the part before `::`),
 * `h_…` → `humans` (lines a known person wrote), anything else (16 or legacy 7 hex) → `prompts`.
 * Later entries win a line over earlier ones, as in git-ai's own blame. A key with no record in this
 * note is still AI: git-ai keeps prompts of other commits in their own notes.
 */
import type { AttributionKind, LineRange } from './git.model.js';
import { mergeRanges, paintRange, parseLineRanges, rangesContain, type OwnedRange } from './line-ranges.js';
import { parseAgents, type GitAiAgent, type GitAiMetadata } from './git-ai-metadata.js';

export type { GitAiAgent } from './git-ai-metadata.js';

export interface GitAiFile {
  path: string;
  /** Disjoint, sorted; `agent` is the key of `GitAiNote.agents` (a prompt hash or `s_` session id). */
  aiRanges: (LineRange & { agent: string })[];
  /** Lines the note attests to a known person (`h_` keys): never AI, whatever the trailers say. */
  humanRanges: (LineRange & { human: string })[];
}

export interface GitAiNote {
  schemaVersion: string;
  baseCommitSha: string | null;
  gitAiVersion: string | null;
  /** Sorted by path. */
  files: GitAiFile[];
  agents: Record<string, GitAiAgent>;
  /** `h_` key → "Name <email>". */
  humans: Record<string, string>;
}

export type GitAiNoteErrorCode =
  | 'git_ai.empty'
  | 'git_ai.no_divider'
  | 'git_ai.bad_attestation'
  | 'git_ai.bad_metadata'
  | 'git_ai.unsupported_version';

export interface GitAiNoteError {
  code: GitAiNoteErrorCode;
  message: string;
  /** 1-based line of the note, when one line is at fault. */
  line: number | null;
}

export type GitAiNoteResult = { ok: true; note: GitAiNote } | { ok: false; error: GitAiNoteError };

const fail = (code: GitAiNoteErrorCode, message: string, line: number | null = null): GitAiNoteResult => ({
  ok: false,
  error: { code, message, line },
});

const ENTRY = /^[ \t]+(\S+)[ \t]+(\S+)[ \t]*$/;

/** The key a range is filed under: the session part of `s_…::t_…`, else the key itself. */
const ownerOf = (key: string) => (key.startsWith('s_') ? (key.split('::')[0] ?? key) : key);
const isHumanKey = (key: string) => key.startsWith('h_');

function unquote(path: string): string {
  return path.length >= 2 && path.startsWith('"') && path.endsWith('"') ? path.slice(1, -1) : path;
}

type Attestations = Map<string, OwnedRange[]>;

/** Reads the attestation lines into painted segments per path, or the first error. */
function parseAttestations(lines: readonly string[]): Attestations | GitAiNoteResult {
  const files: Attestations = new Map();
  let current: string | null = null;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (!/^[ \t]/.test(line)) {
      current = unquote(line.trimEnd());
      if (!files.has(current)) files.set(current, []);
      continue;
    }
    const match = ENTRY.exec(line);
    const ranges = match ? parseLineRanges(match[2]!) : null;
    if (!match || !ranges) {
      return fail('git_ai.bad_attestation', `"${line.trim()}" is not "<key> <line ranges>"`, index + 1);
    }
    if (current === null) {
      return fail('git_ai.bad_attestation', 'an entry comes before any file path', index + 1);
    }
    let segments = files.get(current) ?? [];
    for (const range of ranges) segments = paintRange(segments, { ...range, owner: match[1]! });
    files.set(current, segments);
  }
  return files;
}

function toFile(path: string, segments: readonly OwnedRange[]): GitAiFile {
  const aiRanges: GitAiFile['aiRanges'] = [];
  const humanRanges: GitAiFile['humanRanges'] = [];
  for (const { start, end, owner } of segments) {
    if (isHumanKey(owner)) humanRanges.push({ start, end, human: owner });
    else aiRanges.push({ start, end, agent: ownerOf(owner) });
  }
  return { path, aiRanges, humanRanges };
}

function parseMetadata(text: string, line: number): GitAiMetadata | GitAiNoteResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('git_ai.bad_metadata', `the metadata is not JSON: ${reason}`, line);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('git_ai.bad_metadata', 'the metadata is not a JSON object', line);
  }
  const metadata = json as GitAiMetadata;
  const version = metadata.schema_version;
  if (typeof version !== 'string' || !/^authorship\/3(\.|$)/.test(version)) {
    return fail(
      'git_ai.unsupported_version',
      `schema_version ${JSON.stringify(version)} is not authorship/3.x`,
      line,
    );
  }
  return metadata;
}

const isResult = (value: unknown): value is GitAiNoteResult =>
  typeof value === 'object' && value !== null && 'ok' in value;

/**
 * Parses a git-ai authorship note. Never throws: a malformed note is a typed error, so one bad
 * note cannot stop a sync. Unknown JSON fields are ignored.
 *
 * @example
 * const result = parseGitAiNote(noteText);
 * if (result.ok) aiLinesFromNote(result.note, 'src/main.rs'); // [{ start: 1, end: 10 }, …]
 */
export function parseGitAiNote(text: string): GitAiNoteResult {
  if (text.trim() === '') return fail('git_ai.empty', 'the note is empty');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const divider = lines.indexOf('---');
  if (divider === -1) return fail('git_ai.no_divider', 'no "---" line between attestations and metadata');
  const attestations = parseAttestations(lines.slice(0, divider));
  if (isResult(attestations)) return attestations;
  const metadata = parseMetadata(lines.slice(divider + 1).join('\n'), divider + 2);
  if (isResult(metadata)) return metadata;
  const { agents, humans } = parseAgents(metadata);
  const files = [...attestations.entries()]
    .map(([path, segments]) => toFile(path, segments))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    ok: true,
    note: {
      schemaVersion: metadata.schema_version as string,
      baseCommitSha: typeof metadata.base_commit_sha === 'string' ? metadata.base_commit_sha : null,
      gitAiVersion: typeof metadata.git_ai_version === 'string' ? metadata.git_ai_version : null,
      files,
      agents,
      humans,
    },
  };
}

/** The AI lines of `path` as of the note's commit, merged and sorted; empty when the note has none. */
export function aiLinesFromNote(note: GitAiNote, path: string): LineRange[] {
  const file = note.files.find((candidate) => candidate.path === path);
  return file ? mergeRanges(file.aiRanges.map(({ start, end }) => ({ start, end }))) : [];
}

/**
 * How one commit's lines are attributed. Notes win over trailers: for a commit with a git-ai note,
 * a line in the note's AI ranges is `ai_authored` and every other line of that commit is `human`,
 * whatever its trailers say (the note was written from the edits themselves); without a note,
 * every line takes the commit's kind.
 *
 * Line numbers are as of that commit (`git blame --porcelain` gives them as the original line).
 *
 * @example
 * const kindOf = lineAttributor({ commitKind: 'ai_assisted', note });
 * kindOf('src/main.rs', 3); // 'ai_authored' or 'human', from the note
 */
export function lineAttributor(input: {
  commitKind: AttributionKind;
  note: GitAiNote | null;
}): (path: string, line: number) => AttributionKind {
  const { commitKind, note } = input;
  if (!note) return () => commitKind;
  const byPath = new Map<string, LineRange[]>();
  return (path, line) => {
    let ranges = byPath.get(path);
    if (!ranges) {
      ranges = aiLinesFromNote(note, path);
      byPath.set(path, ranges);
    }
    return rangesContain(ranges, line) ? 'ai_authored' : 'human';
  };
}

/** `lineAttributor` for a list of lines of one file: the kind of each, in order. */
export function attributeLines(input: {
  commitKind: AttributionKind;
  note: GitAiNote | null;
  path: string;
  lines: readonly number[];
}): AttributionKind[] {
  const kindOf = lineAttributor(input);
  return input.lines.map((line) => kindOf(input.path, line));
}
