/**
 * Server-sent events for open pages: `GET /api/v1/events` (session cookie or token), `text/event-stream`.
 * Each event is `event: notification` with `data: {"kind", "projectId", "notificationId"}`; a page
 * refetches what the kind concerns. Comments (`: keep-alive`) arrive every 25 s.
 */
export const EVENTS_PATH = '/api/v1/events';

export interface LiveEvent {
  kind: string;
  projectId: string | null;
  notificationId: string;
}
