import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanImportError } from '../plans/plan.model.js';
import { importDecisionRecord, looksLikeDecisionRecord } from './decision.importer.js';

// Test files sit in <repo>/src/core/decisions/; the shared fixtures in /work/shared beside the repo.
function fixture(name: string): string {
  return readFileSync(new URL(`../../../../shared/fixtures/decisions/${name}`, import.meta.url), 'utf8');
}

function importError(text: string, fileName?: string): PlanImportError {
  try {
    importDecisionRecord({ text, fileName });
  } catch (error) {
    if (error instanceof PlanImportError) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError');
}

describe('importDecisionRecord on real records', () => {
  it('reads JabRef ADR 0009 (MADR 2, Jekyll front matter, escaped parentheses, Java examples)', () => {
    const text = fixture('madr-jabref-0009-plain-junit5.md');
    const { decision, warnings } = importDecisionRecord({
      text,
      fileName: 'docs/decisions/0009-use-plain-junit5-for-testing.md',
    });
    expect(warnings).toEqual([]);
    expect(decision).toMatchObject({
      id: 'ADR-0009',
      number: 9,
      title: 'Use Plain JUnit5 for advanced test assertions',
      format: 'madr',
      status: null,
      supersededBy: [],
      date: null,
      options: ['Plain JUnit5', 'Hamcrest', 'AssertJ'],
      decision: 'Chosen option: "Plain JUnit5", because comes out best (see below).',
      chosenOption: 'Plain JUnit5',
      source: { line: 5 },
    });
    expect(decision.context).toBe(
      'How to write readable test assertions? How to write readable test assertions for advanced tests?',
    );
    expect(decision.consequences).toContain('Positive Consequences:\n- Tests are more readable');
    expect(decision.consequences).toContain(
      'Negative Consequences:\n- More complicated testing leads to more complicated assertions',
    );
    // Java in the option sections is neither an option nor decision text.
    expect(JSON.stringify(decision)).not.toContain('assertThat');
  });

  it('falls back to a slug id for JabRef 0009 without its file name (nav_order is navigation, not an id)', () => {
    const { decision } = importDecisionRecord({ text: fixture('madr-jabref-0009-plain-junit5.md') });
    expect(decision.id).toBe('use-plain-junit5-for-advanced-test-assertions');
    expect(decision.number).toBeNull();
  });

  it('reads Backstage ADR003 (Nygard, title only in front matter, YAML comment, no status)', () => {
    const text = fixture('nygard-backstage-adr003-avoid-default-exports.md');
    const { decision, warnings } = importDecisionRecord({ text });
    expect(warnings).toEqual([]);
    expect(decision).toMatchObject({
      id: 'ADR-0003',
      number: 3,
      title: 'Avoid Default Exports and Prefer Named Exports',
      format: 'nygard',
      status: null,
      supersededBy: [],
      date: null,
      options: [],
      chosenOption: null,
    });
    expect(decision.decision).toBe(
      'We will stop using default exports except when absolutely necessary (such as React.lazy modules). ' +
        'A workaround exists for those that would prefer to never use default:',
    );
    expect(decision.decision).not.toContain('React.lazy(() =>');
    // Hard-wrapped lines are joined; list items stay one per line.
    expect(decision.context).toContain('the best practice was to export only one thing from a module');
    expect(decision.context).toContain(
      '\n- They thwart tools, such as IDEs, that can automatically rename and refactor code.',
    );
    expect(decision.consequences).toMatch(/^We will actively work to remove them from our codebases/);
    expect(decision.consequences).toContain('lint rules');
  });

  it('gives the same id from the Backstage file name', () => {
    const text = fixture('nygard-backstage-adr003-avoid-default-exports.md');
    const { decision, warnings } = importDecisionRecord({
      text,
      fileName: 'adr003-avoid-default-exports.md',
    });
    expect(decision.id).toBe('ADR-0003');
    expect(warnings).toEqual([]);
  });

  it('recognises both fixtures as decision records', () => {
    expect(looksLikeDecisionRecord(fixture('madr-jabref-0009-plain-junit5.md'))).toBe(true);
    expect(looksLikeDecisionRecord(fixture('nygard-backstage-adr003-avoid-default-exports.md'))).toBe(true);
  });
});

const NYGARD_SUPERSEDED = `# 3. Use MySQL for persistence

Date: 2016-2-12

## Status

Superseded by [12. Use PostgreSQL](0012-use-postgresql.md)

Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)

## Context

We need a database. The team
knows MySQL.

## Decision

We will use MySQL.

\`\`\`bash
## Status
mysql -u root
\`\`\`

## Consequences

Backups need mysqldump.
`;

const MADR3 = `---
status: accepted
date: 2024-03-05
deciders: Ana, Bo
---
# Use Vitest for unit tests

## Context and Problem Statement

Which test runner?

## Considered Options

* Vitest
* Jest – with ts-jest

## Decision Outcome

Chosen option: "Vitest", because it runs ESM natively.

### Consequences

* Good, because it is fast
* Bad, because the team knows Jest

## Pros and Cons of the Options

### Vitest

* Good, because ESM
`;

describe('importDecisionRecord inline cases', () => {
  it('reads a Nygard record with a Superseded status, a Date line and a fenced "## Status" line', () => {
    const { decision, warnings } = importDecisionRecord({ text: NYGARD_SUPERSEDED });
    expect(warnings).toEqual([]);
    expect(decision).toMatchObject({
      id: 'ADR-0003',
      number: 3,
      title: 'Use MySQL for persistence',
      format: 'nygard',
      status: 'superseded',
      supersededBy: ['ADR-0012'],
      date: '2016-02-12',
      context: 'We need a database. The team knows MySQL.',
      decision: 'We will use MySQL.',
      consequences: 'Backups need mysqldump.',
    });
  });

  it('reads "Superseded by ADR-12" written as plain text', () => {
    const text = '# 5. Title\n\n## Status\n\nSuperseded by ADR-12\n\n## Decision\n\nX.\n';
    expect(importDecisionRecord({ text }).decision).toMatchObject({
      status: 'superseded',
      supersededBy: ['ADR-0012'],
    });
  });

  it('reads MADR 3 front matter status and date and a single Consequences section', () => {
    const { decision, warnings } = importDecisionRecord({
      text: MADR3,
      fileName: 'docs/decisions/0021-use-vitest.md',
    });
    expect(warnings).toEqual([]);
    expect(decision).toMatchObject({
      id: 'ADR-0021',
      format: 'madr',
      status: 'accepted',
      date: '2024-03-05',
      options: ['Vitest', 'Jest – with ts-jest'],
      chosenOption: 'Vitest',
      consequences: '- Good, because it is fast\n- Bad, because the team knows Jest',
    });
  });

  it('reads MADR 4: quoted superseded status, decision-makers, HTML comments, Confirmation kept apart', () => {
    const text = [
      '---',
      '# optional metadata',
      'status: "superseded by [ADR-0005](0005-example.md)"',
      'date: 2024-11-02',
      'decision-makers: a, b',
      '---',
      '',
      '# Use Markdown Any Decision Records',
      '',
      '## Context and Problem Statement <!-- required -->',
      '',
      'We want to record decisions. <!-- comment -->',
      '',
      '## Considered Options',
      '',
      '* [MADR](https://adr.github.io/madr/) 4.0.0 – The Markdown Any Decision Records',
      '  * with a nested detail',
      '* Nygard',
      '',
      '## Decision Outcome',
      '',
      'Chosen option: "MADR 4.0.0", because it is explicit.',
      '',
      '### Consequences',
      '',
      '* Good, because explicit',
      '',
      '### Confirmation',
      '',
      'Reviewed in pull requests.',
      '',
    ].join('\n');
    const { decision, warnings } = importDecisionRecord({ text });
    expect(warnings).toEqual([]);
    expect(decision).toMatchObject({
      id: 'use-markdown-any-decision-records',
      format: 'madr',
      status: 'superseded',
      supersededBy: ['ADR-0005'],
      date: '2024-11-02',
      context: 'We want to record decisions.',
      options: ['MADR 4.0.0 – The Markdown Any Decision Records', 'Nygard'],
      decision: 'Chosen option: "MADR 4.0.0", because it is explicit.',
      consequences: '- Good, because explicit',
      source: { line: 8 },
    });
  });

  it('reads MADR 2 "* Status:" and "* Date:" lines and a superseded-by link', () => {
    const text =
      '# Use Travis\n\n* Status: superseded by [ADR-0012](0012-use-github-actions.md)\n* Date: 12 March 2019\n\n' +
      '## Context and Problem Statement\n\nCI?\n\n## Decision Outcome\n\nChosen option: Travis, because free.\n';
    const { decision } = importDecisionRecord({ text, fileName: '0004-use-travis.md' });
    expect(decision).toMatchObject({
      id: 'ADR-0004',
      status: 'superseded',
      supersededBy: ['ADR-0012'],
      date: '2019-03-12',
      chosenOption: 'Travis',
    });
    const bad = importDecisionRecord({
      text: text.replace('superseded by', 'on hold, see').replace('12 March', '31 Feb'),
    });
    expect(bad.warnings.map((w) => w.line)).toEqual([3, 4]);
  });

  it.each([
    ['# 9. Use plain JUnit5', 9, 'Use plain JUnit5'],
    ['# ADR-0042: Pick a queue', 42, 'Pick a queue'],
    ['# ADR 7 - Split the monolith', 7, 'Split the monolith'],
    ['# 0015 - Keep SQLite', 15, 'Keep SQLite'],
    ['# 2FA for all logins', null, '2FA for all logins'],
  ])('reads the number of %s', (heading, number, title) => {
    const { decision } = importDecisionRecord({ text: `${heading}\n\n## Decision\n\nYes.\n` });
    expect(decision.number).toBe(number);
    expect(decision.title).toBe(title);
    expect(decision.id).toBe(
      number === null ? '2fa-for-all-logins' : `ADR-${String(number).padStart(4, '0')}`,
    );
  });

  it('warns when the title number and the file name disagree, keeping the title number', () => {
    const { decision, warnings } = importDecisionRecord({
      text: '# 4. Use X\n\n## Decision\n\nX.\n',
      fileName: 'docs/adr/0005-use-x.md',
    });
    expect(decision.id).toBe('ADR-0004');
    expect(warnings).toEqual([
      { line: 1, message: expect.stringContaining('file name docs/adr/0005-use-x.md says ADR-0005') },
    ]);
  });

  it('takes the title from the file name when there is none, with a warning', () => {
    const { decision, warnings } = importDecisionRecord({
      text: '## Status\n\nAccepted\n\n## Decision\n\nUse SQLite.\n',
      fileName: '0007-use-sqlite.md',
    });
    expect(decision).toMatchObject({ id: 'ADR-0007', title: 'Use sqlite', status: 'accepted' });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('taken from its file name')]);
  });

  it('warns on an unknown status and an unreadable date, leaving both empty', () => {
    const text = '---\ndate: someday\n---\n# 1. X\n\n## Status\n\nLiving document\n\n## Decision\n\nX.\n';
    const { decision, warnings } = importDecisionRecord({ text });
    expect(decision.status).toBeNull();
    expect(decision.date).toBeNull();
    expect(warnings).toEqual([
      { line: 6, message: expect.stringContaining('Status "Living document" is not one of') },
      { line: 1, message: expect.stringContaining('Date "someday"') },
    ]);
  });

  it.each([
    ['', 'empty'],
    ['   \n\n  ', 'empty'],
    ['\u0000\u0001binary', 'not text'],
    ['# Shopping list\n\n- milk\n- eggs\n', 'No decision record sections'],
    ['random words without structure', 'No decision record sections'],
  ])('throws a PlanImportError with a line and a hint for %j', (text, message) => {
    const error = importError(text);
    expect(error.message).toContain(message);
    expect(error.location.line).toBeGreaterThanOrEqual(1);
    expect(error.hint).toContain('## Decision');
  });

  it('throws when no title can be found anywhere', () => {
    expect(importError('## Decision\n\nYes.\n').message).toBe('The decision record has no title.');
  });
});

