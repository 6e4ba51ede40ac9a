import { describe, expect, it } from 'vitest';
import {
  firstMatchingRule,
  RULE_LIMITS,
  ruleMatches,
  validateAttributionRules,
  type AttributionRule,
} from './attribution-rules.js';

const subject = {
  authorName: 'Build Agent',
  authorEmail: 'runner@agents.example.org',
  message: 'chore: regenerate client\n\nfrom openapi.json',
  branch: 'ai/regen-client',
};

const rule = (match: AttributionRule['match']): AttributionRule => ({
  match,
  kind: 'ai_authored',
  label: 'x',
});

describe('ruleMatches', () => {
  it('ANDs every given field', () => {
    expect(ruleMatches(rule({ authorEmail: '*@agents.example.org', branch: 'ai/*' }), subject)).toBe(true);
    expect(ruleMatches(rule({ authorEmail: '*@agents.example.org', branch: 'main' }), subject)).toBe(false);
    expect(ruleMatches(rule({ authorName: 'build *' }), subject)).toBe(true);
  });

  it('tests the message pattern case-insensitively and per line', () => {
    expect(ruleMatches(rule({ messagePattern: '^FROM openapi' }), subject)).toBe(true);
    expect(ruleMatches(rule({ messagePattern: '^openapi' }), subject)).toBe(false);
  });

  it('never matches with an empty match, a missing branch or a broken pattern, and never throws', () => {
    expect(ruleMatches(rule({}), subject)).toBe(false);
    expect(ruleMatches(rule({ branch: '**' }), { ...subject, branch: null })).toBe(false);
    expect(ruleMatches(rule({ messagePattern: '([a-z' }), subject)).toBe(false);
  });

  it('returns the first match with its index', () => {
    const rules = [rule({ branch: 'main' }), rule({ branch: 'ai/**' }), rule({ authorName: '*' })];
    expect(firstMatchingRule(rules, subject)?.index).toBe(1);
    expect(firstMatchingRule([], subject)).toBeNull();
  });
});

describe('validateAttributionRules', () => {
  it('accepts good rules', () => {
    expect(
      validateAttributionRules([
        { match: { authorEmail: '*@agents.example.org' }, kind: 'ai_authored', label: 'agents' },
        { match: { messagePattern: '^release: v\\d+' }, kind: 'human', label: 'release bot' },
      ]),
    ).toEqual([]);
  });

  it('reports each problem at its exact path', () => {
    const issues = validateAttributionRules([
      { match: { authorEmail: '*@x.org' }, kind: 'ai_authored', label: 'fine' },
      { match: {}, kind: 'robot', label: '' },
      { match: { messagePattern: '(unclosed', branch: 3, colour: 'red' }, kind: 'human', label: 'y' },
      'not a rule',
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      'rules[1].match',
      'rules[1].kind',
      'rules[1].label',
      'rules[2].match.colour',
      'rules[2].match.messagePattern',
      'rules[2].match.branch',
      'rules[3]',
    ]);
    expect(issues.find((issue) => issue.path === 'rules[2].match.messagePattern')?.message).toMatch(
      /^not a valid regular expression: .+/,
    );
  });

  it('refuses non-lists, too many rules and huge patterns', () => {
    expect(validateAttributionRules({})).toEqual([{ path: 'rules', message: 'must be a list' }]);
    const many = Array.from({ length: RULE_LIMITS.maxRules + 1 }, () => rule({ branch: 'x' }));
    expect(validateAttributionRules(many)).toEqual([{ path: 'rules', message: 'at most 100 rules' }]);
    const huge = [rule({ authorName: 'a'.repeat(RULE_LIMITS.maxPatternLength + 1) })];
    expect(validateAttributionRules(huge)).toEqual([
      { path: 'rules[0].match.authorName', message: 'longer than 500 characters' },
    ]);
  });
});
