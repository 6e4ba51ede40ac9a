import type { CONSEQUENCE_ACTION_NAMES } from '../../../contracts/commitments.contract.js';
import type { PlanVersion } from '../../../contracts/plans.contract.js';
import type { Project } from '../../../contracts/projects.contract.js';
import type { ScheduleResponse } from '../../../contracts/schedule.contract.js';
import type { MinutesPerWeekday } from './time.js';

export type LadderAction = (typeof CONSEQUENCE_ACTION_NAMES)[number];

export interface LadderStep {
  /** Stable key for React while rows are added and removed. */
  key: number;
  afterConsecutiveSkips: number;
  action: LadderAction;
}

export const ACTION_LABELS: Record<LadderAction, { label: string; hint: string }> = {
  nudge_builder: { label: 'Nudge me', hint: 'A reminder to you, nobody else sees it.' },
  notify_witness: { label: 'Tell my witness', hint: 'Your witness gets a message that you skipped.' },
  mark_stalled: {
    label: 'Mark the project stalled',
    hint: 'Shown as stalled to your witness and organizers.',
  },
  require_replan: { label: 'Require a re-plan', hint: 'You re-import a realistic plan before going on.' },
};

export const ACTIONS = Object.keys(ACTION_LABELS) as LadderAction[];

let nextKey = 1;
export function ladderStep(afterConsecutiveSkips: number, action: LadderAction): LadderStep {
  return { key: nextKey++, afterConsecutiveSkips, action };
}

export function defaultLadder(): LadderStep[] {
  return [
    ladderStep(1, 'nudge_builder'),
    ladderStep(2, 'notify_witness'),
    ladderStep(3, 'mark_stalled'),
    ladderStep(3, 'require_replan'),
  ];
}

export const DEFAULT_GRACE = 2;
export const DEFAULT_SPRINT_DAYS = 14;

export type WitnessChoice =
  | { mode: 'member'; userId: string; name: string; email: string }
  | { mode: 'invite'; email: string; link: string }
  | { mode: 'none' };

export interface PlanDraft {
  text: string;
  fileName: string | null;
  /** The version stored on the server, once imported for real. */
  imported: PlanVersion | null;
  /** The text that version came from (null when it was imported in an earlier visit). */
  importedText: string | null;
}

export interface HoursDraft {
  minutes: MinutesPerWeekday;
  launchDate: string;
  /** The last saved schedule, for the review. */
  saved: ScheduleResponse | null;
}

export interface CommitmentDraft {
  ladder: LadderStep[];
  graceTokens: number;
  sprintDays: number;
}

export interface Draft {
  project: Project | null;
  plan: PlanDraft;
  hours: HoursDraft;
  witness: WitnessChoice;
  commitment: CommitmentDraft;
}

export const STEPS = [
  { id: 'project', title: 'What you are building', short: 'Project' },
  { id: 'plan', title: 'Your plan', short: 'Plan' },
  { id: 'hours', title: 'Your hours and launch date', short: 'Hours' },
  { id: 'witness', title: 'Your witness', short: 'Witness' },
  { id: 'commitment', title: 'Your commitment', short: 'Commitment' },
  { id: 'review', title: 'Review and start', short: 'Review' },
] as const;

export type StepIndex = 0 | 1 | 2 | 3 | 4 | 5;

export function clampStep(value: number): StepIndex {
  const step = Math.max(0, Math.min(5, Math.trunc(value)));
  return step as StepIndex;
}

export const FORMAT_LABELS: Record<string, string> = {
  markdown: 'Markdown roadmap',
  taskmaster: 'Task Master tasks.json',
  speckit: 'spec-kit tasks.md',
  kiro: 'Kiro tasks.md',
  gsd: 'GSD roadmap',
};

export const DEFAULT_MINUTES: MinutesPerWeekday = {
  mon: 120,
  tue: 120,
  wed: 120,
  thu: 120,
  fri: 120,
  sat: 0,
  sun: 0,
};
