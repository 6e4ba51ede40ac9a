import type { Decision } from '../../../contracts/decisions.contract.js';
import { capitalize } from '../../lib/format.js';
import { formatDate, isLocalDate } from '../charts/local-dates.js';
import { listText, type PlanTask } from './plan-model.js';

export interface FlaggedTask {
  taskId: string;
  decisionId: string;
  reason: string;
  supersededBy: string[];
}

/** Whether a decision no longer stands: superseded, deprecated or rejected. */
export function noLongerStands(decision: Decision): boolean {
  return (
    decision.status === 'superseded' ||
    decision.status === 'deprecated' ||
    decision.status === 'rejected' ||
    decision.supersededBy.length > 0
  );
}

/** The tasks that cite each decision: the plan's links, and the server's flags for stale ones. */
export function citations(
  tasks: readonly PlanTask[],
  flagged: readonly FlaggedTask[],
): Map<string, Set<string>> {
  const cited = new Map<string, Set<string>>();
  const add = (decisionId: string, taskId: string) => {
    const set = cited.get(decisionId) ?? new Set<string>();
    set.add(taskId);
    cited.set(decisionId, set);
  };
  for (const task of tasks) for (const ref of task.decisionRefs) add(ref, task.id);
  for (const flag of flagged) add(flag.decisionId, flag.taskId);
  return cited;
}

/** Decision records with the tasks that cite them; those that no longer stand are flagged. */
export function DecisionList({
  decisions,
  flagged,
  tasks,
}: {
  decisions: readonly Decision[];
  flagged: readonly FlaggedTask[];
  tasks: readonly PlanTask[];
}) {
  if (decisions.length === 0) {
    return (
      <p className="empty">
        No decision records yet. Import ADRs with <code>recital decision import docs/adr/*.md</code>; tasks
        that mention “ADR-3” or link the file are tied to them.
      </p>
    );
  }
  const cited = citations(tasks, flagged);
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const titleOf = (id: string) => tasks.find((task) => task.id === id)?.title ?? id;
  return (
    <ul className="decisions">
      {decisions.map((decision) => {
        const stale = noLongerStands(decision);
        const citing = [...(cited.get(decision.id) ?? [])];
        const flags = flagged.filter((f) => f.decisionId === decision.id);
        const replacements = decision.supersededBy.map((id) =>
          byId.get(id) ? `${id} (${byId.get(id)?.title ?? ''})` : id,
        );
        return (
          <li key={decision.id} className={`decision${stale ? ' decision-stale' : ''}`}>
            <p className="decision-title">
              <span className="mono">{decision.id}</span> {decision.title}{' '}
              {decision.status && (
                <span className={`tag ${stale ? 'tag-stale' : 'tag-decision'}`}>
                  {stale && <span aria-hidden="true">⚠ </span>}
                  {capitalize(decision.status)}
                </span>
              )}
            </p>
            {stale && (
              <p className="decision-warning">
                <span aria-hidden="true">⚠ </span>
                {decision.supersededBy.length > 0
                  ? `Superseded by ${listText(replacements)}.`
                  : `This decision is ${decision.status ?? 'no longer in force'}.`}{' '}
                {flags.length > 0
                  ? `Open ${flags.length === 1 ? 'task' : 'tasks'} built on it: ${listText(flags.map((f) => titleOf(f.taskId)))}. Review ${flags.length === 1 ? 'it' : 'them'} before continuing.`
                  : 'No open task builds on it.'}
              </p>
            )}
            <p className="muted">
              {[
                decision.date
                  ? isLocalDate(decision.date)
                    ? formatDate(decision.date, { year: true })
                    : decision.date
                  : null,
                decision.format === 'madr' ? 'MADR' : 'Nygard ADR',
                decision.sourceName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className="decision-cited">
              {citing.length > 0 ? (
                <>
                  <strong>Cited by:</strong> {listText(citing.map(titleOf))}
                </>
              ) : (
                <span className="muted">No task cites it.</span>
              )}
            </p>
            {(decision.decision || decision.context || decision.consequences) && (
              <details className="decision-details">
                <summary>Context, decision and consequences</summary>
                {decision.context && (
                  <p>
                    <strong>Context:</strong> {decision.context}
                  </p>
                )}
                {decision.decision && (
                  <p>
                    <strong>Decision:</strong> {decision.decision}
                  </p>
                )}
                {decision.consequences && (
                  <p>
                    <strong>Consequences:</strong> {decision.consequences}
                  </p>
                )}
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
