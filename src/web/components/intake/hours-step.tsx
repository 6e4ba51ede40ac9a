import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { PlanVersion } from '../../../contracts/plans.contract.js';
import { compileProjectSchedule, type ScheduleResponse } from '../../../contracts/schedule.contract.js';
import { humanMessage, toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import type { HoursDraft } from './draft.js';
import { feasibilityOf, FeasibilityView } from './feasibility.js';
import { localError, StepFrame } from './step-frame.js';
import {
  formatDate,
  formatHours,
  isLocalDate,
  WEEKDAY_KEYS,
  WEEKDAY_NAMES,
  type MinutesPerWeekday,
  type WeekdayKey,
} from './time.js';
import { focusFirstInvalid, InputField, useDebounced } from './ui.js';

const PRESETS: { label: string; minutes: MinutesPerWeekday }[] = [
  {
    label: 'Evenings: 2 h on weekdays',
    minutes: { mon: 120, tue: 120, wed: 120, thu: 120, fri: 120, sat: 0, sun: 0 },
  },
  {
    label: 'Weekends: 4 h Saturday and Sunday',
    minutes: { mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sat: 240, sun: 240 },
  },
  {
    label: 'Full time: 6 h on weekdays',
    minutes: { mon: 360, tue: 360, wed: 360, thu: 360, fri: 360, sat: 0, sun: 0 },
  },
];

function toText(minutes: number): string {
  return minutes === 0 ? '0' : String(Math.round((minutes / 60) * 100) / 100);
}

/** Hours as typed ("1.5", "1,5", "") to minutes; null when it is not a number of hours in a day. */
function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const hours = Number(trimmed);
  if (!Number.isFinite(hours) || hours < 0 || hours > 24) return null;
  return Math.round(hours * 60);
}

type Answer = { key: string; schedule: ScheduleResponse } | { key: string; message: string };

type Forecast =
  | { status: 'idle' }
  | { status: 'checking'; last: ScheduleResponse | null }
  | { status: 'ready'; schedule: ScheduleResponse }
  | { status: 'failed'; message: string };

interface HoursStepProps {
  projectId: string;
  /** Today where the builder lives, as the server sees it. */
  today: string;
  plan: PlanVersion | null;
  draft: HoursDraft;
  focusOnMount: boolean;
  onChange(draft: HoursDraft): void;
  onBack(): void;
  onDone(schedule: ScheduleResponse): void;
}

