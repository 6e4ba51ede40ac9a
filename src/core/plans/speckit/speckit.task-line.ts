/**
 * The text of one spec-kit task line: `T012 [P] [US1] Title … (depends on T010, T011)`.
 */

export interface SpecKitTaskLine {
  /** "T012" as written. */
  sourceId: string;
  /** The text after the id and markers, Markdown kept. */
  title: string;
  /** Labels from the leading markers: "parallel" for [P], story tags ("US1") as written. */
  tags: string[];
  /** T-ids the prose names as prerequisites. */
  dependsOn: string[];
}

const TASK_ID = /^(?:\*\*)?(T\d{1,5})(?:\*\*)?(?:[:.])?(?:\*\*)?(?:\s+|$)/;
const MARKER = /^\[([^\]\s]{1,24})\]\s*/;
const DEPENDENCY =
  /\b(?:depends?\s+on|depends?\s*:|dependent\s+on|dependencies\s*:|needs|requires|blocked\s+by|after|same\s+file\s+as)\s+((?:T\d+)(?:\s*(?:,|and|&|\+|\/)\s*T\d+)*)/gi;

/** Read a task line, or null when the text does not start with a T-id. */
export function parseTaskLine(text: string): SpecKitTaskLine | null {
  const idMatch = TASK_ID.exec(text);
  if (!idMatch?.[1]) return null;
  let rest = text.slice(idMatch[0].length);
  const tags: string[] = [];
  for (let marker = MARKER.exec(rest); marker?.[1]; marker = MARKER.exec(rest)) {
    const label = marker[1] === 'P' || marker[1] === 'p' ? 'parallel' : marker[1];
    if (!tags.includes(label)) tags.push(label);
    rest = rest.slice(marker[0].length);
  }
  return { sourceId: idMatch[1], title: rest.trim(), tags, dependsOn: dependenciesIn(rest, idMatch[1]) };
}

/**
 * T-ids named as prerequisites in prose: "depends on T012, T013", "(depends on T002, T003)",
 * "same file as T007 → sequential", "after T005", "needs T004". Other mentions ("extends T014",
 * "added in T018") are not read as dependencies.
 */
export function dependenciesIn(prose: string, self: string): string[] {
  const ids: string[] = [];
  for (const match of prose.matchAll(DEPENDENCY)) {
    for (const id of (match[1] ?? '').match(/T\d+/g) ?? [])
      if (id !== self && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
