import type { EstimateMinutes } from './plan.model.js';

/**
 * Durations as people write them in plans. A day is a working day of 8 hours and a week is 5 such
 * days (40 hours): plans budget effort, not calendar time. Anything above 1,000 hours, zero or
 * negative is treated as a typo and rejected (the caller warns).
 */
export const MINUTES_PER_HOUR = 60;
export const HOURS_PER_DAY = 8;
export const DAYS_PER_WEEK = 5;
export const MAX_ESTIMATE_MINUTES = 1000 * MINUTES_PER_HOUR;

const UNIT_MINUTES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    1,
    ['minutes', 'minute', 'mins', 'min', 'm', 'минуты', 'минут', 'минута', 'мин', '분', '分钟', '分鐘', '分'],
  ],
  [
    MINUTES_PER_HOUR,
    ['hours', 'hour', 'hrs', 'hr', 'h', 'часов', 'часа', 'час', 'ч', '시간', '小时', '小時', '時間'],
  ],
  [HOURS_PER_DAY * MINUTES_PER_HOUR, ['days', 'day', 'd', 'дней', 'дня', 'день', 'дн', 'д', '天']],
  [
    DAYS_PER_WEEK * HOURS_PER_DAY * MINUTES_PER_HOUR,
    ['weeks', 'week', 'wks', 'wk', 'w', 'недели', 'недель', 'неделя', 'нед', '주', '周', '週'],
  ],
];

const UNIT_TABLE = new Map<string, number>(
  UNIT_MINUTES.flatMap(([minutes, names]) => names.map((name) => [name, minutes] as const)),
);
/** Longest first so "minutes" wins over "m" and "分钟" over "分". */
const UNIT_ALTERNATION = [...UNIT_TABLE.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

const NUM = String.raw`\d+(?:[.,]\d+)?`;
/** A Latin or Cyrillic unit must end the word ("30 mins", not "30 monkeys"); CJK units need not. */
const UNIT = String.raw`(?:${UNIT_ALTERNATION})(?![A-Za-z\u0400-\u04FF])`;
/** Not inside a word or number, and not negative ("-2h"); "Task - 2h" is fine. */
const BEFORE = String.raw`(?<![A-Za-z\u0400-\u04FF\d.,/\-−])`;
const LABEL = String.raw`(?:[*_]{0,2}(?:estimated\s+time|time\s+estimate|estimated|estimate|est\.?|effort|duration|оценка|время|срок)[*_]{0,2}\s*:?\s*[*_]{0,2}\s*:?\s*)`;
const APPROX = String.raw`(?:(?:~|≈|about|approx\.?|около|примерно|약|约)\s*)`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|to|до|~)\s*`;

const COMPOUND = new RegExp(String.raw`(${NUM})\s*(${UNIT})\s*(${NUM})\s*(${UNIT})`, 'iu');
const RANGE = new RegExp(String.raw`(${NUM})\s*(${UNIT})?${RANGE_SEP}(${NUM})\s*(${UNIT})`, 'iu');
const SIMPLE = new RegExp(String.raw`(${NUM})\s*(${UNIT})`, 'iu');
const ANY = new RegExp(
  String.raw`${LABEL}?${APPROX}?${BEFORE}${NUM}\s*(?:${UNIT})?(?:(?:${RANGE_SEP}|\s*)${NUM}\s*)?${UNIT}`,
  'giu',
);
const LABELLED = new RegExp(`^${LABEL}`, 'iu');

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function unitMinutes(unit: string | undefined): number | null {
  return unit === undefined ? null : (UNIT_TABLE.get(unit.toLowerCase()) ?? null);
}

function plausible(minutes: number): boolean {
  return Number.isFinite(minutes) && minutes > 0 && minutes <= MAX_ESTIMATE_MINUTES;
}

/** The value of one matched duration expression, or null when it is not a sensible estimate. */
function valueOf(expression: string): EstimateMinutes | null {
  const compound = COMPOUND.exec(expression);
  if (compound) {
    const [, big, bigUnit, small, smallUnit] = compound;
    const a = unitMinutes(bigUnit);
    const b = unitMinutes(smallUnit);
    if (a !== null && b !== null && a > b) {
      const total = Math.round(toNumber(big ?? '') * a + toNumber(small ?? '') * b);
      return plausible(total) ? total : null;
    }
  }
  const range = RANGE.exec(expression);
  if (range) {
    const [, low, lowUnit, high, highUnit] = range;
    const highMinutes = unitMinutes(highUnit) ?? 0;
    const min = Math.round(toNumber(low ?? '') * (unitMinutes(lowUnit) ?? highMinutes));
    const max = Math.round(toNumber(high ?? '') * highMinutes);
    if (!plausible(min) || !plausible(max) || min > max) return null;
    return min === max ? min : { min, max };
  }
  const simple = SIMPLE.exec(expression);
  if (!simple) return null;
  const total = Math.round(toNumber(simple[1] ?? '') * (unitMinutes(simple[2]) ?? 0));
  return plausible(total) ? total : null;
}

/** Widen the match to the parentheses or brackets around it when it is alone inside them. */
function widen(text: string, start: number, end: number): { start: number; end: number } {
  const before = text.slice(0, start).match(/[([]\s*$/u);
  const after = text.slice(end).match(/^\s*[)\]]/u);
  if (before && after) return { start: start - before[0].length, end: end + after[0].length };
  return { start, end };
}

/**
 * Finds the first estimate written inside `text` and returns it in minutes with the exact text
 * that held it (so callers can strip it from a title). A labelled estimate ("Estimated Time: …")
 * wins over an earlier unlabelled one. Null when there is none or it is absurd.
 *
 * @example
 * parseEstimate('Set up CI (2h)') // { estimate: 120, matched: '(2h)' }
 * parseEstimate('Research 3–4 hours') // { estimate: { min: 180, max: 240 }, matched: '3–4 hours' }
 */
export function parseEstimate(text: string): { estimate: EstimateMinutes; matched: string } | null {
  const matches = [...text.matchAll(ANY)];
  const ordered = [...matches.filter((m) => LABELLED.test(m[0])), ...matches];
  for (const match of ordered) {
    const estimate = valueOf(match[0]);
    if (estimate === null) continue;
    const { start, end } = widen(text, match.index, match.index + match[0].length);
    return { estimate, matched: text.slice(start, end) };
  }
  return null;
}

/** "2h", "1h 30m" or "3h–4h", for warnings and titles. */
export function formatEstimate(estimate: EstimateMinutes): string {
  const one = (minutes: number): string => {
    const hours = Math.floor(minutes / MINUTES_PER_HOUR);
    const rest = minutes % MINUTES_PER_HOUR;
    if (hours === 0) return `${rest}m`;
    return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
  };
  return typeof estimate === 'number' ? one(estimate) : `${one(estimate.min)}–${one(estimate.max)}`;
}

/** Sum of estimates, ranges added bound by bound; null when none is given. */
export function sumEstimates(estimates: ReadonlyArray<EstimateMinutes | null>): EstimateMinutes | null {
  let min = 0;
  let max = 0;
  let any = false;
  for (const estimate of estimates) {
    if (estimate === null) continue;
    any = true;
    min += typeof estimate === 'number' ? estimate : estimate.min;
    max += typeof estimate === 'number' ? estimate : estimate.max;
  }
  if (!any) return null;
  return min === max ? min : { min, max };
}
