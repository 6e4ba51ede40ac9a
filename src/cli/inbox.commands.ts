import { Argument, type Command, InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import {
  type NotificationDto,
  type NotificationSettingsSchema,
  addNotificationChannel,
  getNotificationSettings,
  listNotifications,
  markNotificationsRead,
  removeNotificationChannel,
  updateNotificationSettings,
} from '../contracts/notifications.contract.js';
import { formatInstant, viewerTimeZone } from './checkpoint.output.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import { CliError, EXIT_USAGE } from './errors.js';
import { examples } from './help.js';
import { formatTable, sanitize } from './output.js';

type Settings = z.infer<typeof NotificationSettingsSchema>;
type Channel = Settings['channels'][number];

const CHANNEL_KINDS = ['slack', 'discord', 'webhook'] as const;
const MAX_LIMIT = 200;

// ---------------------------------------------------------------------------------------------
// Flags

function parseLimit(value: string): number {
  const number = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(number >= 1 && number <= MAX_LIMIT))
    throw new InvalidArgumentError(`Expected a whole number from 1 to ${MAX_LIMIT}.`);
  return number;
}

/** `on`/`off` (also yes/no, true/false). */
export function parseOnOff(value: string): boolean {
  const word = value.trim().toLowerCase();
  if (['on', 'yes', 'true'].includes(word)) return true;
  if (['off', 'no', 'false'].includes(word)) return false;
  throw new InvalidArgumentError('Expected on or off.');
}

