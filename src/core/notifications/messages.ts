/**
 * One notification rendered for each channel: e-mail (text and HTML), Slack and Discord incoming
 * webhooks, and Recital's own JSON webhook. Everything the user wrote is escaped for its channel, and
 * lengths stay within each service's limits.
 */

export interface NotificationMessage {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Where to act on it in Recital; absolute http(s) only, anything else is left out. */
  url: string | null;
  /** ISO 8601 instant. */
  createdAt: string;
  projectName: string | null;
}

/** Slack: a section's text may hold 3 000 characters. */
const SLACK_SECTION_MAX = 3_000;
/** The fallback shows in push notifications and previews: a line, not the whole body. */
const SLACK_FALLBACK_MAX = 300;
/** Title and project name are kept short enough that the fallback always has room for both. */
const SLACK_TITLE_MAX = 150;
const SLACK_PROJECT_MAX = 80;
/** Discord limits (characters): embed title 256, description 4 096, footer 2 048. */
const DISCORD_TITLE_MAX = 256;
const DISCORD_DESCRIPTION_MAX = 4_096;
const DISCORD_FOOTER_MAX = 256;
const SUBJECT_MAX = 200;

/**
 * At most `max` UTF-16 code units, ending in '…' when cut, never splitting a surrogate pair (so it
 * fits a limit counted in code units or in code points alike).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** `raw` cut so that its escaped form fits `max` (cutting after escaping could split an entity). */
function fitEscaped(raw: string, max: number, escape: (text: string) => string): string {
  if (max <= 0) return '';
  let cut = truncate(raw, max);
  for (let escaped = escape(cut); escaped.length > max; escaped = escape(cut)) {
    cut = truncate(raw, cut.length - (escaped.length - max));
  }
  return escape(cut);
}

/** The URL when it is an absolute http(s) URL, normalised; null otherwise (no javascript: links). */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The subject and both bodies of a notification e-mail. */
export function emailContent(m: NotificationMessage): { subject: string; text: string; html: string } {
  const title = oneLine(m.title);
  const project = m.projectName === null ? '' : oneLine(m.projectName);
  const url = safeUrl(m.url);
  const subject = truncate(project ? `[${project}] ${title}` : title, SUBJECT_MAX);
  const footer = project ? `Recital · ${project}` : 'Recital';
  const link = url ? `Open in Recital: ${url}` : '';
  const text = `${[title, m.body.trim(), link, `— ${footer}`].filter(Boolean).join('\n\n')}\n`;
  const paragraphs = m.body
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, '<br>')}</p>`);
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: sans-serif; line-height: 1.5">',
    `<h2>${escapeHtml(title)}</h2>`,
    ...paragraphs,
    ...(url ? [`<p><a href="${escapeHtml(url)}">Open in Recital</a></p>`] : []),
    `<p style="color: #666; font-size: 0.9em">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}

/** Text safe inside HTML elements and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Slack's control characters: &, < and > (and nothing else, or the entities show literally). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Slack incoming-webhook message: `text` as the notification fallback, and one mrkdwn section with
 * the title in bold, the body and a link.
 */
export function slackPayload(m: NotificationMessage): {
  text: string;
  blocks: { type: 'section'; text: { type: 'mrkdwn'; text: string } }[];
} {
  const title = fitEscaped(oneLine(m.title), SLACK_TITLE_MAX, escapeSlack);
  const project = fitEscaped(oneLine(m.projectName ?? ''), SLACK_PROJECT_MAX, escapeSlack);
  const url = safeUrl(m.url);
  // Inside <url|label>, a '|' would end the URL early (the URL parser has already encoded < and >).
  const linked = url ? `\n<${escapeSlack(url.replace(/\|/g, '%7C'))}|Open in Recital>` : '';
  const heading = `*${title}*${project ? ` · ${project}` : ''}`;
  const link = heading.length + linked.length < SLACK_SECTION_MAX / 2 ? linked : '';
  const room = SLACK_SECTION_MAX - heading.length - link.length - 1;
  const section = `${heading}\n${fitEscaped(m.body.trim(), room, escapeSlack)}${link}`;
  const lead = `${project ? `[${project}] ` : ''}${title}`;
  const summary = fitEscaped(oneLine(m.body), SLACK_FALLBACK_MAX - lead.length - 2, escapeSlack);
  const fallback = summary ? `${lead}: ${summary}` : lead;
  return { text: fallback, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: section } }] };
}

export interface DiscordEmbed {
  title: string;
  description?: string;
  url?: string;
  timestamp?: string;
  footer?: { text: string };
}

/**
 * A Discord webhook message: one embed (title ≤ 256, description ≤ 4 096 characters) and no mentions
 * parsed, so an "@everyone" in a task name pings nobody.
 */
export function discordPayload(m: NotificationMessage): {
  embeds: [DiscordEmbed];
  allowed_mentions: { parse: [] };
} {
  const url = safeUrl(m.url);
  const createdMs = Date.parse(m.createdAt);
  const embed: DiscordEmbed = { title: truncate(oneLine(m.title) || m.kind, DISCORD_TITLE_MAX) };
  const body = m.body.trim();
  if (body) embed.description = truncate(body, DISCORD_DESCRIPTION_MAX);
  if (url) embed.url = url;
  if (!Number.isNaN(createdMs)) embed.timestamp = new Date(createdMs).toISOString();
  if (m.projectName !== null && oneLine(m.projectName)) {
    embed.footer = { text: truncate(oneLine(m.projectName), DISCORD_FOOTER_MAX) };
  }
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

/** The JSON body of Recital's generic webhook (documented for receivers; add fields, never rename). */
export function webhookPayload(m: NotificationMessage): NotificationMessage {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    url: m.url,
    createdAt: m.createdAt,
    projectName: m.projectName,
  };
}
