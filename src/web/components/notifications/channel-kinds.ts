import type { z } from 'zod';
import type { ChannelSchema } from '../../../contracts/notifications.contract.js';

export type Channel = z.infer<typeof ChannelSchema>;
export type ChannelKind = Channel['kind'];

interface KindInfo {
  value: ChannelKind;
  label: string;
  name: string;
  hint: string;
  placeholder: string;
}

/** The kinds of channel, with what to call them and where to find their webhook URL. */
export const KINDS: KindInfo[] = [
  {
    value: 'slack',
    label: 'Slack incoming webhook',
    name: 'Slack',
    hint: 'In Slack: Apps → Incoming Webhooks → Add to a channel, then paste its URL.',
    placeholder: 'https://hooks.slack.com/services/…',
  },
  {
    value: 'discord',
    label: 'Discord webhook',
    name: 'Discord',
    hint: 'In Discord: channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.',
    placeholder: 'https://discord.com/api/webhooks/…',
  },
  {
    value: 'webhook',
    label: 'Your own webhook (signed JSON)',
    name: 'Webhook',
    hint: 'An HTTPS endpoint you run. Every request is a signed JSON POST; you get the signing secret once.',
    placeholder: 'https://example.com/hooks/recital',
  },
];

export function kindOf(value: string): ChannelKind {
  return KINDS.find((kind) => kind.value === value)?.value ?? 'webhook';
}
