/** Verdict policy with defaults applied and every option checked once. */
import { sprintLocator } from './sprints.js';
import {
  DEFAULT_SHOW_UP_RULE,
  VerdictInputError,
  type GracePolicy,
  type ShowUpRule,
  type VerdictPolicy,
} from './verdict.model.js';

export interface ResolvedPolicy {
  showUp: ShowUpRule;
  qualifyingKinds: ReadonlySet<string>;
  grace: (GracePolicy & { windowMs: number }) | null;
}

export function resolvePolicy(policy: VerdictPolicy): ResolvedPolicy {
  const showUp: ShowUpRule = { ...DEFAULT_SHOW_UP_RULE, ...policy.showUp };
  // Infinity switches the minutes rule off; zero would make an empty day count as showing up.
  if (!(showUp.minMinutes > 0)) {
    throw new VerdictInputError(
      `showUp.minMinutes: ${showUp.minMinutes} must be > 0 (use Infinity to count kinds only)`,
      'showUp.minMinutes',
    );
  }
  const grace = policy.grace ?? null;
  if (grace) {
    if (!Number.isInteger(grace.tokensPerSprint) || grace.tokensPerSprint < 0) {
      throw new VerdictInputError(
        `grace.tokensPerSprint: ${grace.tokensPerSprint} is not a whole number ≥ 0`,
        'grace.tokensPerSprint',
      );
    }
    if (!Number.isFinite(grace.windowHours) || grace.windowHours < 0) {
      throw new VerdictInputError(
        `grace.windowHours: ${grace.windowHours} is not a number of hours ≥ 0`,
        'grace.windowHours',
      );
    }
    sprintLocator(grace.sprints);
  }
  return {
    showUp,
    qualifyingKinds: new Set(showUp.qualifyingKinds),
    grace: grace && { ...grace, windowMs: Math.round(grace.windowHours * 3_600_000) },
  };
}
