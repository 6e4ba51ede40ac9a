import { useId, useState } from 'react';
import {
  diffPlanVersions,
  type PlanVersion,
  type PlanVersionSummary,
} from '../../../contracts/plans.contract.js';
import type { Burnup } from '../../../contracts/status.contract.js';
import { formatInstant } from '../../lib/format.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { formatMinutes, plural } from '../charts/local-dates.js';
import { LoadError, Loading } from '../fields.js';
import { estimateText, TASK_STATUS, type Estimate } from './plan-model.js';

type ScopeChange = Burnup['scopeChanges'][number];

type PlanDiff = NonNullable<PlanVersion['diff']>;

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  optional: 'optional',
  estimateMinutes: 'estimate',
  dependsOn: 'depends on',
  priority: 'priority',
  phase: 'phase',
  parentId: 'parent',
  acceptanceCriteria: 'acceptance criteria',
  testStrategy: 'test strategy',
  tags: 'tags',
  decisionRefs: 'decisions',
};

function isEstimate(value: unknown): value is Estimate {
  return (
    value === null ||
    typeof value === 'number' ||
    (typeof value === 'object' && 'min' in value && 'max' in value)
  );
}

const TASK_ID_FIELDS = new Set(['dependsOn', 'parentId']);

/** A changed field's value in words, never as raw JSON; task ids become titles. */
function valueText(field: string, value: unknown, titleOf: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'estimateMinutes' && isEstimate(value)) return estimateText(value);
  const name = (v: unknown) => (TASK_ID_FIELDS.has(field) ? titleOf(String(v)) : String(v));
  if (typeof value === 'string' && TASK_ID_FIELDS.has(field)) return name(value);
  if (field === 'status' && typeof value === 'string' && value in TASK_STATUS)
    return TASK_STATUS[value as keyof typeof TASK_STATUS].label;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(name).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return `“${value.replaceAll('_', ' ')}”`;
  if (typeof value === 'number') return String(value);
  return 'changed';
}

function signedMinutes(minutes: number): string {
  return minutes > 0 ? `+${formatMinutes(minutes)}` : minutes < 0 ? `−${formatMinutes(-minutes)}` : '±0';
}

function signedTasks(count: number): string {
  return `${count > 0 ? '+' : count < 0 ? '−' : '±'}${plural(Math.abs(count), 'task')}`;
}

/** A version's change to the whole plan (done work included), as the burn-up counts it. */
function scopeChangeText(change: ScopeChange): string {
  return `Scope ${signedMinutes(change.deltaMinutes)}, ${signedTasks(change.deltaTasks)}`;
}

