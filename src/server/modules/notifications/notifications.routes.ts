import type { FastifyInstance } from 'fastify';
import {
  addNotificationChannel,
  getNotificationSettings,
  listNotifications,
  markNotificationsRead,
  removeNotificationChannel,
  updateNotificationSettings,
} from '../../../contracts/notifications.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as notifications from './notifications.usecases.js';

export function notificationsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, listNotifications, async ({ actor, query }) =>
    notifications.listNotifications(deps, actor, query),
  );
  addRoute(app, options, markNotificationsRead, async ({ actor, body }) =>
    notifications.markRead(deps, actor, body),
  );
  addRoute(app, options, getNotificationSettings, async ({ actor }) =>
    notifications.getSettings(deps, actor),
  );
  addRoute(app, options, updateNotificationSettings, async ({ actor, body }) =>
    notifications.updateSettings(deps, actor, body),
  );
  addRoute(app, options, addNotificationChannel, async ({ actor, body }) =>
    notifications.addChannel(deps, actor, body),
  );
  addRoute(app, options, removeNotificationChannel, async ({ actor, params }) =>
    notifications.removeChannel(deps, actor, params.channelId),
  );
}