export function HoursStep({
  projectId,
  today: createdOn,
  plan,
  draft,
  focusOnMount,
  onChange,
  onBack,
  onDone,
}: HoursStepProps) {
  const api = useApi();
  const root = useRef<HTMLDivElement>(null);
  const [texts, setTexts] = useState<Record<WeekdayKey, string>>(() => {
    const initial = {} as Record<WeekdayKey, string>;
    for (const day of WEEKDAY_KEYS) initial[day] = toText(draft.minutes[day]);
    return initial;
  });
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastSchedule, setLastSchedule] = useState<ScheduleResponse | null>(null);
  // The server's today (from the last forecast) beats the day the project was created.
  const [today, setToday] = useState(createdOn);

  const invalidDays = WEEKDAY_KEYS.filter((day) => parseHours(texts[day]) === null);
  const weekly = WEEKDAY_KEYS.reduce((sum, day) => sum + draft.minutes[day], 0);
  const launchOk = isLocalDate(draft.launchDate) && draft.launchDate >= today;
  const request = useMemo(
    () => JSON.stringify({ minutes: draft.minutes, launchDate: draft.launchDate }),
    [draft.minutes, draft.launchDate],
  );
  const settled = useDebounced(request, 350);
  const ready = invalidDays.length === 0 && weekly > 0 && launchOk;

  // Feasibility as they type: compile (without saving) once the numbers stop changing.
  useEffect(() => {
    const { minutes, launchDate } = JSON.parse(settled) as { minutes: MinutesPerWeekday; launchDate: string };
    const total = WEEKDAY_KEYS.reduce((sum, day) => sum + minutes[day], 0);
    if (total <= 0 || !isLocalDate(launchDate) || launchDate < today) return;
    let active = true;
    api
      .call(compileProjectSchedule, {
        params: { projectId },
        body: { minutesPerWeekday: minutes, launchDate, save: false },
      })
      .then(
        (schedule) => {
          if (!active) return;
          setAnswer({ key: settled, schedule });
          setLastSchedule(schedule);
          setToday(schedule.startDate);
        },
        (caught: unknown) => {
          if (active) setAnswer({ key: settled, message: humanMessage(caught) });
        },
      );
    return () => {
      active = false;
    };
  }, [api, projectId, settled, today]);

  const forecast: Forecast = !ready
    ? { status: 'idle' }
    : request !== settled || !answer || answer.key !== settled
      ? { status: 'checking', last: lastSchedule }
      : 'schedule' in answer
        ? { status: 'ready', schedule: answer.schedule }
        : { status: 'failed', message: answer.message };

  const setDay = (day: WeekdayKey, text: string) => {
    setTexts((before) => ({ ...before, [day]: text }));
    const minutes = parseHours(text);
    if (minutes !== null) onChange({ ...draft, minutes: { ...draft.minutes, [day]: minutes } });
  };

  const applyPreset = (minutes: MinutesPerWeekday) => {
    const next = {} as Record<WeekdayKey, string>;
    for (const day of WEEKDAY_KEYS) next[day] = toText(minutes[day]);
    setTexts(next);
    onChange({ ...draft, minutes });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const fields: Partial<Record<string, string>> = {};
    for (const day of invalidDays) fields[day] = 'Give a number of hours from 0 to 24, such as 1.5.';
    if (invalidDays.length === 0 && weekly <= 0) fields.mon = 'Give at least one day some hours.';
    if (!isLocalDate(draft.launchDate)) fields.launchDate = 'Pick the day you want to launch.';
    else if (draft.launchDate < today)
      fields.launchDate = `The launch cannot be in the past. Pick ${formatDate(today)} or later.`;
    if (Object.keys(fields).length > 0) {
      setError(localError('Some hours or the date need attention.', fields));
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    setError(null);
    setPending(true);
    try {
      const schedule = await api.call(compileProjectSchedule, {
        params: { projectId },
        body: { minutesPerWeekday: draft.minutes, launchDate: draft.launchDate, save: true },
      });
      onChange({ ...draft, saved: schedule });
      onDone(schedule);
    } catch (caught) {
      setError(toFormError(caught, ['launchDate', ...WEEKDAY_KEYS]));
    } finally {
      setPending(false);
    }
  };

  const shown =
    forecast.status === 'ready' ? forecast.schedule : forecast.status === 'checking' ? forecast.last : null;
  const verdict = shown ? feasibilityOf(shown, draft.minutes, draft.launchDate) : null;
  const announcement =
    forecast.status === 'checking'
      ? ''
      : verdict && forecast.status === 'ready'
        ? verdict.holds
          ? `Feasible: ${formatHours(verdict.neededHours)} needed, ${formatHours(verdict.availableHours)} available.`
          : `Not feasible: ${formatHours(verdict.neededHours)} needed, ${formatHours(verdict.availableHours)} available.`
        : '';

  return (
    <StepFrame
      title="Your hours and launch date"
      lead="Be honest: an evening after a day job is an hour or two, not a workday. Recital fits the plan into these hours and judges each planned day by them."
      error={error}
      pending={pending}
      nextLabel="Save hours and continue"
      onBack={onBack}
      onSubmit={(event) => void submit(event)}
      focusOnMount={focusOnMount}
      wide
    >
      <div className="hours-grid" ref={root}>
        <div className="stack-small">
          <fieldset className="hours-fieldset">
            <legend>Hours of focused work per weekday</legend>
            <div className="presets" role="group" aria-label="Quick fill">
              {PRESETS.map((preset) => (
                <button
                  key={preset.label}
                  type="button"
                  className="chip-button"
                  onClick={() => applyPreset(preset.minutes)}
                >
                  {preset.label}
                </button>
              ))}
            </div>
            <div className="weekday-inputs">
              {WEEKDAY_KEYS.map((day) => (
                <InputField
                  key={day}
                  label={WEEKDAY_NAMES[day]}
                  name={day}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={texts[day]}
                  onChange={(event) => setDay(day, event.target.value)}
                  error={
                    error?.fields[day] ??
                    (parseHours(texts[day]) === null ? 'Hours from 0 to 24, such as 1.5.' : undefined)
                  }
                  frameClassName="weekday-field"
                />
              ))}
            </div>
            <p className="muted" aria-live="polite">
              {formatHours(weekly / 60)} a week
            </p>
          </fieldset>
          <InputField
            label="Launch date"
            name="launchDate"
            type="date"
            min={today}
            value={draft.launchDate}
            onChange={(event) => onChange({ ...draft, launchDate: event.target.value })}
            hint="Checkpoints without a date of their own are spread evenly up to it."
            error={error?.fields.launchDate}
          />
        </div>

        <section className="card" aria-labelledby="feasibility-heading">
          <div className="plan-preview-head">
            <h3 id="feasibility-heading">Does it fit?</h3>
            {forecast.status === 'checking' && <span className="chip chip-quiet">Updating…</span>}
          </div>
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          {forecast.status === 'failed' && (
            <div className="alert alert-error">
              <p>{forecast.message}</p>
            </div>
          )}
          {shown ? (
            <FeasibilityView
              schedule={shown}
              minutes={draft.minutes}
              launchDate={draft.launchDate}
              plan={plan}
              stale={forecast.status === 'checking'}
            />
          ) : (
            forecast.status !== 'failed' && (
              <p className="empty">
                {!ready
                  ? weekly <= 0
                    ? 'Give at least one day some hours to see whether the plan fits.'
                    : 'Pick a launch date from today on to see whether the plan fits.'
                  : 'Working it out…'}
              </p>
            )
          )}
        </section>
      </div>
    </StepFrame>
  );
}
