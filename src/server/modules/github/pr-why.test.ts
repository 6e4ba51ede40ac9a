import { describe, expect, it } from 'vitest';
import { whyFromPullRequestBody } from './pr-why.js';

const lines = (...parts: string[]) => parts.join('\n');

describe('whyFromPullRequestBody', () => {
  it('takes the Why section of a filled-in template, up to the next section', () => {
    const body = lines(
      '## Summary',
      'Retries failed webhook deliveries with backoff.',
      '',
      '## Why',
      'Slack drops about 1% of requests during deploys, and those notifications were lost for good.',
      '',
      'See [the incident](https://example.com/incidents/42).',
      '',
      '## Test plan',
      '- [x] `npm test`',
    );
    expect(whyFromPullRequestBody(body)).toBe(
      lines(
        'Slack drops about 1% of requests during deploys, and those notifications were lost for good.',
        '',
        'See [the incident](https://example.com/incidents/42).',
      ),
    );
  });

  it('gives null for a template whose Why holds only its HTML comment', () => {
    const body = lines(
      '## Summary',
      'Bump eslint.',
      '',
      '## Why',
      '<!-- Why is this change needed? Link the issue. -->',
      '',
      '## Test plan',
      '<!-- How did you test it? -->',
    );
    expect(whyFromPullRequestBody(body)).toBeNull();
  });

  it('drops the template hint and keeps what the author wrote, without a gap', () => {
    const body = lines(
      '## Why',
      '<!--',
      '  Why is this change needed?',
      '-->',
      '',
      'Reviewers could not tell which plan task a commit belonged to.',
      '',
      '## Test plan',
    );
    expect(whyFromPullRequestBody(body)).toBe(
      'Reviewers could not tell which plan task a commit belonged to.',
    );
    expect(whyFromPullRequestBody('## Why\nFirst <!-- hint --> second.\n')).toBe('First  second.');
  });

  it('does not count a "## Why" inside a code block, and keeps code blocks that are in the section', () => {
    const onlyInCode = lines('## Summary', 'Adds a template:', '', '```md', '## Why', 'Explain here.', '```');
    expect(whyFromPullRequestBody(onlyInCode)).toBeNull();

    const codeInWhy = lines(
      '## Why',
      'The old parser read:',
      '',
      '```md',
      '# Why',
      'x',
      '```',
      '',
      '## Test plan',
    );
    expect(whyFromPullRequestBody(codeInWhy)).toBe(
      lines('The old parser read:', '', '```md', '# Why', 'x', '```'),
    );
  });

  it('does not count a Why quoted from elsewhere', () => {
    expect(whyFromPullRequestBody(lines('> ## Why', '> Someone else’s reason.'))).toBeNull();
  });

  it('keeps deeper headings and stops at one of the same or a higher level', () => {
    const body = lines(
      '# Faster imports',
      '### Why?',
      'Imports took 9 s on big plans.',
      '#### Numbers',
      '| plan | before | after |',
      '| --- | --- | --- |',
      '| 400 tasks | 9 s | 0.4 s |',
      '## Rollout',
      'Behind a flag.',
    );
    expect(whyFromPullRequestBody(body)).toBe(
      lines(
        'Imports took 9 s on big plans.',
        '#### Numbers',
        '| plan | before | after |',
        '| --- | --- | --- |',
        '| 400 tasks | 9 s | 0.4 s |',
      ),
    );
  });

  it.each([
    ['# Why', 'h1'],
    ['###### why', 'h6, lower case'],
    ['## WHY THIS CHANGE', 'upper case, with words after'],
    ['## Why this change?', 'a question'],
    ['## Why:', 'a colon'],
    ['## 💡 Why', 'an emoji first'],
    ['## *Why*', 'emphasis'],
    ['Why\n---', 'a setext heading'],
  ])('recognises %j (%s)', (heading) => {
    expect(whyFromPullRequestBody(`${heading}\nBecause.\n`)).toBe('Because.');
  });

  it.each([['## What and why'], ['## Whyte notation'], ['## Summary']])('does not take %j', (heading) => {
    expect(whyFromPullRequestBody(`${heading}\nBecause.\n`)).toBeNull();
  });

  it('reads a bold Why label, inline or on its own line, up to the next label', () => {
    // Labels on consecutive lines make one paragraph; each still closes the one before.
    const oneParagraph = lines(
      '**What:** cache the plan.',
      '**Why:** it was parsed on every request.',
      '**Risk:** low',
    );
    expect(whyFromPullRequestBody(oneParagraph)).toBe('it was parsed on every request.');
    expect(whyFromPullRequestBody('**What:** cache.  \n**Why**\nparsed on every request')).toBe(
      'parsed on every request',
    );
    expect(
      whyFromPullRequestBody(
        '**What:** cache the plan.\n\n**Why**: it was parsed on every request.\n\n**Risk:** low',
      ),
    ).toBe('it was parsed on every request.');
    expect(
      whyFromPullRequestBody(
        lines('**Why**', '', 'Two reasons:', '', '1. speed', '2. cost', '', '## Testing'),
      ),
    ).toBe(lines('Two reasons:', '', '1. speed', '2. cost'));
  });

  it('does not take bold words inside a sentence for a label', () => {
    expect(whyFromPullRequestBody('**Why** this matters is unclear to me.')).toBeNull();
  });

  it('leaves out a trailing separator and takes the first Why that says something', () => {
    const body = lines('## Why', '<!-- fill me -->', '', '## Why', 'Because.', '', '---', '', '## Notes');
    expect(whyFromPullRequestBody(body)).toBe('Because.');
  });

  it('keeps the body’s own line endings', () => {
    expect(whyFromPullRequestBody('## Why\r\nLine one.\r\nLine two.\r\n\r\n## Test\r\n')).toBe(
      'Line one.\r\nLine two.',
    );
  });

  it.each([[null], [''], ['   \n'], ['Just a description, no sections.']])('gives null for %j', (body) => {
    expect(whyFromPullRequestBody(body)).toBeNull();
  });
});
