/**
 * Workspace attribution rules: how a team labels commits that carry no tool signal ("everything
 * from the agents@ mailbox is AI-authored", "branches named ai/* are AI-assisted"). Rules are
 * configuration, so they are validated once when saved (`validateAttributionRules`) and matched
 * without ever throwing: a rule whose pattern does not compile simply never matches.
 */
import { matchesGlob } from './glob.js';
import { ATTRIBUTION_KINDS, type AttributionKind, type ConfigIssue } from './git.model.js';

export interface AttributionRuleMatch {
  /** Glob on the author e-mail, case-insensitive ("*@agents.example.com"). */
  authorEmail?: string;
  /** Glob on the author name, case-insensitive ("* (bot)"). */
  authorName?: string;
  /** Regular expression source, tested case-insensitively against the whole message, multiline. */
  messagePattern?: string;
  /** Glob on the branch name ("ai/**"); a rule with a branch never matches a commit with none. */
  branch?: string;
}

export interface AttributionRule {
  /** Every field given must match (they are combined with AND). */
  match: AttributionRuleMatch;
  kind: AttributionKind;
  /** Shown as the signal of a commit the rule decided ("agents mailbox"). */
  label: string;
}

export interface RuleSubject {
  authorName: string;
  authorEmail: string;
  message: string;
  branch?: string | null;
}

export const RULE_LIMITS = { maxRules: 100, maxPatternLength: 500, maxLabelLength: 100 } as const;
const MATCH_FIELDS = ['authorEmail', 'authorName', 'messagePattern', 'branch'] as const;

const regexCache = new Map<string, RegExp | null>();

/** The compiled message pattern, or null when it does not compile (never thrown at match time). */
function compiledPattern(source: string): RegExp | null {
  if (!regexCache.has(source)) {
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(source, tryCompile(source));
  }
  return regexCache.get(source) ?? null;
}

function tryCompile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'im');
  } catch {
    return null;
  }
}

/** Whether every field of the rule's match holds for the commit. An empty match never matches. */
export function ruleMatches(rule: AttributionRule, subject: RuleSubject): boolean {
  const { authorEmail, authorName, messagePattern, branch } = rule.match;
  if (MATCH_FIELDS.every((field) => rule.match[field] === undefined)) return false;
  if (
    authorEmail !== undefined &&
    !matchesGlob(subject.authorEmail, authorEmail, { caseInsensitive: true })
  ) {
    return false;
  }
  if (authorName !== undefined && !matchesGlob(subject.authorName, authorName, { caseInsensitive: true })) {
    return false;
  }
  if (branch !== undefined && (!subject.branch || !matchesGlob(subject.branch, branch))) return false;
  if (messagePattern !== undefined) {
    const regex = compiledPattern(messagePattern);
    if (!regex || !regex.test(subject.message)) return false;
  }
  return true;
}

/** The first rule (in list order) that matches, with its index; null when none does. */
export function firstMatchingRule(
  rules: readonly AttributionRule[],
  subject: RuleSubject,
): { rule: AttributionRule; index: number } | null {
  const index = rules.findIndex((rule) => ruleMatches(rule, subject));
  return index === -1 ? null : { rule: rules[index]!, index };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function matchIssues(match: unknown, path: string): ConfigIssue[] {
  if (!isRecord(match)) return [{ path, message: 'must be an object' }];
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(match)) {
    if (!(MATCH_FIELDS as readonly string[]).includes(key)) {
      issues.push({ path: `${path}.${key}`, message: `unknown field (expected ${MATCH_FIELDS.join(', ')})` });
    }
  }
  const given = MATCH_FIELDS.filter((field) => match[field] !== undefined);
  if (given.length === 0) issues.push({ path, message: `give at least one of ${MATCH_FIELDS.join(', ')}` });
  for (const field of given) {
    const value = match[field];
    const fieldPath = `${path}.${field}`;
    if (typeof value !== 'string' || value.trim() === '') {
      issues.push({ path: fieldPath, message: 'must be a non-empty string' });
    } else if (value.length > RULE_LIMITS.maxPatternLength) {
      issues.push({ path: fieldPath, message: `longer than ${RULE_LIMITS.maxPatternLength} characters` });
    } else if (field === 'messagePattern') {
      issues.push(...regexIssues(value, fieldPath));
    }
  }
  return issues;
}

function regexIssues(source: string, path: string): ConfigIssue[] {
  try {
    new RegExp(source, 'im');
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path, message: `not a valid regular expression: ${reason}` }];
  }
}

function ruleIssues(rule: unknown, path: string): ConfigIssue[] {
  if (!isRecord(rule)) return [{ path, message: 'must be an object' }];
  const issues = matchIssues(rule.match, `${path}.match`);
  if (!(ATTRIBUTION_KINDS as readonly unknown[]).includes(rule.kind)) {
    issues.push({ path: `${path}.kind`, message: `must be one of ${ATTRIBUTION_KINDS.join(', ')}` });
  }
  const label = rule.label;
  if (typeof label !== 'string' || label.trim() === '' || label.length > RULE_LIMITS.maxLabelLength) {
    issues.push({ path: `${path}.label`, message: `must be 1 to ${RULE_LIMITS.maxLabelLength} characters` });
  }
  return issues;
}

/**
 * Every problem with a list of attribution rules, each with its exact path; empty when the list
 * can be saved.
 *
 * @example
 * validateAttributionRules([{ match: { messagePattern: '(' }, kind: 'ai_authored', label: 'x' }])
 * // [{ path: 'rules[0].match.messagePattern', message: 'not a valid regular expression: …' }]
 */
export function validateAttributionRules(rules: unknown): ConfigIssue[] {
  if (!Array.isArray(rules)) return [{ path: 'rules', message: 'must be a list' }];
  if (rules.length > RULE_LIMITS.maxRules) {
    return [{ path: 'rules', message: `at most ${RULE_LIMITS.maxRules} rules` }];
  }
  return rules.flatMap((rule, index) => ruleIssues(rule, `rules[${index}]`));
}
