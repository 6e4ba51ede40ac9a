import { PlanImportError } from '../plan.model.js';
import type { PlanWarning } from '../plan.model.js';
import { JsonSyntaxError, parseJsonLocated, positionAt } from './json-located.js';
import type { LocatedJson } from './json-located.js';

/** The task array chosen from a tasks.json, with where it came from. */
export interface TaskListSource {
  tasks: unknown[];
  /** The tag imported, or null for the flat `{"tasks": […]}` and bare-array layouts. */
  tag: string | null;
  metadata: Record<string, unknown> | null;
  warnings: PlanWarning[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parse the text as JSON, turning syntax errors into a PlanImportError at line:column. */
export function parseTasksJson(text: string): LocatedJson {
  if (text.trim() === '') {
    throw new PlanImportError(
      'The file is empty.',
      { line: null },
      'Export the plan from Task Master (.taskmaster/tasks/tasks.json) and import that file.',
    );
  }
  try {
    return parseJsonLocated(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = positionAt(text, error.offset);
    throw new PlanImportError(
      `Invalid JSON at line ${line}, column ${column}: ${error.message}.`,
      { line, column },
      'A tasks.json must be valid JSON: look for a trailing comma, a missing comma or quote, or a comment near that position (`jq . tasks.json` shows the same spot).',
    );
  }
}

/** Tags of the tagged layout: top-level keys whose value holds a `tasks` array. */
function tagsOf(root: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const tags = new Map<string, Record<string, unknown>>();
  for (const [name, value] of Object.entries(root)) {
    if (isRecord(value) && Array.isArray(value.tasks)) tags.set(name, value);
  }
  return tags;
}

/**
 * Pick the task array: a bare array, the flat `{"tasks": […]}` layout, or one tag of the tagged
 * layout (`requestedTag`, else `master`, else the first tag), warning about the tags left out.
 */
export function selectTaskList(
  json: LocatedJson,
  requestedTag: string | undefined,
  lineOfOffset: (offset: number) => number,
): TaskListSource {
  const root = json.value;
  const noTag = { metadata: null, warnings: [] };
  if (Array.isArray(root)) return { tasks: root, tag: null, ...noTag };
  if (!isRecord(root)) throw notTasks(null);
  if (Array.isArray(root.tasks)) {
    return {
      tasks: root.tasks,
      tag: null,
      ...noTag,
      metadata: isRecord(root.metadata) ? root.metadata : null,
    };
  }
  const tags = tagsOf(root);
  const names = [...tags.keys()];
  const tag = requestedTag ?? (tags.has('master') ? 'master' : names[0]);
  const chosen = tag === undefined ? undefined : tags.get(tag);
  if (tag === undefined || !chosen) {
    if (requestedTag !== undefined) {
      throw new PlanImportError(
        `The file has no tag "${requestedTag}".`,
        { line: null },
        `Tags in this file: ${names.join(', ') || 'none'}.`,
      );
    }
    throw notTasks(1);
  }
  const others = names.filter((name) => name !== tag);
  const warnings: PlanWarning[] = [];
  if (others.length > 0) {
    const list = others
      .map((name) => `"${name}" (${(tags.get(name)?.tasks as unknown[]).length} tasks)`)
      .join(', ');
    warnings.push({
      line: lineOfOffset(json.offsets.get(chosen) ?? 0),
      message: `Imported the tag "${tag}" only; this file also has ${list}. Import another tag on its own to plan it.`,
    });
  }
  return {
    tasks: chosen.tasks as unknown[],
    tag,
    metadata: isRecord(chosen.metadata) ? chosen.metadata : null,
    warnings,
  };
}

function notTasks(line: number | null): PlanImportError {
  return new PlanImportError(
    'This JSON has no task list: expected {"master": {"tasks": [...]}}, {"tasks": [...]} or an array of tasks.',
    { line },
    'Import the tasks.json that Task Master writes under .taskmaster/tasks/.',
  );
}