describe('looksLikeDecisionRecord', () => {
  it('tells decision records from plans and prose', () => {
    expect(looksLikeDecisionRecord(NYGARD_SUPERSEDED)).toBe(true);
    expect(looksLikeDecisionRecord(MADR3)).toBe(true);
    expect(
      looksLikeDecisionRecord('# Plan\n\n## Week 1\n\n- [ ] T001 Do it\n\n## Status\n\nOn track\n'),
    ).toBe(false);
    expect(looksLikeDecisionRecord('')).toBe(false);
    expect(looksLikeDecisionRecord('```\n## Decision\n## Context\n```\n')).toBe(false);
  });
});

describe('importDecisionRecord on arbitrary text', () => {
  it('either imports or throws PlanImportError, never anything else', () => {
    const pieces = fc.constantFrom(
      '# 1. T\n',
      '## Status\n',
      '## Decision\n',
      '## Considered Options\n',
      '### Consequences\n',
      '---\n',
      'status: x\n',
      '* Status: superseded by [a](0002-x.md)\n',
      '```\n',
      'Chosen option: "',
      '\\(',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }),
        fc.option(fc.string()),
        (parts, name) => {
          try {
            const { decision } = importDecisionRecord({ text: parts.join(''), fileName: name ?? undefined });
            expect(decision.id).not.toBe('');
          } catch (error) {
            expect(error).toBeInstanceOf(PlanImportError);
          }
          expect(typeof looksLikeDecisionRecord(parts.join(''))).toBe('boolean');
        },
      ),
      { numRuns: 150 },
    );
  });
});
