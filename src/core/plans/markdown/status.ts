import type { TaskStatus } from '../plan.model.js';

/** Emoji → status. A legend in the file ("⬜ Not Started", "🟡 In Progress") extends and overrides it. */
export type StatusLegend = ReadonlyMap<string, TaskStatus>;

const NOT_LETTER_BEFORE = String.raw`(?<!\p{L})`;
const NOT_LETTER_AFTER = String.raw`(?!\p{L})`;
const words = (alternatives: string): RegExp =>
  new RegExp(`${NOT_LETTER_BEFORE}(?:${alternatives})${NOT_LETTER_AFTER}`, 'iu');

// Checked in this order: "not started" must win over "started", "cancelled" over "done".
const STATUS_WORDS: ReadonlyArray<readonly [TaskStatus, RegExp]> = [
  [
    'cancelled',
    words("cancell?ed|dropped|skipped|won'?t do|abandoned|obsolete|отменено|отменена|отказ|취소|取消|中止"),
  ],
  [
    'todo',
    words(
      'not started|not begun|to ?do|open|pending|planned|backlog|blocked|queued|не начато|не начата|запланировано|ожидает|대기|예정|未开始|未開始|待办|未着手',
    ),
  ],
  [
    'in_progress',
    words(
      'in progress|in flight|in-progress|wip|doing|ongoing|started|underway|partial|в работе|в процессе|진행 ?중|进行中|進行中|対応中',
    ),
  ],
  [
    'done',
    words(
      'done|completed?|finished|shipped|closed|resolved|merged|delivered|выполнено|выполнена|готово|завершено|завершена|сделано|оплачено|완료|完成|已完成|完了',
    ),
  ],
];

/** Status named by words ("Complete", "IN FLIGHT", "в работе"), or null. */
export function statusFromWords(text: string): TaskStatus | null {
  for (const [status, pattern] of STATUS_WORDS) if (pattern.test(text)) return status;
  return null;
}

export const DEFAULT_LEGEND: StatusLegend = new Map<string, TaskStatus>([
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
  ['🚧', 'in_progress'],
  ['🔄', 'in_progress'],
]);

const EMOJI = /\p{Extended_Pictographic}/gu;

/** The first emoji in `text` that the legend knows, with its status. */
export function statusFromEmoji(
  text: string,
  legend: StatusLegend,
): { emoji: string; status: TaskStatus } | null {
  for (const match of text.matchAll(EMOJI)) {
    const status = legend.get(match[0]);
    if (status) return { emoji: match[0], status };
  }
  return null;
}

/** Removes the legend's emoji (and variation selectors) from a title. */
export function stripStatusEmoji(text: string, legend: StatusLegend): string {
  return text
    .replace(EMOJI, (emoji) => (legend.has(emoji) ? '' : emoji))
    .replace(/\uFE0F/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Pairs "🟢 Done", "🟡 = in progress" found in a legend line. */
export function legendPairs(text: string): Array<[string, TaskStatus]> {
  const pairs: Array<[string, TaskStatus]> = [];
  for (const match of text.matchAll(
    /(\p{Extended_Pictographic})\uFE0F?\s*(?:[=:—–-]\s*)?([^\p{Extended_Pictographic}|·•,;]*)/gu,
  )) {
    const status = statusFromWords(match[2] ?? '');
    if (match[1] && status) pairs.push([match[1], status]);
  }
  return pairs;
}

export interface BracketMarker {
  status: TaskStatus;
  /** The marker as written, to strip from the title. */
  raw: string;
  malformed: boolean;
}

/**
 * Checkbox-like markers GFM does not recognise, read from the start of an item's text: `[~]` and
 * `[/]` in progress, `[-]` cancelled, `[>]` deferred (todo), `[]` malformed todo, and `[x]`/`[ ]`
 * when hidden inside strikethrough (`- ~~[x] …~~`).
 */
export function bracketMarker(text: string): BracketMarker | null {
  const match = /^\[([ xX~/>!-]?)\]\s*/u.exec(text);
  if (!match) return null;
  const inside = match[1] ?? '';
  const raw = match[0];
  if (inside === '') return { status: 'todo', raw, malformed: true };
  if (inside === 'x' || inside === 'X') return { status: 'done', raw, malformed: false };
  if (inside === '~' || inside === '/') return { status: 'in_progress', raw, malformed: false };
  if (inside === '-') return { status: 'cancelled', raw, malformed: false };
  return { status: 'todo', raw, malformed: false };
}
