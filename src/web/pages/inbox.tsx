import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  listNotifications,
  markNotificationsRead,
  type NotificationDto,
} from '../../contracts/notifications.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { humanMessage } from '../lib/api-errors.js';
import { formatInstant } from '../lib/format.js';
import { useLiveEvents } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useUnread } from '../lib/unread.js';
import { useQuery } from '../lib/use-query.js';
import { relativeTime, useNow } from '../lib/when.js';
import '../styles/inbox.css';

const PAGE = 50;
/** The API answers at most this many at once (and has no cursor for older ones). */
const MAX = 200;

const KIND_LABELS: Record<string, string> = {
  'contract.committed': 'Commitment',
  'contract.changed': 'Commitment changed',
  'contract.approved': 'Change approved',
  'checkpoint.submitted': 'Proof submitted',
  'checkpoint.approved': 'Checkpoint approved',
  'checkpoint.rejected': 'Checkpoint rejected',
  'checkpoint.missed': 'Checkpoint missed',
  'checkpoint.at_risk': 'Checkpoint at risk',
  'review.reminder': 'Review reminder',
  'review.escalated': 'Review escalated',
  'cohort.nudge': 'Note from an organizer',
  'day.nudge_builder': 'Skipped days',
  'day.notify_witness': 'Skipped days',
  'day.mark_stalled': 'Project stalled',
  'day.require_replan': 'Re-plan required',
};

function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? 'Update';
}

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** Bodies may name instants in ISO form ("apply on 2026-03-09T17:00:00.000Z"); show them in the reader's zone. */
function readableInstants(body: string, timeZone: string): string {
  return body.replace(ISO_INSTANT, (iso) => formatInstant(iso, timeZone));
}

/** Only paths inside the app become links; anything else is shown without one. */
function appPath(url: string | null): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return null;
  return url;
}

interface ItemProps {
  item: NotificationDto;
  now: number;
  timeZone: string;
  busy: boolean;
  onRead(ids: string[]): void;
  /** Following the link: the item is read, and the page it opens replaces this one. */
  onOpen(id: string): void;
}

function NotificationItem({ item, now, timeZone, busy, onRead, onOpen }: ItemProps) {
  const unread = item.readAt === null;
  const path = appPath(item.url);
  const absolute = formatInstant(item.createdAt, timeZone);
  return (
    <li className={unread ? 'inbox-item inbox-item-unread' : 'inbox-item'} data-testid="inbox-item">
      <div className="inbox-item-main">
        <p className="inbox-meta">
          {unread && <span className="unread-tag">Unread</span>}
          <span>{kindLabel(item.kind)}</span>
        </p>
        <h3 className="inbox-title">
          {path ? (
            <Link to={path} onClick={() => unread && onOpen(item.id)}>
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </h3>
        {item.body && <p className="inbox-body">{readableInstants(item.body, timeZone)}</p>}
        <p className="muted">
          <time dateTime={item.createdAt} title={absolute}>
            {/* Something that happened is never "in 1 minute", whatever this device's clock says. */}
            {relativeTime(item.createdAt, Math.max(now, Date.parse(item.createdAt)))}
          </time>{' '}
          · {absolute}
        </p>
      </div>
      {unread && (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          aria-label={`Mark “${item.title}” as read`}
          onClick={() => onRead([item.id])}
        >
          Mark read
        </button>
      )}
    </li>
  );
}

export function InboxPage() {
  const api = useApi();
  const user = useUser();
  const unread = useUnread();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const onlyUnread = params.get('show') === 'unread';
  const [limit, setLimit] = useState(PAGE);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef<Set<string> | null>(null);

  const { set: setUnread, refresh: refreshUnread } = unread;
  // The limit is not part of the key, so showing older notifications keeps the list on screen meanwhile.
  const inbox = useQuery(`inbox:${onlyUnread}`, async () => {
    const answer = await api.call(listNotifications, {
      query: { unread: onlyUnread ? 'true' : 'false', limit },
    });
    setUnread(answer.unreadCount);
    // Say what arrived while the page was open; the first answer is just the inbox.
    const before = seen.current;
    const fresh = before ? answer.items.filter((item) => !before.has(item.id)) : [];
    if (fresh[0]) {
      setAnnouncement(
        fresh.length === 1 ? `New notification: ${fresh[0].title}` : `${fresh.length} new notifications`,
      );
    }
    seen.current = new Set([...(before ?? []), ...answer.items.map((item) => item.id)]);
    return answer;
  });

  useLiveEvents(() => inbox.reload());

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    setBusy(true);
    setActionError(null);
    try {
      await api.call(markNotificationsRead, { body });
    } catch (error) {
      setActionError(humanMessage(error));
    } finally {
      setBusy(false);
      inbox.reload();
    }
  };

  const open = (id: string) => {
    api.call(markNotificationsRead, { body: { ids: [id] } }).then(refreshUnread, () => undefined);
  };

  const show = (which: 'all' | 'unread') => {
    setLimit(PAGE);
    setParams(which === 'unread' ? { show: 'unread' } : {}, { replace: true });
  };

  const data = inbox.data;
  const unreadCount = data?.unreadCount ?? unread.count ?? 0;

  return (
    <div className="stack">
      <title>{unreadCount > 0 ? `Inbox (${unreadCount}) · Recital` : 'Inbox · Recital'}</title>
      <div>
        <h1>Inbox</h1>
        <p className="lead">
          {data
            ? unreadCount === 0
              ? 'Nothing unread.'
              : `${unreadCount} unread ${unreadCount === 1 ? 'notification' : 'notifications'}.`
            : 'What happened in your projects, newest first.'}{' '}
          Times are in {user.timeZone.replaceAll('_', ' ')}.
        </p>
      </div>

      <div className="inbox-toolbar">
        <div className="segmented" role="group" aria-label="Show">
          <button
            type="button"
            className="segmented-option"
            aria-pressed={!onlyUnread}
            onClick={() => show('all')}
          >
            All
          </button>
          <button
            type="button"
            className="segmented-option"
            aria-pressed={onlyUnread}
            onClick={() => show('unread')}
          >
            Unread only
          </button>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || unreadCount === 0}
          onClick={() => void markRead({ all: true })}
        >
          Mark all as read
        </button>
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {actionError && (
        <p className="alert alert-error" role="alert">
          {actionError}
        </p>
      )}

      <section className="card inbox-card" aria-labelledby="inbox-list-heading">
        <h2 id="inbox-list-heading" className="visually-hidden">
          {onlyUnread ? 'Unread notifications' : 'All notifications'}
        </h2>
        {inbox.loading && !data && <Loading />}
        {inbox.error !== undefined && !data && <LoadError error={inbox.error} onRetry={inbox.reload} />}
        {data?.items.length === 0 && (
          <p className="empty">
            {onlyUnread
              ? 'You have read everything.'
              : 'No notifications yet. Reviews, missed checkpoints, changes to a commitment and notes from organizers will appear here.'}
          </p>
        )}
        {data && data.items.length > 0 && (
          <ul className="inbox-list">
            {data.items.map((item) => (
              <NotificationItem
                key={item.id}
                item={item}
                now={now}
                timeZone={user.timeZone}
                busy={busy}
                onRead={(ids) => void markRead({ ids })}
                onOpen={open}
              />
            ))}
          </ul>
        )}
        {data && data.items.length >= limit && limit < MAX && (
          <div className="inbox-more">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setLimit((n) => Math.min(n + PAGE, MAX));
                inbox.reload();
              }}
            >
              Show older notifications
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