/** A diff between two versions: scope first, then each kind of change with a symbol and a word. */
export function PlanDiffView({
  diff,
  reasons,
  titleOf,
}: {
  diff: PlanDiff;
  reasons: readonly PlanVersionSummary[];
  /** A task's title by id, for fields that name tasks (depends on, parent). */
  titleOf: (id: string) => string;
}) {
  const { scope } = diff;
  const growth =
    scope.growthRatio === null || scope.deltaMinutes === 0
      ? ''
      : `, ${scope.growthRatio >= 0 ? '+' : '−'}${Math.abs(Math.round(scope.growthRatio * 100))}%`;
  const nothing =
    diff.added.length + diff.removed.length + diff.changed.length + diff.reestimated.length === 0;
  return (
    <div className="diff">
      <p
        className={`diff-scope ${scope.deltaMinutes > 0 ? 'diff-grew' : scope.deltaMinutes < 0 ? 'diff-shrank' : ''}`}
      >
        <strong>
          Open work {scope.deltaMinutes > 0 ? 'grew' : scope.deltaMinutes < 0 ? 'shrank' : 'held'}:
        </strong>{' '}
        {formatMinutes(scope.previousMinutes)} → {formatMinutes(scope.nextMinutes)} (
        {signedMinutes(scope.deltaMinutes)}
        {growth}); open tasks {scope.previousTasks} → {scope.nextTasks}.
      </p>
      <ul className="diff-reasons" aria-label="Reasons">
        {reasons.map((version) => (
          <li key={version.number}>
            <strong>Why version {version.number}:</strong>{' '}
            {version.reason ? `“${version.reason}”` : <span className="muted">no reason given</span>}
          </li>
        ))}
      </ul>
      {nothing && <p className="muted">No task was added, removed, changed or re-estimated.</p>}
      <div className="diff-groups">
        {diff.added.length > 0 && (
          <section className="diff-group diff-added" aria-label={`Added (${diff.added.length})`}>
            <h4>
              <span aria-hidden="true">+ </span>Added ({diff.added.length})
            </h4>
            <ul>
              {diff.added.map((task) => (
                <li key={task.id}>{task.title}</li>
              ))}
            </ul>
          </section>
        )}
        {diff.removed.length > 0 && (
          <section className="diff-group diff-removed" aria-label={`Removed (${diff.removed.length})`}>
            <h4>
              <span aria-hidden="true">− </span>Removed ({diff.removed.length})
            </h4>
            <ul>
              {diff.removed.map((task) => (
                <li key={task.id}>
                  <s>{task.title}</s>
                </li>
              ))}
            </ul>
          </section>
        )}
        {diff.changed.length > 0 && (
          <section className="diff-group diff-changed" aria-label={`Changed (${diff.changed.length})`}>
            <h4>
              <span aria-hidden="true">~ </span>Changed ({diff.changed.length})
            </h4>
            <ul>
              {diff.changed.map((task) => (
                <li key={task.id}>
                  {task.title}:{' '}
                  {task.fields
                    .map(
                      (f) =>
                        `${FIELD_LABELS[f.field] ?? f.field} ${valueText(f.field, f.before, titleOf)} → ${valueText(f.field, f.after, titleOf)}`,
                    )
                    .join('; ')}
                </li>
              ))}
            </ul>
          </section>
        )}
        {diff.reestimated.length > 0 && (
          <section
            className="diff-group diff-reestimated"
            aria-label={`Re-estimated (${diff.reestimated.length})`}
          >
            <h4>
              <span aria-hidden="true">± </span>Re-estimated ({diff.reestimated.length})
            </h4>
            <ul>
              {diff.reestimated.map((task) => (
                <li key={task.id}>
                  {task.title}: {estimateText(task.before)} → {estimateText(task.after)} (
                  {signedMinutes(task.deltaMinutes)})
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {diff.unchanged > 0 && <p className="muted">{plural(diff.unchanged, 'task')} unchanged.</p>}
    </div>
  );
}

function DiffBetween({
  projectId,
  from,
  to,
  versions,
  titleOf,
}: {
  projectId: string;
  from: number;
  to: number;
  versions: readonly PlanVersionSummary[];
  titleOf: (id: string) => string;
}) {
  const api = useApi();
  const diff = useQuery(`plan-diff:${projectId}:${from}:${to}`, () =>
    api.call(diffPlanVersions, { params: { projectId }, query: { from, to } }),
  );
  const [low, high] = from < to ? [from, to] : [to, from];
  const reasons = versions
    .filter((v) => v.number > low && v.number <= high)
    .sort((a, b) => a.number - b.number);
  if (diff.loading) return <Loading label="Comparing versions…" />;
  if (!diff.data) return <LoadError error={diff.error} onRetry={diff.reload} />;
  return <PlanDiffView diff={diff.data} reasons={reasons} titleOf={titleOf} />;
}

/** Every version of the plan, newest first, and what changed between any two of them. */
export function PlanVersions({
  projectId,
  versions,
  timeZone,
  titleOf,
  scopeChanges = [],
}: {
  projectId: string;
  versions: readonly PlanVersionSummary[];
  timeZone: string;
  titleOf: (id: string) => string;
  /** From the burn-up: each later version's change to the whole plan. */
  scopeChanges?: readonly ScopeChange[] | undefined;
}) {
  const latest = versions[0]?.number ?? 0;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const fromId = useId();
  const toId = useId();
  if (versions.length === 0) return <p className="empty">No plan has been imported yet.</p>;

  return (
    <div className="stack-small">
      <ol className="versions" aria-label="Plan versions, newest first">
        {versions.map((version) => (
          <li key={version.number} className="version">
            <p className="version-title">
              Version {version.number}
              {version.number === latest && <span className="tag tag-today">Current</span>}
            </p>
            <p className="muted">
              {formatInstant(version.createdAt, timeZone)}
              {version.sourceName && ` · ${version.sourceName}`} · {plural(version.taskCount, 'task')} ·{' '}
              {formatMinutes(version.openMinutes)} open
              {version.warningCount > 0 && ` · ${plural(version.warningCount, 'warning')}`}
            </p>
            {scopeChanges
              .filter((change) => change.version === version.number)
              .map((change) => (
                <p key={change.version} className="version-scope">
                  {scopeChangeText(change)}
                </p>
              ))}
            <p className="version-reason">
              {version.reason ? (
                `“${version.reason}”`
              ) : (
                <span className="muted">{version.number === 1 ? 'First version' : 'No reason given'}</span>
              )}
            </p>
          </li>
        ))}
      </ol>
      {versions.length === 1 ? (
        <p className="muted">Import the plan again to see what changes between versions.</p>
      ) : (
        <section className="compare" aria-labelledby={`${fromId}-heading`}>
          <h3 id={`${fromId}-heading`}>Compare versions</h3>
          <div className="compare-controls">
            <div className="field">
              <label htmlFor={fromId}>From version</label>
              <select id={fromId} value={from} onChange={(event) => setFrom(Number(event.target.value))}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    Version {v.number}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={toId}>To version</label>
              <select id={toId} value={to} onChange={(event) => setTo(Number(event.target.value))}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    Version {v.number}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div aria-live="polite">
            {from === to ? (
              <p className="muted">Pick two different versions to compare.</p>
            ) : (
              <DiffBetween projectId={projectId} from={from} to={to} versions={versions} titleOf={titleOf} />
            )}
          </div>
        </section>
      )}
    </div>
  );
}
