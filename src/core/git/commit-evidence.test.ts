import { describe, expect, it } from 'vitest';
import { commitMeaning, taskNumbers, whyTrailer, type ReportedCommit } from './commit-evidence.js';

const SHA = 'a'.repeat(40);

function commit(overrides: Partial<ReportedCommit> = {}): ReportedCommit {
  return {
    sha: SHA,
    authorName: 'Ada Lovelace',
    authorEmail: 'Ada@Example.com',
    committerName: 'Ada Lovelace',
    committerEmail: 'ada@example.com',
    message: 'Add the sign-in form',
    branch: null,
    files: [{ path: 'src/sign-in.tsx', added: 40, deleted: 2 }],
    ...overrides,
  };
}

const context = {
  builderEmails: new Set(['ada@example.com']),
  taskIds: ['T001', 'T012', 'T013', '1.2', 'week-1.t3'],
  githubConnected: false,
};

describe('taskNumbers', () => {
  it('numbers spec-kit and numeric ids and drops numbers two tasks share', () => {
    expect(taskNumbers(['T001', '12', '012', 'T7', '1.2', 'week-1.t3'])).toEqual(
      new Map([
        [1, 'T001'],
        [7, 'T7'],
      ]),
    );
  });
});

describe('whyTrailer', () => {
  it('reads the Why trailer, in any case, and nothing else', () => {
    expect(whyTrailer('Fix login\n\nWhy: sessions expired while typing\nSigned-off-by: Ada <a@x.org>')).toBe(
      'sessions expired while typing',
    );
    expect(whyTrailer('Fix login\n\nwhy: because')).toBe('because');
    expect(whyTrailer('Why: a subject line is not a trailer')).toBeNull();
    expect(whyTrailer('Fix\n\nSigned-off-by: Ada <a@x.org>')).toBeNull();
  });
});

describe('commitMeaning', () => {
  it('makes the builder’s own commit evidence, with its lines and task links', () => {
    const meaning = commitMeaning(
      commit({
        message: 'Fixes T12: keep input on expiry\n\nAlso touches T001.',
        branch: 'feature/T013-session',
        files: [
          { path: 'src/session.ts', added: 10, deleted: 4 },
          { path: 'package-lock.json', added: 300, deleted: 120 },
          { path: 'logo.png', added: null, deleted: null },
        ],
      }),
      context,
    );
    expect(meaning).toMatchObject({
      isBot: false,
      isEvidence: true,
      filesChanged: 3,
      additions: 10,
      deletions: 4,
      generatedLines: 420,
      attribution: { kind: 'human' },
    });
    expect(meaning.taskLinks).toEqual([
      { taskId: 'T001', ref: 'T1', closes: false, source: 'message' },
      { taskId: 'T012', ref: 'T12', closes: true, source: 'message' },
      { taskId: 'T013', ref: 'T13', closes: false, source: 'branch' },
    ]);
    expect(meaning.facts).toEqual([
      { sha: SHA, person: 'ada@example.com', kind: 'authored', source: 'commit' },
    ]);
  });

  it('is not evidence when someone else or a bot made it', () => {
    expect(commitMeaning(commit({ authorEmail: 'grace@example.com' }), context).isEvidence).toBe(false);
    const bot = commitMeaning(
      commit({
        authorName: 'dependabot[bot]',
        authorEmail: '49699333+dependabot[bot]@users.noreply.github.com',
        message: 'Bump vite from 8.3.4 to 8.3.5',
      }),
      { ...context, builderEmails: new Set(['49699333+dependabot[bot]@users.noreply.github.com']) },
    );
    expect(bot).toMatchObject({ isBot: true, isEvidence: false, facts: [] });
  });

  it('attributes an AI-assisted commit and records its why-note and reviewer as understanding', () => {
    const meaning = commitMeaning(
      commit({
        message: [
          'Retry webhook deliveries with backoff',
          '',
          'Why: a receiver that blips must not lose events; jitter spreads retries.',
          'Reviewed-by: Grace Hopper <grace@example.com>',
          'Co-Authored-By: Claude <noreply@anthropic.com>',
        ].join('\n'),
      }),
      context,
    );
    expect(meaning.attribution).toMatchObject({ kind: 'ai_assisted', tool: 'claude-code' });
    expect(meaning.isEvidence).toBe(true);
    expect(meaning.facts).toEqual([
      { sha: SHA, person: 'grace@example.com', kind: 'reviewed', source: 'reviewed_by' },
      {
        sha: SHA,
        person: 'ada@example.com',
        kind: 'explained',
        text: 'a receiver that blips must not lose events; jitter spreads retries.',
        source: 'why_trailer',
      },
    ]);
  });

  it('reads #12 as a task only where it cannot be a GitHub issue', () => {
    const message = 'Closes #12';
    expect(commitMeaning(commit({ message }), context).taskLinks).toEqual([
      { taskId: 'T012', ref: '#12', closes: true, source: 'message' },
    ]);
    expect(commitMeaning(commit({ message }), { ...context, githubConnected: true }).taskLinks).toEqual([]);
  });
});
