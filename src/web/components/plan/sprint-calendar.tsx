import { useState } from 'react';
import type { Days } from '../../../contracts/days.contract.js';
import type { ScheduleResponse } from '../../../contracts/schedule.contract.js';
import {
  addDays,
  dateRange,
  daysBetween,
  formatDate,
  formatMinutes,
  formatWeekday,
  startOfWeek,
} from '../charts/local-dates.js';
import { VerdictBadge } from '../charts/verdicts.js';
import { listText, type TaskIndex } from './plan-model.js';

/** A checkpoint as the calendar marks it on its due day. */
export interface DueMarker {
  id: string;
  title: string;
  dueDate: string;
  /** Whether the date holds: true, false, or null when nobody can say (done, or no forecast). */
  holds: boolean | null;
  done: boolean;
}

interface SprintCalendarProps {
  schedule: ScheduleResponse;
  verdicts: Days['verdicts'];
  verdictsFrom: string | null;
  dueMarkers: readonly DueMarker[];
  index: TaskIndex;
  /** Tasks to defer so a checkpoint's date holds, with the checkpoint's title. */
  cut: ReadonlyMap<string, string>;
  critical: ReadonlySet<string>;
}

const WEEKS_AT_FIRST = 6;
const PAST_DAYS = 13;

type ScheduledItem = ScheduleResponse['days'][number]['items'][number];

function ItemRow({
  item,
  index,
  cut,
  critical,
}: {
  item: ScheduledItem;
  index: TaskIndex;
  cut: ReadonlyMap<string, string>;
  critical: ReadonlySet<string>;
}) {
  const task = index.byId.get(item.taskId);
  const after = task ? index.dependencies(task).map((dep) => dep.title) : [];
  const blockers = task ? index.blockers(task) : [];
  const cutFor = cut.get(item.taskId);
  return (
    <li
      className={`cal-item${cutFor ? ' cal-item-cut' : ''}${blockers.length > 0 ? ' cal-item-blocked' : ''}`}
    >
      <span className="cal-item-title">{index.title(item.taskId)}</span>
      <span className="cal-item-meta">
        {formatMinutes(item.minutes)}
        {item.chunks > 1 && ` · part ${item.chunk} of ${item.chunks}`}
        {critical.has(item.taskId) && ' · critical path'}
      </span>
      {after.length > 0 && <span className="cal-item-after">after {listText(after)}</span>}
      {blockers.length > 0 && (
        <span className="tag tag-blocked">
          <span aria-hidden="true">⊘</span> Blocked
        </span>
      )}
      {cutFor && (
        <span className="tag tag-cut" title={`Defer it so ${cutFor} holds`}>
          <span aria-hidden="true">✂</span> Beyond the cut line
        </span>
      )}
    </li>
  );
}

/**
 * The sprint as weeks of days: past days with their verdicts, today and the days ahead with the work
 * scheduled into them, and each checkpoint on its due day. Narrow screens get a list of the days that
 * hold something.
 */
export function SprintCalendar(props: SprintCalendarProps) {
  const { schedule, verdicts, verdictsFrom, dueMarkers, index, cut, critical } = props;
  const [showAll, setShowAll] = useState(false);
  const today = schedule.startDate;
  const byDate = new Map(schedule.days.map((day) => [day.date, day]));
  const verdictOn = new Map(verdicts.map((v) => [v.date, v]));
  const dueOn = new Map<string, DueMarker[]>();
  for (const marker of dueMarkers) dueOn.set(marker.dueDate, [...(dueOn.get(marker.dueDate) ?? []), marker]);

  const earliestPast = addDays(today, -PAST_DAYS);
  const sprintStart = verdictsFrom && verdictsFrom < today ? verdictsFrom : today;
  const start = startOfWeek(sprintStart < earliestPast ? earliestPast : sprintStart);
  const lastWork = schedule.days.filter((day) => day.items.length > 0).at(-1)?.date ?? today;
  const lastDue = dueMarkers.reduce((max, m) => (m.dueDate > max ? m.dueDate : max), today);
  const last = [today, lastWork, lastDue].reduce((max, date) => (date > max ? date : max));
  const end = addDays(startOfWeek(last), 6);
  const weeks = Math.floor(daysBetween(start, end) / 7) + 1;
  const shownEnd = showAll || weeks <= WEEKS_AT_FIRST ? end : addDays(start, WEEKS_AT_FIRST * 7 - 1);
  const dates = dateRange(start, shownEnd);
  const weekdays = dateRange(start, addDays(start, 6));

  return (
    <div className="cal">
      <div className="cal-head" aria-hidden="true">
        {weekdays.map((date) => (
          <span key={date}>{formatWeekday(date)}</span>
        ))}
      </div>
      <ol className="cal-grid" aria-label="Sprint calendar">
        {dates.map((date) => {
          const day = byDate.get(date);
          const verdict = verdictOn.get(date);
          const due = dueOn.get(date) ?? [];
          const past = date < today;
          const items = past ? [] : (day?.items ?? []);
          const capacity = day?.capacityMinutes ?? 0;
          const empty = items.length === 0 && !verdict && due.length === 0 && date !== today;
          const classes = [
            'cal-day',
            past ? 'cal-day-past' : '',
            date === today ? 'cal-day-today' : '',
            empty ? 'cal-day-empty' : '',
          ];
          return (
            <li key={date} className={classes.filter(Boolean).join(' ')}>
              <p className="cal-date">
                <span className="cal-date-text">{formatDate(date)}</span>
                {date === today && <span className="tag tag-today">Today</span>}
              </p>
              {verdict && <VerdictBadge verdict={verdict.verdict} />}
              {!past && capacity > 0 && <p className="cal-capacity">{formatMinutes(capacity)} available</p>}
              {!past && capacity === 0 && items.length === 0 && <p className="cal-off">No work planned</p>}
              {past && !verdict && (
                <p className="cal-off">
                  {verdictsFrom === null || date < verdictsFrom ? 'Before the commitment' : 'No work planned'}
                </p>
              )}
              {items.length > 0 && (
                <ul className="cal-items" aria-label={`Work on ${formatDate(date)}`}>
                  {items.map((item) => (
                    <ItemRow
                      key={`${item.taskId}:${item.chunk}`}
                      item={item}
                      index={index}
                      cut={cut}
                      critical={critical}
                    />
                  ))}
                </ul>
              )}
              {due.map((marker) => (
                <p
                  key={marker.id}
                  className={`cal-due ${marker.done ? 'cal-due-done' : marker.holds === false ? 'cal-due-risk' : ''}`}
                >
                  <span aria-hidden="true">◆</span> Checkpoint due: {marker.title}
                  {marker.done ? ' (approved)' : marker.holds === false ? ' (does not hold)' : ''}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {weeks > WEEKS_AT_FIRST && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={showAll}
          onClick={() => setShowAll((shown) => !shown)}
        >
          {showAll ? `Show the first ${WEEKS_AT_FIRST} weeks only` : `Show all ${weeks} weeks`}
        </button>
      )}
    </div>
  );
}
