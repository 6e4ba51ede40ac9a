import type { FieldChange, PlanDiff, PlanScope } from './versions.model.js';
import { formatEstimate, formatMinutes } from './estimates.js';

/**
 * A plan diff as text for people: a summary line, then one line per added (+), removed (-), changed (~)
 * and re-estimated (±) task.
 *
 * @example
 * formatDiff(diff)
 * // +1 added, -1 removed, ~1 changed, 1 re-estimated (+1h), 4 unchanged; scope +12% (8h → 9h)
 * // + Add OAuth login
 * // - Drop the legacy API
 * // ~ Set up CI: title "Setup CI" → "Set up CI"; status todo → done
 * // ± Write docs: 2h → 3h (+1h)
 */
export function formatDiff(diff: PlanDiff): string {
  return [
    summaryLine(diff),
    ...diff.added.map((task) => `+ ${task.title}`),
    ...diff.removed.map((task) => `- ${task.title}`),
    ...diff.changed.map((task) => {
      const parts = task.fields.filter((change) => change.field !== 'estimate').map(describeChange);
      return `~ ${task.title}: ${parts.join('; ')}`;
    }),
    ...diff.reestimated.map(
      (task) =>
        `± ${task.title}: ${formatEstimate(task.before)} → ${formatEstimate(task.after)} (${signed(task.deltaMinutes)})`,
    ),
  ].join('\n');
}

function summaryLine(diff: PlanDiff): string {
  const counts = [
    `+${diff.added.length} added`,
    `-${diff.removed.length} removed`,
    `~${diff.changed.length} changed`,
  ];
  const total = diff.reestimated.reduce((sum, task) => sum + task.deltaMinutes, 0);
  counts.push(
    `${diff.reestimated.length} re-estimated${diff.reestimated.length > 0 ? ` (${signed(total)})` : ''}`,
  );
  counts.push(`${diff.unchanged} unchanged`);
  return `${counts.join(', ')}; ${scopeText(diff.scope)}`;
}

function scopeText(scope: PlanScope): string {
  const range = `(${formatMinutes(scope.previousMinutes)} → ${formatMinutes(scope.nextMinutes)})`;
  if (scope.growthRatio === null) return `scope new ${range}`;
  const percent = Math.round(scope.growthRatio * 100);
  return `scope ${percent > 0 ? '+' : ''}${percent}% ${range}`;
}

function signed(minutes: number): string {
  return minutes > 0 ? `+${formatMinutes(minutes)}` : formatMinutes(minutes);
}

function describeChange({ field, before, after }: FieldChange): string {
  switch (field) {
    case 'title':
      return `title "${String(before)}" → "${String(after)}"`;
    case 'description':
      return 'description edited';
    case 'dependsOn':
      return `dependencies ${listLength(before)} → ${listLength(after)}`;
    case 'optional':
      return after === true ? 'now optional' : 'now required';
    default:
      return `${field} ${plain(before)} → ${plain(after)}`;
  }
}

function listLength(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : '?';
}

function plain(value: unknown): string {
  return value === null || value === undefined ? 'none' : String(value);
}
