import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { Id } from './common.js';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    projectId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    url: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationDto = z.infer<typeof NotificationSchema>;

export const listNotifications = endpoint({
  operationId: 'listNotifications',
  method: 'GET',
  path: '/api/v1/notifications',
  summary: 'Your inbox, newest first.',
  tag: 'notifications',
  auth: 'required',
  query: z.object({
    unread: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ items: z.array(NotificationSchema), unreadCount: z.number().int() }),
  status: 200,
});

export const markNotificationsRead = endpoint({
  operationId: 'markNotificationsRead',
  method: 'POST',
  path: '/api/v1/notifications/read',
  summary: 'Mark some (ids) or all of your notifications read.',
  tag: 'notifications',
  auth: 'required',
  body: z.union([
    z.strictObject({ ids: z.array(Id).min(1).max(500) }),
    z.strictObject({ all: z.literal(true) }),
  ]),
  response: z.object({ marked: z.number().int() }),
  status: 200,
});

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a local time as HH:MM (24-hour).');

export const ChannelSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['slack', 'discord', 'webhook']),
    label: z.string(),
    /** Scheme and host only: the full URL is a secret. */
    urlHint: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'NotificationChannel' });

export const NotificationSettingsSchema = z
  .object({
    email: z.boolean(),
    quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    /** Local time of the daily email digest; null sends each email as it happens. */
    digestTime: z.string().nullable(),
    timeZone: z.string(),
    channels: z.array(ChannelSchema),
  })
  .meta({ id: 'NotificationSettings' });

export const getNotificationSettings = endpoint({
  operationId: 'getNotificationSettings',
  method: 'GET',
  path: '/api/v1/notifications/settings',
  summary: 'How you are told: email, chat and webhook channels, quiet hours and the digest.',
  tag: 'notifications',
  auth: 'required',
  response: NotificationSettingsSchema,
  status: 200,
});

export const updateNotificationSettings = endpoint({
  operationId: 'updateNotificationSettings',
  method: 'PATCH',
  path: '/api/v1/notifications/settings',
  summary: 'Change email, quiet hours (in your time zone) or the daily digest time.',
  tag: 'notifications',
  auth: 'required',
  body: z.strictObject({
    email: z.boolean().optional(),
    quietHours: z.strictObject({ start: LocalTime, end: LocalTime }).nullable().optional(),
    digestTime: LocalTime.nullable().optional(),
  }),
  response: NotificationSettingsSchema,
  status: 200,
});

export const addNotificationChannel = endpoint({
  operationId: 'addNotificationChannel',
  method: 'POST',
  path: '/api/v1/notifications/channels',
  summary:
    'Add a Slack or Discord incoming webhook, or a generic webhook (signed with HMAC-SHA256; the secret is shown once).',
  tag: 'notifications',
  auth: 'required',
  body: z.strictObject({
    kind: z.enum(['slack', 'discord', 'webhook']),
    label: z.string().trim().min(1).max(100),
    url: z.string().trim().url().max(2048),
  }),
  response: z.object({ channel: ChannelSchema, secret: z.string().nullable() }),
  status: 201,
});

export const removeNotificationChannel = endpoint({
  operationId: 'removeNotificationChannel',
  method: 'DELETE',
  path: '/api/v1/notifications/channels/:channelId',
  summary: 'Stop sending to a channel.',
  tag: 'notifications',
  auth: 'required',
  params: z.object({ channelId: Id }),
  response: z.null(),
  status: 204,
});
