import { blankTask } from '../plan.model.js';
import type {
  ImportedPlan,
  ImportInput,
  Importer,
  PhaseKind,
  PlanCheckpoint,
  PlanPhase,
  PlanTask,
  PlanWarning,
} from '../plan.model.js';
import { lineIndex } from './json-located.js';
import { resolveDependencies } from './taskmaster.dependencies.js';
import { collectEntries } from './taskmaster.entries.js';
import type { Entry } from './taskmaster.entries.js';
import { readComplexity, readDependencies, readPriority, readStatus, readText } from './taskmaster.fields.js';
import type { FieldResult } from './taskmaster.fields.js';
import { parseTasksJson, selectTaskList } from './taskmaster.source.js';

/**
 * Import a Task Master `tasks.json` (tagged, flat or bare-array layout). Of a tagged file the
 * `master` tag is imported (else the first tag); use {@link importTaskMasterTag} for another.
 *
 * Task Master has no phases. A top-level task titled "Phase …", "Milestone …" or "Stage …" becomes
 * a phase holding itself and its subtasks, with a checkpoint over its subtasks; other files get no
 * phases and no checkpoints.
 */
export const importTaskMaster: Importer = (input) => importTaskMasterTag(input, undefined);

/**
 * Import one tag of a tagged tasks.json; `tag` undefined means `master` (else the first tag).
 *
 * @example importTaskMasterTag({ text }, 'feature-auth')
 */
export function importTaskMasterTag(input: ImportInput, tag: string | undefined): ImportedPlan {
  const json = parseTasksJson(input.text);
  const lineOfOffset = lineIndex(input.text);
  const source = selectTaskList(json, tag, lineOfOffset);
  const warnings: PlanWarning[] = [...source.warnings];
  const entries = collectEntries(source.tasks, { offsets: json.offsets, lineOfOffset, warnings });
  const topLevel = entries.filter((entry) => entry.parent === null);
  const { phases, checkpoints, phaseOf } = phasesOf(topLevel, entries);
  const tasks = entries.map((entry) => ({
    ...toTask(entry, topLevel, warnings),
    phase: phaseOf.get(entry) ?? null,
  }));
  warnDoneParents(tasks, warnings);
  const projectName = source.metadata?.projectName;
  return {
    format: 'taskmaster',
    title: typeof projectName === 'string' && projectName.trim() !== '' ? projectName : null,
    tasks,
    phases,
    checkpoints,
    warnings,
  };
}

/** Cheap sniff for format detection: JSON whose shape holds a Task Master task list. */
export function looksLikeTaskMaster(text: string): boolean {
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    const hasTitle = (item: unknown): boolean => typeof item === 'object' && item !== null && 'title' in item;
    if (Array.isArray(value)) return value.length > 0 && value.every(hasTitle);
    if (typeof value !== 'object' || value === null) return false;
    const holders = [value, ...Object.values(value)] as unknown[];
    return holders.some(
      (holder) =>
        typeof holder === 'object' && holder !== null && Array.isArray((holder as { tasks?: unknown }).tasks),
    );
  } catch {
    // A broken tasks.json is still a tasks.json: let the importer report where it breaks.
    return trimmed.startsWith('{') && /"tasks"\s*:\s*\[/.test(trimmed);
  }
}

function toTask(entry: Entry, topLevel: readonly Entry[], warnings: PlanWarning[]): PlanTask {
  const raw = entry.raw;
  const take = <T>(result: FieldResult<T>): T => {
    if (result.problem) warnings.push({ line: entry.line, message: `Task ${entry.id}: ${result.problem}.` });
    return result.value;
  };
  const title = typeof raw.title === 'string' && raw.title.trim() !== '' ? raw.title : null;
  if (title === null)
    warnings.push({
      line: entry.line,
      message: `Task ${entry.id} has no title; it was called "Task ${entry.id}".`,
    });
  const { status, tag } = take(readStatus(raw.status));
  const description = [
    take(readText(raw.description, 'description')),
    take(readText(raw.details, 'details')),
  ].filter((part) => part !== null);
  const complexity = take(readComplexity(raw.complexity));
  return blankTask({
    id: entry.id,
    sourceId: entry.sourceId,
    parentId: entry.parent?.id ?? null,
    title: title ?? `Task ${entry.id}`,
    description: description.length > 0 ? description.join('\n\n') : null,
    status,
    priority: take(readPriority(raw.priority)),
    dependsOn: resolveDependencies(entry, take(readDependencies(raw.dependencies)), topLevel, warnings),
    acceptanceCriteria: take(readText(raw.acceptanceCriteria, 'acceptanceCriteria')),
    testStrategy: take(readText(raw.testStrategy, 'testStrategy')),
    tags: [tag, complexity].filter((value) => value !== null),
    source: { line: entry.line },
  });
}

const PHASE_TITLE = /^\s*(phase|milestone|stage)\b/i;

function phasesOf(
  topLevel: readonly Entry[],
  entries: readonly Entry[],
): { phases: PlanPhase[]; checkpoints: PlanCheckpoint[]; phaseOf: Map<Entry, string> } {
  const phases: PlanPhase[] = [];
  const checkpoints: PlanCheckpoint[] = [];
  const phaseOf = new Map<Entry, string>();
  for (const entry of topLevel) {
    const title = typeof entry.raw.title === 'string' ? entry.raw.title : '';
    const word = PHASE_TITLE.exec(title)?.[1]?.toLowerCase();
    if (!word) continue;
    const id = `phase-${entry.id}`;
    const members = entries.filter((candidate) => hasAncestor(candidate, entry));
    for (const member of [entry, ...members]) phaseOf.set(member, id);
    const status = readStatus(entry.raw.status).value.status;
    const kind: PhaseKind = word === 'milestone' ? 'milestone' : word === 'stage' ? 'stage' : 'phase';
    phases.push({
      id,
      title,
      kind,
      estimateMinutes: null,
      status,
      parentId: null,
      source: { line: entry.line },
    });
    const criteria =
      readText(entry.raw.testStrategy, '').value ?? readText(entry.raw.acceptanceCriteria, '').value;
    const taskIds = members.length > 0 ? members.map((member) => member.id) : [entry.id];
    checkpoints.push({
      id: `checkpoint-${entry.id}`,
      title,
      taskIds,
      phaseId: id,
      criteria,
      source: { line: entry.line },
    });
  }
  return { phases, checkpoints, phaseOf };
}

function hasAncestor(entry: Entry, ancestor: Entry): boolean {
  for (let parent = entry.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

/** A parent marked done while subtasks are open is a claim the plan cannot back up: say so. */
function warnDoneParents(tasks: readonly PlanTask[], warnings: PlanWarning[]): void {
  for (const parent of tasks) {
    if (parent.status !== 'done') continue;
    const open = tasks.filter(
      (task) => task.parentId === parent.id && (task.status === 'todo' || task.status === 'in_progress'),
    );
    if (open.length === 0) continue;
    const ids = open.map((task) => task.id);
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')}, …` : ids.join(', ');
    warnings.push({
      line: parent.source.line,
      message: `Task ${parent.id} is marked done but ${open.length} of its subtasks are not (${shown}); both statuses were kept as written.`,
    });
  }
}
