import type { Decision } from '../../../contracts/decisions.contract.js';
import { estimateText, listText, TASK_STATUS, type PlanTask, type TaskIndex } from './plan-model.js';

interface TaskListProps {
  tasks: readonly PlanTask[];
  /** The plan's checkpoints: a phase is named after the checkpoint that closes it. */
  checkpoints: readonly { title: string; taskIds: readonly string[] }[];
  index: TaskIndex;
  critical: ReadonlySet<string>;
  cut: ReadonlyMap<string, string>;
  unscheduled: ReadonlySet<string>;
  decisions: ReadonlyMap<string, Decision>;
  /** Task id → the decisions it builds on that no longer stand. */
  flagged: ReadonlyMap<string, string[]>;
}

function groupByPhase(tasks: readonly PlanTask[]): { phase: string | null; tasks: PlanTask[] }[] {
  const groups: { phase: string | null; tasks: PlanTask[] }[] = [];
  for (const task of tasks) {
    const last = groups.at(-1);
    if (last && last.phase === task.phase) last.tasks.push(task);
    else groups.push({ phase: task.phase, tasks: [task] });
  }
  return groups;
}

/**
 * A phase's name for people. The plan version carries only the phase's id ("week-1"), so the title of
 * the checkpoint covering all its tasks stands in for it when there is one.
 */
function phaseName(
  phase: string | null,
  tasks: readonly PlanTask[],
  checkpoints: TaskListProps['checkpoints'],
): string {
  const covering = checkpoints.find((c) => tasks.every((task) => c.taskIds.includes(task.id)));
  if (covering) return covering.title;
  if (!phase) return 'Tasks';
  const words = phase.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function TaskRow({ task, ...props }: Omit<TaskListProps, 'tasks' | 'checkpoints'> & { task: PlanTask }) {
  const { index, critical, cut, unscheduled, decisions, flagged } = props;
  const status = TASK_STATUS[task.status];
  const after = index.dependencies(task).map((dep) => dep.title);
  const blockers = index.blockers(task);
  const cutFor = cut.get(task.id);
  const stale = flagged.get(task.id) ?? [];
  return (
    <li
      className={`task task-${task.status}${blockers.length > 0 ? ' task-blocked' : ''}`}
      style={{ ['--depth' as string]: index.depth(task) }}
    >
      <span className={`task-status task-status-${task.status}`}>
        <span aria-hidden="true">{status.symbol}</span> {status.label}
      </span>
      <div className="task-body">
        <p className="task-title">
          {task.title}
          {task.optional && <span className="muted"> (optional)</span>}
        </p>
        <p className="task-meta">
          {estimateText(task.estimateMinutes)}
          {after.length > 0 && <> · after {listText(after)}</>}
          {critical.has(task.id) && ' · critical path'}
        </p>
        <div className="task-tags">
          {blockers.length > 0 && (
            <span className="tag tag-blocked">
              <span aria-hidden="true">⊘</span> Blocked: waits for {listText(blockers.map((b) => b.title))}
            </span>
          )}
          {cutFor && (
            <span className="tag tag-cut">
              <span aria-hidden="true">✂</span> Beyond the cut line for {cutFor}
            </span>
          )}
          {unscheduled.has(task.id) && <span className="tag tag-cut">Does not fit the schedule</span>}
          {task.decisionRefs.map((ref) => (
            <span key={ref} className={`tag ${stale.includes(ref) ? 'tag-stale' : 'tag-decision'}`}>
              {stale.includes(ref) && <span aria-hidden="true">⚠ </span>}
              {ref}
              {decisions.get(ref) ? `: ${decisions.get(ref)?.title ?? ''}` : ''}
              {stale.includes(ref) && ' (no longer stands)'}
            </span>
          ))}
        </div>
      </div>
    </li>
  );
}

/** Every task by phase: status, estimate, what it comes after, and whether something blocks it. */
export function TaskList(props: TaskListProps) {
  const { tasks, checkpoints: _checkpoints, ...rest } = props;
  if (tasks.length === 0) return <p className="empty">The plan has no tasks.</p>;
  const blocked = tasks.filter((task) => props.index.blockers(task).length > 0).length;
  return (
    <div className="stack-small">
      <p className="muted">
        {blocked === 0
          ? 'Nothing is blocked: every open task can start.'
          : `${blocked} open ${blocked === 1 ? 'task waits' : 'tasks wait'} for other tasks to be done.`}
      </p>
      {groupByPhase(tasks).map((group, i) => {
        const name = phaseName(group.phase, group.tasks, props.checkpoints);
        return (
          <section key={`${group.phase ?? ''}:${i}`} className="task-group" aria-label={name}>
            {group.phase && <h3 className="task-phase">{name}</h3>}
            <ul className="tasks">
              {group.tasks.map((task) => (
                <TaskRow key={task.id} task={task} {...rest} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
