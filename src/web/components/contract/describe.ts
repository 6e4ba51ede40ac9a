import type { ContractDto, ContractView } from '../../../contracts/commitments.contract.js';

export type ContractVersion = ContractView['versions'][number];
export type ContractChangeDto = ContractVersion['changes'][number];
export type Direction = ContractChangeDto['direction'];
export type WeekdayKey = keyof ContractDto['minutesPerWeekday'];

/** Monday first, as most calendars people plan with. */
export const WEEKDAYS: readonly { key: WeekdayKey; name: string; short: string }[] = [
  { key: 'mon', name: 'Monday', short: 'Mon' },
  { key: 'tue', name: 'Tuesday', short: 'Tue' },
  { key: 'wed', name: 'Wednesday', short: 'Wed' },
  { key: 'thu', name: 'Thursday', short: 'Thu' },
  { key: 'fri', name: 'Friday', short: 'Fri' },
  { key: 'sat', name: 'Saturday', short: 'Sat' },
  { key: 'sun', name: 'Sunday', short: 'Sun' },
];

/** Easier changes wait this long unless a witness approves (core/contracts/effective-at). */
export const EASING_DELAY_DAYS = 7;

/**
 * Minutes as hours in words.
 *
 * @example formatMinutes(90) // '1 h 30 min'
 */
export function formatMinutes(minutes: number): string {
  if (minutes <= 0) return 'Rest day';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function weeklyMinutes(contract: ContractDto): number {
  return WEEKDAYS.reduce((sum, day) => sum + contract.minutesPerWeekday[day.key], 0);
}

const LADDER_WORDS: Record<string, string> = {
  nudge_builder: 'the builder gets a reminder',
  notify_witness: 'the witnesses are told',
  mark_stalled: 'the project shows as stalled',
  require_replan: 'a re-plan is required before going on',
};

export function ladderAction(action: string): string {
  return LADDER_WORDS[action] ?? action.replaceAll('_', ' ');
}

/**
 * One rung of the consequence ladder as a sentence.
 *
 * @example ladderSentence({ afterConsecutiveSkips: 2, action: 'notify_witness' })
 * // 'After 2 skipped days in a row, the witnesses are told.'
 */
export function ladderSentence(step: { afterConsecutiveSkips: number; action: string }): string {
  const n = step.afterConsecutiveSkips;
  return `After ${n === 1 ? '1 skipped day' : `${n} skipped days`} in a row, ${ladderAction(step.action)}.`;
}

export const DIRECTION_WORDS: Record<Direction, { label: string; symbol: string; hint: string }> = {
  easier: { label: 'Easier', symbol: '↓', hint: 'waits unless a witness approves' },
  harder: { label: 'Harder', symbol: '↑', hint: 'applies at once' },
  neutral: { label: 'Neither easier nor harder', symbol: '↔', hint: 'applies at once' },
};

export const STATUS_WORDS: Record<ContractVersion['status'], string> = {
  in_force: 'In force',
  waiting: 'Waiting',
  superseded: 'Superseded',
};

/**
 * The server describes changes with ids ("adds witnesses "usr_1"", "moves checkpoint cp-2 later");
 * people read names and titles.
 */
export function humanizeChange(
  description: string,
  nameOf: (userId: string) => string,
  titles: Record<string, string>,
  userIds: readonly string[],
): string {
  let text = description;
  for (const [id, title] of Object.entries(titles)) {
    text = text.replaceAll(`checkpoint ${id} `, `checkpoint “${title}” `);
    text = text.replaceAll(`checkpoint ${id}:`, `checkpoint “${title}”:`);
    text = text.replaceAll(`checkpoint ${id}(`, `checkpoint “${title}” (`);
  }
  for (const id of userIds) text = text.replaceAll(`"${id}"`, `“${nameOf(id)}”`);
  for (const [action, words] of Object.entries(LADDER_WORDS))
    text = text.replaceAll(action, words.replace(/^the /, ''));
  return text;
}
