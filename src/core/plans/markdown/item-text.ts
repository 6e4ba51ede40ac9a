import { parseEstimate } from '../estimates.js';
import type { EstimateMinutes, TaskStatus } from '../plan.model.js';
import type { StatusLegend } from './status.js';
import { statusFromEmoji, stripStatusEmoji } from './status.js';

/** What a task's own line says beyond its title. */
export interface ItemText {
  title: string;
  sourceId: string | null;
  estimate: EstimateMinutes | null;
  /** An estimate-looking duration that was rejected as absurd ("(5000h)"). */
  absurdEstimate: string | null;
  dependencyRefs: string[];
  emojiStatus: { emoji: string; status: TaskStatus } | null;
  optional: boolean;
}

/** "T012 …", "4.1 …", "73. …" at the start of an item: the author's own id. */
const SOURCE_ID = /^(?:([A-Z]{1,4}-?\d+[a-z]?)(?=[\s:.)])|(\d+(?:\.\d+)+)\.?(?=\s)|(\d+)[.)](?=\s))[\s:.)]*/u;

/** Only where a dependency note starts: "(depends on …)", "— blocked by …", "; depends on …". */
const DEPENDS =
  /(?:^|\s*[([]|\s*[—–;|.,]|\s+-)\s*(?:depends on|depend on|dependent on|blocked by|зависит от|(?:dependencies|deps|зависимости|依赖|의존)\s*[:：])\s*[:：]?\s*([^)\]\n;]+)[)\]]?/iu;

const NO_DEPENDENCY = /^(?:none|nothing|n\/a|-|—|нет|없음|无)$/iu;

function dependencyRefs(text: string): { refs: string[]; rest: string } {
  const match = DEPENDS.exec(text);
  if (!match) return { refs: [], rest: text };
  const refs = (match[1] ?? '')
    .split(/\s*(?:,|&|、|\band\b|(?<!\p{L})и(?!\p{L}))\s*/u)
    .map((ref) =>
      ref
        .replace(/[`*_]/g, '')
        .replace(/^(?:tasks?|задач[аи]?)\s+/iu, '')
        .replace(/^#/, '')
        .replace(/[.\s]+$/u, '')
        .trim(),
    )
    .filter((ref) => ref !== '' && !NO_DEPENDENCY.test(ref));
  return { refs, rest: text.replace(match[0], ' ') };
}

/**
 * An estimate counts on an item only where people put one: alone in brackets ("(2h)"), at the
 * end ("— 30 min") or labelled ("Estimate: 3h"). "(15min expiry)" or "TTL 24ч" inside prose are
 * facts about the product, not the effort.
 */
export function placedEstimate(text: string): {
  estimate: EstimateMinutes | null;
  rest: string;
  absurd: string | null;
} {
  const found = parseEstimate(text);
  if (!found) {
    const absurd = /[([]\s*\d[\d.,]*\s*(?:h|hours?|d|days?|m|min|minutes?)\s*[)\]]\s*$/iu.exec(text);
    return { estimate: null, rest: text, absurd: absurd ? absurd[0].trim() : null };
  }
  const at = text.indexOf(found.matched);
  const after = text.slice(at + found.matched.length);
  const placed =
    /^[\s.;:,)\]]*$/u.test(after) || /^[([]/u.test(found.matched) || /[:：]|estimat/iu.test(found.matched);
  if (!placed) return { estimate: null, rest: text, absurd: null };
  return { estimate: found.estimate, rest: text.slice(0, at) + ' ' + after, absurd: null };
}

/** Reads a task line (without its checkbox): id, dependencies, estimate, status emoji, title. */
export function readItemText(text: string, legend: StatusLegend): ItemText {
  const idMatch = SOURCE_ID.exec(text);
  const sourceId = idMatch ? (idMatch[1] ?? idMatch[2] ?? idMatch[3] ?? null) : null;
  let rest = idMatch ? text.slice(idMatch[0].length) : text;
  const deps = dependencyRefs(rest);
  const estimate = placedEstimate(deps.rest);
  rest = estimate.rest;
  const emojiStatus = statusFromEmoji(rest, legend);
  const title = stripStatusEmoji(rest, legend)
    .replace(/\s+/g, ' ')
    .replace(/[\s—–\-:：|,]+$/u, '')
    .trim();
  return {
    title: title || text.trim(),
    sourceId,
    estimate: estimate.estimate,
    absurdEstimate: estimate.absurd,
    dependencyRefs: deps.refs,
    emojiStatus,
    optional: /\((?:optional|опционально|необязательно|선택|可选)\)/iu.test(text),
  };
}
