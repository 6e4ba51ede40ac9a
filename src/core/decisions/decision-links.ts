import type { ImportedPlan, PlanTask, PlanWarning } from '../plans/plan.model.js';
import { adrId } from './decision-fields.js';
import type { DecisionRecord } from './decision.model.js';

// "ADR-0003", "ADR 3", "ADR-3", "adr003", "ADR#3"; not "MADR 3", not "ADR 3rd".
const ADR_TOKEN = /\badr[-_ ]?#?0*(\d{1,4})(?![\d\p{L}])/giu;
// A path or URL ending in .md, as written in text or as a Markdown link target.
const MD_PATH = /[^\s()<>[\]"'`|]+\.md(?![\w.])/giu;
const ADR_FILE = /^(?:adr[-_]?)?0*(\d{1,4})(?:[-_.][^/]*)?\.md$/i;

function refFromPath(path: string, inLinkTarget: boolean): string | null {
  const segments = path.split(/[\\/]/);
  const file = segments.pop() ?? '';
  const match = ADR_FILE.exec(file);
  if (!match?.[1]) return null;
  // "specs/001-feature/plan.md" or a plan's "0002-plan.md" must not read as decisions: the file
  // must be named like an ADR, sit in a decisions folder, or be a bare link target (ADRs link
  // their siblings as "0012-use-x.md").
  const namedAdr = /^adr/i.test(file);
  const inDecisionFolder = segments.some((segment) => /adr|decision/i.test(segment));
  const bare = segments.length === 0 && inLinkTarget;
  return namedAdr || inDecisionFolder || bare ? adrId(Number.parseInt(match[1], 10)) : null;
}

/**
 * Decision ids a text refers to, normalised and in order of first appearance.
 * @example
 * findDecisionRefs('Follow ADR 3 and [JUnit](docs/decisions/0009-use-plain-junit5.md)')
 * // ['ADR-0003', 'ADR-0009']
 */
export function findDecisionRefs(text: string): string[] {
  const found: { at: number; id: string }[] = [];
  for (const match of text.matchAll(ADR_TOKEN)) {
    if (match[1]) found.push({ at: match.index, id: adrId(Number.parseInt(match[1], 10)) });
  }
  for (const match of text.matchAll(MD_PATH)) {
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    const id = refFromPath(match[0], /\]\(<?$/.test(before));
    if (id) found.push({ at: match.index, id });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((entry) => entry.id))];
}

/** A ref as an importer wrote it ("adr 3", "ADR-0003") in canonical form; other ids stay as they are. */
export function normaliseDecisionRef(ref: string): string {
  return findDecisionRefs(ref)[0] ?? ref.trim();
}

function refsOfTask(task: PlanTask): string[] {
  const refs = [
    ...task.decisionRefs.map(normaliseDecisionRef),
    ...findDecisionRefs(task.title),
    ...findDecisionRefs(task.description ?? ''),
  ];
  return [...new Set(refs.filter((ref) => ref !== ''))];
}

export type FlagReason = 'superseded' | 'deprecated' | 'rejected';

export interface FlaggedTask {
  taskId: string;
  decisionId: string;
  reason: FlagReason;
  /** The decisions that replace it, when the record names them. */
  supersededBy: string[];
}

function reasonFor(task: PlanTask, decision: DecisionRecord): FlagReason | null {
  if (task.status === 'done' || task.status === 'cancelled') return null;
  if (decision.status === 'superseded' || decision.supersededBy.length > 0) return 'superseded';
  return decision.status === 'deprecated' || decision.status === 'rejected' ? decision.status : null;
}

function flagMessage(task: PlanTask, decision: DecisionRecord, reason: FlagReason): string {
  const what =
    reason === 'superseded'
      ? `is superseded${decision.supersededBy.length > 0 ? ` by ${decision.supersededBy.join(' and ')}` : ''}`
      : reason === 'deprecated'
        ? 'is deprecated'
        : 'was rejected';
  return `Task "${task.title}" (line ${task.source.line}) builds on ${decision.id} "${decision.title}", which ${what}: review it before continuing.`;
}

function indexById(decisions: DecisionRecord[]): Map<string, DecisionRecord> {
  const byId = new Map<string, DecisionRecord>();
  for (const decision of decisions) if (!byId.has(decision.id)) byId.set(decision.id, decision);
  return byId;
}

/**
 * Fills each task's `decisionRefs` from its title and description (keeping refs its importer set)
 * and reports refs to unknown decisions and open tasks that build on superseded, deprecated or
 * rejected decisions. Pure: returns a new plan. The warnings are returned apart from
 * `plan.warnings`, which is left as imported: they depend on the decisions of the day, so linking
 * again after a decision changes must not pile up stale ones.
 */
export function linkDecisions(
  plan: ImportedPlan,
  decisions: DecisionRecord[],
): { plan: ImportedPlan; warnings: PlanWarning[] } {
  const byId = indexById(decisions);
  const warnings: PlanWarning[] = [];
  const tasks = plan.tasks.map((task) => {
    const decisionRefs = refsOfTask(task);
    for (const ref of decisionRefs) {
      const decision = byId.get(ref);
      const line = task.source.line;
      if (!decision) {
        warnings.push({
          line,
          message: `Task "${task.title}" (line ${line}) refers to ${ref}, which is not among the imported decision records; import it or fix the reference.`,
        });
        continue;
      }
      const reason = reasonFor(task, decision);
      if (reason) warnings.push({ line, message: flagMessage(task, decision, reason) });
    }
    return { ...task, decisionRefs, dependsOn: [...task.dependsOn], tags: [...task.tags] };
  });
  return { plan: { ...plan, tasks }, warnings };
}

/** Open tasks that build on a superseded, deprecated or rejected decision, for the UI and the API. */
export function flaggedTasks(plan: ImportedPlan, decisions: DecisionRecord[]): FlaggedTask[] {
  const byId = indexById(decisions);
  const flagged: FlaggedTask[] = [];
  for (const task of plan.tasks) {
    for (const ref of refsOfTask(task)) {
      const decision = byId.get(ref);
      const reason = decision ? reasonFor(task, decision) : null;
      if (decision && reason) {
        flagged.push({
          taskId: task.id,
          decisionId: decision.id,
          reason,
          supersededBy: [...decision.supersededBy],
        });
      }
    }
  }
  return flagged;
}
