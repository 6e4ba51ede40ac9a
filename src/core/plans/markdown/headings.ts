import type { Heading } from 'mdast';
import { textOf } from '../markdown-tree.js';
import type { EstimateMinutes, PhaseKind, TaskStatus } from '../plan.model.js';
import { placedEstimate } from './item-text.js';
import type { StatusLegend } from './status.js';
import { statusFromEmoji, statusFromWords, stripStatusEmoji } from './status.js';

export interface HeadingInfo {
  title: string;
  kind: PhaseKind;
  /** "2", "9-10" for "Week 2", "Неделя 9-10"; null when the heading names no number. */
  number: string | null;
  /** A leading "14." or "2.1" numbering on an otherwise unnamed group. */
  numbered: boolean;
  status: TaskStatus | null;
  /** What set the status, for warnings ("✅", "struck through", "COMPLETED"). */
  statusSource: string | null;
  estimate: EstimateMinutes | null;
}

const NUMBER = String.raw`(\d+(?:\s*[-–—]\s*\d+)?)`;
const KINDS: ReadonlyArray<readonly [PhaseKind, RegExp]> = [
  [
    'milestone',
    new RegExp(String.raw`^(?:milestone|веха|마일스톤|里程碑|マイルストーン)\b\s*${NUMBER}?`, 'iu'),
  ],
  ['phase', new RegExp(String.raw`^(?:phase|фаза)\s*${NUMBER}?`, 'iu')],
  ['stage', new RegExp(String.raw`^(?:stage|step|sprint|этап|спринт|단계)\s*${NUMBER}?`, 'iu')],
  ['week', new RegExp(String.raw`^(?:weeks?|недел[яи]|неделе)\s*${NUMBER}?`, 'iu')],
  ['day', new RegExp(String.raw`^(?:days?|день|дни|дня)\s*${NUMBER}?`, 'iu')],
  ['week', new RegExp(String.raw`^第?\s*${NUMBER}\s*(?:주차|周|週)`, 'u')],
  ['day', new RegExp(String.raw`^第?\s*${NUMBER}\s*(?:일차|天|日目)`, 'u')],
  ['stage', new RegExp(String.raw`^(?:阶段|段階)\s*${NUMBER}?`, 'u')],
];

const TRAILING_STATUS_WORDS =
  /\s*[-–—:]?\s*\(?(?<!\p{L})(?:COMPLETED|COMPLETE|DONE|SHIPPED|IN PROGRESS|IN FLIGHT|WIP|ЗАВЕРШЕНО|ВЫПОЛНЕНО|ГОТОВО)\)?\s*$/u;

/** True when every non-blank child of the heading is struck through: `## ~~Setup~~ ✅`. */
function struckThrough(node: Heading): boolean {
  const first = node.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
  return first?.type === 'delete';
}

function classify(text: string): { kind: PhaseKind; number: string | null } {
  for (const [kind, pattern] of KINDS) {
    const match = pattern.exec(text);
    if (match) return { kind, number: match[1]?.replace(/\s+/g, '').replace(/[–—]/, '-') ?? null };
  }
  return { kind: 'section', number: null };
}

function headingStatus(
  node: Heading,
  text: string,
  legend: StatusLegend,
): Pick<HeadingInfo, 'status' | 'statusSource'> {
  const emoji = statusFromEmoji(text, legend);
  if (emoji) return { status: emoji.status, statusSource: emoji.emoji };
  const trailing = TRAILING_STATUS_WORDS.exec(text);
  if (trailing) return { status: statusFromWords(trailing[0]), statusSource: trailing[0].trim() };
  if (struckThrough(node)) return { status: 'done', statusSource: 'struck through' };
  return { status: null, statusSource: null };
}

/**
 * Reads a heading as a phase: its kind from the leading word ("Week 2", "Неделя 3", "DAY 4",
 * "Milestone: …"), a budget from a duration in it ("(24ч)", "(2 hours)"), a status from emoji,
 * trailing words ("✅ COMPLETED") or strikethrough. The title keeps the author's words and
 * language, minus the budget, the status marks and leading decoration.
 */
export function readHeading(node: Heading, legend: StatusLegend): HeadingInfo {
  const text = textOf(node);
  const found = placedEstimate(text);
  let title = found.rest;
  const { status, statusSource } = headingStatus(node, text, legend);
  title = stripStatusEmoji(title, legend).replace(TRAILING_STATUS_WORDS, '');
  title = title
    .replace(/^[^\p{L}\p{N}~]+/u, '')
    .replace(/[\s:：]+$/u, '')
    .trim();
  const { kind, number } = classify(title);
  return {
    title: title || text,
    kind,
    number,
    numbered: /^\d+(?:\.\d+)*\.?\s/u.test(title),
    status,
    statusSource,
    estimate: found.estimate,
  };
}

const REFERENCE_SECTION =
  /(?<!\p{L})(?:resources?|links?|references?|notes?|risks?|metrics?|legend|glossary|appendix|summary|statistics?|blockers?|faq|ресурсы|ссылки|заметки|примечани[ея]|риски|метрики|статистика|참고|참조|리스크|参考|风险|リスク)(?!\p{L})/iu;

/** Sections that record facts about the project rather than work: their checkboxes are not tasks. */
export function isReferenceSection(title: string): boolean {
  return REFERENCE_SECTION.test(title);
}

const PLAN_SECTION =
  /(?<!\p{L})(?:tasks?|to-?do|steps?|implementation|plan|roadmap|backlog|work|задачи|план|работы|할 ?일|작업|任务|タスク)(?!\p{L})/iu;

/** Sections whose plain (checkbox-less) list items may be read as tasks, in a file with no checkboxes. */
export function isPlanSection(info: Pick<HeadingInfo, 'kind' | 'title' | 'numbered'>): boolean {
  return info.kind !== 'section' || info.numbered || PLAN_SECTION.test(info.title);
}