function localTime(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const isOff = (value: string) => ['off', 'none', 'no'].includes(value.trim().toLowerCase());

/** What `off` parses to (commander turns a parsed null into ''). */
export const OFF = 'off';

/**
 * `--quiet 22:00-07:00` (local times; may wrap past midnight) or `off`.
 *
 * @example
 * parseQuietHours('22:00-7:00'); // { start: '22:00', end: '07:00' }
 */
export function parseQuietHours(value: string): { start: string; end: string } | typeof OFF {
  if (isOff(value)) return OFF;
  const [from, to, ...rest] = value.split('-');
  const start = from === undefined ? null : localTime(from);
  const end = to === undefined ? null : localTime(to);
  if (!start || !end || rest.length > 0)
    throw new InvalidArgumentError('Expected START-END in 24-hour local time, e.g. 22:00-07:00, or off.');
  return { start, end };
}

/** `--digest 08:00` or `off`. */
export function parseDigestTime(value: string): string {
  if (isOff(value)) return OFF;
  const time = localTime(value);
  if (!time) throw new InvalidArgumentError('Expected a 24-hour local time such as 08:00, or off.');
  return time;
}

// ---------------------------------------------------------------------------------------------
// Presentation

export function formatInbox(
  result: { items: NotificationDto[]; unreadCount: number },
  zone: string,
  unreadOnly: boolean,
): string {
  const { items, unreadCount } = result;
  if (items.length === 0) return unreadOnly ? 'No unread notifications.\n' : 'Your inbox is empty.\n';
  const lines = [`Inbox: ${unreadCount} unread (times in ${zone}; * marks unread)`];
  for (const item of items) {
    lines.push(
      sanitize(
        `${item.readAt ? ' ' : '*'} ${formatInstant(item.createdAt, zone)}  ${item.kind}  ${item.title}  [${item.id}]`,
      ),
    );
    if (item.body) lines.push(`    ${sanitize(item.body)}`);
  }
  if (unreadCount > 0) lines.push('Mark them read with `recital inbox read --all` (or give ids).');
  return `${lines.join('\n')}\n`;
}

export function formatSettings(settings: Settings): string {
  const email = !settings.email
    ? 'off'
    : settings.digestTime
      ? `on, one daily digest at ${settings.digestTime}`
      : 'on, each as it happens';
  const quiet = settings.quietHours
    ? `${settings.quietHours.start}-${settings.quietHours.end} (nothing is sent then; it waits)`
    : 'none';
  const lines = [
    `Email:        ${email}`,
    `Quiet hours:  ${quiet}`,
    `Digest:       ${settings.digestTime ?? 'off'}`,
    `Time zone:    ${settings.timeZone}`,
  ].map(sanitize);
  if (settings.channels.length === 0)
    lines.push('Channels:     none (add one with `recital notify add slack|discord|webhook URL --label L`)');
  else
    lines.push(
      'Channels:',
      formatTable<Channel>(
        [
          { header: '  ID', value: (c) => `  ${c.id}` },
          { header: 'KIND', value: (c) => c.kind },
          { header: 'LABEL', value: (c) => c.label },
          { header: 'URL', value: (c) => c.urlHint },
        ],
        settings.channels,
      ).trimEnd(),
    );
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Commands

export function registerInboxCommands(program: Command, deps: CliDeps): void {
  const inbox = program
    .command('inbox')
    .description('Your notifications: proof to review, reviews of your work, reminders, contract changes.')
    .addHelpText('after', examples(['recital inbox --unread', 'recital inbox read --all']));
  inbox
    .command('list', { isDefault: true })
    .description('Newest first; listing marks nothing read.')
    .option('--unread', 'only what you have not read')
    .option('--limit <n>', `at most this many (1-${MAX_LIMIT}, default 50)`, parseLimit)
    .addHelpText('after', examples(['recital inbox', 'recital inbox --unread --limit 10']))
    .action(action(deps, list));
  inbox
    .command('read')
    .description('Mark notifications read: the ids given, or all of them.')
    .argument('[ids...]', 'notification ids (from `recital inbox`)')
    .option('--all', 'every notification')
    .addHelpText('after', examples(['recital inbox read --all', 'recital inbox read 01JQ3Z… 01JQ40…']))
    .action(action(deps, read));

  const notify = program
    .command('notify')
    .description('How you are told: email, quiet hours, a daily digest, Slack, Discord and webhooks.')
    .addHelpText(
      'after',
      examples([
        'recital notify',
        'recital notify set --quiet 22:00-07:00',
        'recital notify add slack https://hooks.slack.com/services/T0/B0/XXXX --label "#accountability"',
      ]),
    );
  notify
    .command('show', { isDefault: true })
    .description('Your notification settings and channels.')
    .addHelpText('after', examples(['recital notify', 'recital notify show --json']))
    .action(action(deps, show));
  notify
    .command('set')
    .description('Change email, quiet hours or the daily digest (times are in your time zone).')
    .option('--email <on|off>', 'send email at all', parseOnOff)
    .option('--quiet <range|off>', 'hold everything during these hours, e.g. 22:00-07:00', parseQuietHours)
    .option('--digest <time|off>', 'one email a day at this time instead of one per event', parseDigestTime)
    .addHelpText(
      'after',
      examples(['recital notify set --quiet 22:00-07:00 --digest 08:00', 'recital notify set --email off']),
    )
    .action(action(deps, set));
  notify
    .command('add')
    .description('Send notifications to a Slack or Discord incoming webhook, or to your own webhook.')
    .addArgument(new Argument('<kind>', 'where to').choices(CHANNEL_KINDS))
    .argument('<url>', 'the incoming webhook URL (kept secret; only its host is shown again)')
    .requiredOption('--label <label>', 'a name for it, e.g. "#accountability"')
    .addHelpText(
      'after',
      examples([
        'recital notify add slack https://hooks.slack.com/services/T0/B0/XXXX --label "#accountability"',
        'recital notify add webhook https://example.com/recital --label "my bot"',
      ]),
    )
    .action(action(deps, add));
  notify
    .command('remove')
    .description('Stop sending to a channel.')
    .argument('<id>', 'the channel id (see `recital notify`)')
    .addHelpText('after', examples(['recital notify remove 01JQ3Z…']))
    .action(action(deps, remove));
}

async function list(context: CommandContext, options: { unread?: boolean; limit?: number }): Promise<void> {
  const { api } = await context.session();
  const result = await api.call(listNotifications, {
    query: {
      ...(options.unread ? { unread: 'true' as const } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
    },
  });
  const zone = result.items.length > 0 ? await viewerTimeZone(api) : 'UTC';
  context.out.result(result, () => formatInbox(result, zone, options.unread === true));
}

async function read(context: CommandContext, ids: string[], options: { all?: boolean }): Promise<void> {
  if (options.all && ids.length > 0)
    throw new CliError('give ids or --all, not both', { exitCode: EXIT_USAGE });
  if (!options.all && ids.length === 0)
    throw new CliError('which notifications?', {
      hint: 'give their ids (see `recital inbox`), or --all',
      exitCode: EXIT_USAGE,
    });
  const { api } = await context.session();
  const result = await api.call(markNotificationsRead, { body: options.all ? { all: true } : { ids } });
  context.out.result(
    result,
    () => `Marked ${result.marked} notification${result.marked === 1 ? '' : 's'} read.\n`,
  );
}

async function show(context: CommandContext): Promise<void> {
  const { api } = await context.session();
  const settings = await api.call(getNotificationSettings, {});
  context.out.result(settings, () => formatSettings(settings));
}

interface SetOptions {
  email?: boolean;
  quiet?: { start: string; end: string } | typeof OFF;
  digest?: string;
}

async function set(context: CommandContext, options: SetOptions): Promise<void> {
  if (options.email === undefined && options.quiet === undefined && options.digest === undefined)
    throw new CliError('nothing to change', {
      hint: 'give --email on|off, --quiet 22:00-07:00|off or --digest 08:00|off',
      exitCode: EXIT_USAGE,
    });
  const { api } = await context.session();
  const settings = await api.call(updateNotificationSettings, {
    body: {
      ...(options.email === undefined ? {} : { email: options.email }),
      ...(options.quiet === undefined ? {} : { quietHours: options.quiet === OFF ? null : options.quiet }),
      ...(options.digest === undefined ? {} : { digestTime: options.digest === OFF ? null : options.digest }),
    },
  });
  context.out.result(settings, () => `Saved.\n${formatSettings(settings)}`);
}

async function add(
  context: CommandContext,
  kind: (typeof CHANNEL_KINDS)[number],
  url: string,
  options: { label: string },
): Promise<void> {
  const { api } = await context.session();
  const result = await api.call(addNotificationChannel, { body: { kind, url, label: options.label } });
  const { channel, secret } = result;
  context.out.result(result, () => {
    const lines = [
      sanitize(`Added ${channel.kind} channel "${channel.label}" (${channel.urlHint}), id ${channel.id}.`),
    ];
    if (secret)
      lines.push(
        `Signing secret: ${secret}`,
        'Deliveries are signed with it (X-Recital-Signature: HMAC-SHA256). Store it now: it will not be shown again.',
      );
    return `${lines.join('\n')}\n`;
  });
}

async function remove(context: CommandContext, id: string): Promise<void> {
  const { api } = await context.session();
  await api.call(removeNotificationChannel, { params: { channelId: id } });
  context.out.result({ removed: id }, () => `Removed channel ${id}; nothing more is sent to it.\n`);
}
