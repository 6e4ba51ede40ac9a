import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discordPayload,
  emailContent,
  escapeHtml,
  escapeSlack,
  safeUrl,
  slackPayload,
  truncate,
  webhookPayload,
  type NotificationMessage,
} from './messages.js';

const message = (overrides: Partial<NotificationMessage> = {}): NotificationMessage => ({
  id: 'ntf_1',
  kind: 'checkpoint.submitted',
  title: 'Checkpoint "Beta" submitted',
  body: 'Grace submitted proof for <Beta> & asks for review.\n\nSecond paragraph.',
  url: 'https://recital.example.com/p/apollo/checkpoints/beta',
  createdAt: '2026-04-14T07:30:00.000Z',
  projectName: 'Apollo',
  ...overrides,
});

describe('truncate', () => {
  it('keeps short text, cuts long text with an ellipsis, never halves a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc', 0)).toBe('');
  });
});

describe('safeUrl', () => {
  it('keeps absolute http(s) URLs and drops everything else', () => {
    expect(safeUrl('https://recital.example.com/x?a=1&b=2')).toBe('https://recital.example.com/x?a=1&b=2');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('emailContent', () => {
  it('prefixes the subject with the project and writes text and HTML bodies', () => {
    const { subject, text, html } = emailContent(message());
    expect(subject).toBe('[Apollo] Checkpoint "Beta" submitted');
    expect(text).toBe(
      [
        'Checkpoint "Beta" submitted',
        '',
        'Grace submitted proof for <Beta> & asks for review.',
        '',
        'Second paragraph.',
        '',
        'Open in Recital: https://recital.example.com/p/apollo/checkpoints/beta',
        '',
        '— Recital · Apollo',
        '',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Checkpoint &#34;Beta&#34; submitted</h2>');
    expect(html).toContain('<p>Grace submitted proof for &#60;Beta&#62; &#38; asks for review.</p>');
    expect(html).toContain('<p>Second paragraph.</p>');
    expect(html).toContain(
      '<a href="https://recital.example.com/p/apollo/checkpoints/beta">Open in Recital</a>',
    );
  });

  it('keeps line breaks out of the subject and unsafe links out of both bodies', () => {
    const { subject, text, html } = emailContent(
      message({ title: 'Hi\r\nBcc: victim@example.com', url: 'javascript:alert(1)', projectName: null }),
    );
    expect(subject).toBe('Hi Bcc: victim@example.com');
    expect(text).not.toContain('javascript');
    expect(html).not.toContain('javascript');
    expect(text.endsWith('— Recital\n')).toBe(true);
    expect(emailContent(message({ body: ' ', url: null, projectName: null })).text).toBe(
      'Checkpoint "Beta" submitted\n\n— Recital\n',
    );
  });

  it('lets no markup from any field through', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.option(fc.string()), (title, body, projectName) => {
        const { html, subject } = emailContent(message({ title, body, projectName, url: null }));
        const stripped = html.replace(
          /<\/?(!doctype html|html|head|meta charset="utf-8"|title|body[^>]*|h2|p[^>]*|br)>/g,
          '',
        );
        expect(stripped).not.toMatch(/[<>]/);
        expect(subject).not.toMatch(/[\r\n]/);
        expect(subject.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});

describe('slackPayload', () => {
  it('sends a bold title, the body and a link in one mrkdwn section, with a plain fallback', () => {
    const payload = slackPayload(message());
    expect(payload).toEqual({
      text: '[Apollo] Checkpoint "Beta" submitted: Grace submitted proof for &lt;Beta&gt; &amp; asks for review. Second paragraph.',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '*Checkpoint "Beta" submitted* · Apollo\n' +
              'Grace submitted proof for &lt;Beta&gt; &amp; asks for review.\n\nSecond paragraph.\n' +
              '<https://recital.example.com/p/apollo/checkpoints/beta|Open in Recital>',
          },
        },
      ],
    });
  });

  it('escapes only &, < and >, so "<!channel>" and fake links stay text', () => {
    expect(escapeSlack('<!channel> <https://evil|click> & "quotes"')).toBe(
      '&lt;!channel&gt; &lt;https://evil|click&gt; &amp; "quotes"',
    );
    const { blocks } = slackPayload(message({ title: '<!here>', url: 'https://x.example/a|b?q=<1>&r=2' }));
    const text = blocks[0]?.text.text ?? '';
    expect(text).toContain('*&lt;!here&gt;*');
    expect(text).toContain('<https://x.example/a%7Cb?q=%3C1%3E&amp;r=2|Open in Recital>');
  });

  it('stays within Slack limits and never cuts an entity in half', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 5_000 }),
        fc.constantFrom('&', '<', 'a'),
        (title, body, filler) => {
          const payload = slackPayload(message({ title, body: body + filler.repeat(3_500) }));
          const section = payload.blocks[0]?.text.text ?? '';
          expect(section.length).toBeLessThanOrEqual(3_000);
          expect(payload.text.length).toBeLessThanOrEqual(300);
          for (const text of [section, payload.text]) {
            const bare = text.replace(
              /<https:\/\/recital\.example\.com\/p\/apollo\/checkpoints\/beta\|Open in Recital>/,
              '',
            );
            expect(bare).not.toMatch(/[<>]/);
            expect(bare).not.toMatch(/&(?!amp;|lt;|gt;)/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('discordPayload', () => {
  it('sends one embed and parses no mentions', () => {
    expect(discordPayload(message({ body: '@everyone look' }))).toEqual({
      embeds: [
        {
          title: 'Checkpoint "Beta" submitted',
          description: '@everyone look',
          url: 'https://recital.example.com/p/apollo/checkpoints/beta',
          timestamp: '2026-04-14T07:30:00.000Z',
          footer: { text: 'Apollo' },
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('leaves out what is empty or unsafe', () => {
    const [embed] = discordPayload(
      message({ body: '  ', url: 'ftp://x', projectName: null, createdAt: 'soon' }),
    ).embeds;
    expect(embed).toEqual({ title: 'Checkpoint "Beta" submitted' });
  });

  it('keeps titles within 256 and descriptions within 4 096 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.string({ unit: 'binary', maxLength: 9_000 }),
        (title, body) => {
          const [embed] = discordPayload(message({ title: title || 'x', body })).embeds;
          expect(embed.title.length).toBeLessThanOrEqual(256);
          expect((embed.description ?? '').length).toBeLessThanOrEqual(4_096);
          expect(embed.title).not.toMatch(/[\uD800-\uDBFF]$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('webhookPayload', () => {
  it('is the message as documented, nothing more', () => {
    const m = message();
    expect(webhookPayload({ ...m, extra: 'no' } as NotificationMessage)).toEqual(m);
    expect(Object.keys(webhookPayload(m))).toEqual([
      'id',
      'kind',
      'title',
      'body',
      'url',
      'createdAt',
      'projectName',
    ]);
  });
});
