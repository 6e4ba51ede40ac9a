import { useState } from 'react';
import type { PlanVersion } from '../../../contracts/plans.contract.js';
import { FORMAT_LABELS } from './draft.js';
import { estimateMidpoint, formatEstimate, formatHours, plural } from './time.js';

type Task = PlanVersion['tasks'][number];

const SHOWN_TASKS = 8;
const DEFAULT_ESTIMATE = 60;

export interface PlanStats {
  tasks: number;
  open: number;
  done: number;
  /** Open required leaf tasks: the work the schedule places. */
  work: Task[];
  minutes: number;
  unestimated: number;
}

/** What the schedule will count: open, required leaf tasks, at their estimate or an hour each. */
export function planStats(version: Pick<PlanVersion, 'tasks'>): PlanStats {
  const parents = new Set(version.tasks.map((task) => task.parentId).filter(Boolean));
  const isOpen = (task: Task) => task.status === 'todo' || task.status === 'in_progress';
  const work = version.tasks.filter((task) => isOpen(task) && !parents.has(task.id) && !task.optional);
  let minutes = 0;
  let unestimated = 0;
  for (const task of work) {
    const estimate = estimateMidpoint(task.estimateMinutes);
    if (estimate === null) unestimated += 1;
    minutes += estimate ?? DEFAULT_ESTIMATE;
  }
  return {
    tasks: version.tasks.length,
    open: version.tasks.filter(isOpen).length,
    done: version.tasks.filter((task) => task.status === 'done').length,
    work,
    minutes,
    unestimated,
  };
}

/** One line saying what the plan holds, for the live region and the review. */
export function planSummary(version: PlanVersion): string {
  const stats = planStats(version);
  return [
    FORMAT_LABELS[version.format] ?? version.format,
    `${plural(stats.tasks, 'task')} (${stats.open.toLocaleString()} open)`,
    `about ${formatHours(stats.minutes / 60)} of work`,
    plural(version.checkpoints.length, 'checkpoint'),
    plural(version.warnings.length, 'warning'),
  ].join(' · ');
}

function LineButton({
  line,
  onLine,
}: {
  line: number | null;
  onLine?: ((line: number) => void) | undefined;
}) {
  if (line === null) return <span className="plan-line">Whole plan</span>;
  if (!onLine) return <span className="plan-line">Line {line}</span>;
  return (
    <button
      type="button"
      className="plan-line plan-line-button"
      onClick={() => onLine(line)}
      aria-label={`Line ${line}: jump to it`}
    >
      Line {line}
    </button>
  );
}

interface PlanPreviewProps {
  version: PlanVersion;
  /** Jump to a line of the text being edited. */
  onLine?: ((line: number) => void) | undefined;
}

/** The plan as Recital reads it: format, checkpoints, tasks with estimates, and warnings with their lines. */
export function PlanPreview({ version, onLine }: PlanPreviewProps) {
  const [showAll, setShowAll] = useState(false);
  const stats = planStats(version);
  const byId = new Map(version.tasks.map((task) => [task.id, task]));
  const depth = (task: Task): number => {
    let level = 0;
    let parent = task.parentId;
    while (parent && level < 6) {
      level += 1;
      parent = byId.get(parent)?.parentId ?? null;
    }
    return level;
  };
  const open = version.tasks.filter((task) => task.status === 'todo' || task.status === 'in_progress');
  const shown = showAll ? open : open.slice(0, SHOWN_TASKS);

  return (
    <div className="plan-preview stack-small">
      <dl className="plan-stats">
        <div>
          <dt>Format</dt>
          <dd>{FORMAT_LABELS[version.format] ?? version.format}</dd>
        </div>
        <div>
          <dt>Tasks</dt>
          <dd>
            {stats.open.toLocaleString()} open
            {stats.done > 0 && <span className="muted"> · {stats.done.toLocaleString()} done</span>}
          </dd>
        </div>
        <div>
          <dt>Work left</dt>
          <dd>about {formatHours(stats.minutes / 60)}</dd>
        </div>
        <div>
          <dt>Checkpoints</dt>
          <dd>{version.checkpoints.length.toLocaleString()}</dd>
        </div>
      </dl>
      {stats.unestimated > 0 && (
        <p className="muted">
          {stats.unestimated === stats.work.length
            ? 'No task has an estimate, so each counts as 1 h. Add some like “(2h)” or “30 min” for a truer schedule.'
            : `${plural(stats.unestimated, 'task')} without an estimate ${stats.unestimated === 1 ? 'counts' : 'count'} as 1 h each.`}
        </p>
      )}

      {version.warnings.length > 0 && (
        <section aria-labelledby="plan-warnings" className="plan-section">
          <h3 id="plan-warnings">
            {plural(version.warnings.length, 'warning')}{' '}
            <span className="muted">(the plan still imports)</span>
          </h3>
          <ul className="plan-warnings">
            {version.warnings.map((warning, index) => (
              <li key={`${warning.line ?? 'x'}-${index}`}>
                <span className="plan-warning-mark" aria-hidden="true">
                  !
                </span>
                <LineButton line={warning.line} onLine={onLine} />
                <span>{warning.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {version.checkpoints.length > 0 && (
        <section aria-labelledby="plan-checkpoints" className="plan-section">
          <h3 id="plan-checkpoints">Checkpoints your witness will review</h3>
          <ol className="plan-checkpoints">
            {version.checkpoints.map((checkpoint) => (
              <li key={checkpoint.id}>
                <p className="plan-checkpoint-title">{checkpoint.title}</p>
                <p className="muted">
                  {plural(checkpoint.taskIds.length, 'task')}
                  {checkpoint.criteria && <> · Proof: {checkpoint.criteria}</>}
                </p>
                {checkpoint.taskIds.length > 0 && checkpoint.taskIds.length <= 3 && (
                  <p className="muted">
                    {checkpoint.taskIds.map((id) => byId.get(id)?.title ?? id).join(' · ')}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="plan-tasks" className="plan-section">
        <h3 id="plan-tasks">Open tasks</h3>
        {open.length === 0 ? (
          <p className="empty">Every task in this plan is done or cancelled. Add the work that is left.</p>
        ) : (
          <>
            <ul className="plan-tasks">
              {shown.map((task) => {
                const estimate = formatEstimate(task.estimateMinutes);
                return (
                  <li key={task.id} style={{ paddingInlineStart: `${depth(task) * 16}px` }}>
                    <span className="plan-task-title">
                      {task.title}
                      {task.optional && <span className="muted"> (optional)</span>}
                    </span>
                    <span className={estimate ? 'chip' : 'chip chip-quiet'}>{estimate ?? 'no estimate'}</span>
                  </li>
                );
              })}
            </ul>
            {open.length > SHOWN_TASKS && (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-expanded={showAll}
                onClick={() => setShowAll((value) => !value)}
              >
                {showAll ? 'Show fewer tasks' : `Show all ${open.length.toLocaleString()} open tasks`}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
