/** Plan versions: match a re-imported plan to the version before, carry progress over, and diff. */
export { carryOver } from './carry-over.js';
export { diffPlans } from './diff-plans.js';
export { formatEstimate, formatMinutes } from './estimates.js';
export { formatDiff } from './format-diff.js';
export { DEFAULT_SIMILARITY_THRESHOLD, matchTasks } from './match-tasks.js';
export { normalizeTitle } from './normalize-title.js';
export { DEFAULT_ESTIMATE_MINUTES, remainingWork } from './plan-scope.js';
export { carriedStatus } from './status-precedence.js';
export type * from './versions.model.js';
