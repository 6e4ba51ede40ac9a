import { DECISION_STATUSES, type DecisionStatus } from './decision.model.js';

/**
 * Normalisers for the loose fields of decision records: ids, titles, statuses and dates as people
 * actually write them. Pure string functions; the importer decides what to warn about.
 */

/** "ADR-0009" for 9: the canonical id every ref and record shares. */
export function adrId(number: number): string {
  return `ADR-${String(number).padStart(4, '0')}`;
}

/** Lower-case, ASCII-ish slug for records that carry no number ("Use Postgres!" → "use-postgres"). */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const ADR_PREFIXED_TITLE = /^adr[-_ #]?0*(\d{1,4})(?!\d)\s*(?:[.:)\-–—]\s*|\s+)(.+)$/i;
// A separator followed by a space keeps "1.5 release" and "2FA for logins" whole.
const NUMBERED_TITLE = /^0*(\d{1,4})\s*[.:)\-–—]\s+(.+)$/;

/** Splits "9. Use plain JUnit5", "ADR003: Avoid default exports", "ADR-12 - X" into number and title. */
export function splitNumberedTitle(raw: string): { number: number | null; title: string } {
  const text = raw.trim();
  const match = ADR_PREFIXED_TITLE.exec(text) ?? NUMBERED_TITLE.exec(text);
  if (!match?.[1] || !match[2]) return { number: null, title: text };
  return { number: Number.parseInt(match[1], 10), title: match[2].trim() };
}

/** Number and readable title from "0009-use-plain-junit5.md" or "adr003-avoid-default-exports.md". */
export function parseFileName(fileName: string): { number: number | null; title: string | null } {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(md|markdown|mdx|txt)$/i, '');
  const match = /^(?:adr[-_ ]?)?0*(\d{1,4})(?:[-_ .]+(.*))?$/i.exec(base);
  const rest = (match ? (match[2] ?? '') : base).replace(/[-_]+/g, ' ').trim();
  const title = rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : null;
  return { number: match?.[1] ? Number.parseInt(match[1], 10) : null, title };
}

/** Number from a front matter id: 12, "12", "adr-0012", "adrs-adr003". */
export function numberFromId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value !== 'string') return null;
  const match = /^\s*0*(\d{1,4})\s*$/.exec(value) ?? /(?:^|[^a-z])adr[-_ ]?0*(\d{1,4})(?!\d)/i.exec(value);
  return match?.[1] ? Number.parseInt(match[1], 10) : null;
}

/** Markdown link, emphasis and code marks removed, for messages and keyword matching. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Checked in order: "Accepted, superseded by ADR-5" is superseded; "Accepted. Supersedes ADR-1" is not.
const STATUS_WORDS: [DecisionStatus, RegExp][] = [
  ['superseded', /\bsuper[sc]e+ded\b|\breplaced\s+by\b/],
  ['deprecated', /\b(deprecated|obsolete|retired)\b/],
  ['rejected', /\b(rejected|declined|refused|abandoned|withdrawn)\b/],
  ['accepted', /\b(accepted|approved|adopted|agreed|decided|implemented|done)\b/],
  [
    'proposed',
    /\b(proposed|proposal|draft|pending|open|suggested|wip|(in|under)\s+(review|discussion|progress))\b/,
  ],
];

/**
 * The status a record states, or null when the text names none of the known statuses.
 * @example normaliseStatus('Superseded by [ADR-0012](0012-x.md)') // 'superseded'
 */
export function normaliseStatus(text: string): DecisionStatus | null {
  const lower = plainText(text).toLowerCase();
  for (const [status, pattern] of STATUS_WORDS) if (pattern.test(lower)) return status;
  return null;
}

export const STATUS_LIST = DECISION_STATUSES.join(', ');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(year: number, month: number, day: number): string | null {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (year < 1970 || year > 2999 || days === undefined || day < 1 || day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthOf(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

/**
 * YYYY-MM-DD from the date forms found in ADRs, or null when the text is not an unambiguous date.
 * Accepts 2020-1-5, 2020/01/05, 2020-01-05T10:00Z, 05.01.2020, "5 January 2020", "January 5, 2020"
 * and YAML dates; refuses 01/05/2020, which reads differently in the US and in Europe.
 * @example normaliseDate('2016-2-12') // '2016-02-12'
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? null
      : isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const text = plainText(value);
  const n = (group: string | undefined): number => Number.parseInt(group ?? '', 10);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text);
  if (m) return isoDate(n(m[1]), n(m[2]), n(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text);
  if (m) return isoDate(n(m[3]), n(m[2]), n(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (m && (n(m[1]) > 12 || n(m[2]) > 12 || m[1] === m[2])) {
    return n(m[1]) > 12 ? isoDate(n(m[3]), n(m[2]), n(m[1])) : isoDate(n(m[3]), n(m[1]), n(m[2]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(text);
  if (m && monthOf(m[2]) > 0) return isoDate(n(m[3]), monthOf(m[2]), n(m[1]));
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  if (m && monthOf(m[1]) > 0) return isoDate(n(m[3]), monthOf(m[1]), n(m[2]));
  return null;
}
