import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  proposeContract,
  type ContractDto,
  type ContractView,
  type ProposeContractBody,
} from '../../../contracts/commitments.contract.js';
import type { Member } from '../../../contracts/workspaces.contract.js';
import { classifyChange } from '../../../core/contracts/classify-change.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { formatInstant } from '../../lib/format.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextAreaField } from '../fields.js';
import { DirectionTag } from './history.js';
import { EASING_DELAY_DAYS, humanizeChange, WEEKDAYS, type WeekdayKey } from './describe.js';

type ProposeBody = z.input<typeof ProposeContractBody>;

interface ProposeFormProps {
  projectId: string;
  /** The newest version's contract: a change starts from what was last asked for. */
  latest: ContractDto;
  /** What holds now; the change is judged easier or harder against it. */
  inForce: ContractDto;
  builderId: string;
  members: readonly Member[];
  titles: Record<string, string>;
  nameOf(userId: string): string;
  now: number;
  timeZone: string;
  onProposed(view: ContractView): void;
}

const hoursOf = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Builders and organizers propose a change; easier parts wait a week unless a witness approves. */
export function ProposeChangeForm(props: ProposeFormProps) {
  const { projectId, latest, inForce, builderId, members, titles, nameOf, now, timeZone, onProposed } = props;
  const api = useApi();
  const ids = useId();
  const [hours, setHours] = useState<Record<WeekdayKey, string>>(() => {
    const entries = WEEKDAYS.map((day) => [day.key, hoursOf(latest.minutesPerWeekday[day.key])] as const);
    return Object.fromEntries(entries) as Record<WeekdayKey, string>;
  });
  const [grace, setGrace] = useState(String(latest.graceTokensPerSprint));
  const [sprint, setSprint] = useState(String(latest.sprintLengthDays));
  const [dates, setDates] = useState<Record<string, string>>(() =>
    Object.fromEntries(latest.checkpoints.map((cp) => [cp.id, cp.dueDate])),
  );
  const [witnesses, setWitnesses] = useState<string[]>(latest.witnesses);
  const [backup, setBackup] = useState(latest.backupWitness ?? '');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const candidates = members.filter((member) => member.userId !== builderId);
  const minutes = Object.fromEntries(
    WEEKDAYS.map((day) => [day.key, Math.round(Number(hours[day.key]) * 60)]),
  ) as Record<WeekdayKey, number>;
  const badHours = WEEKDAYS.filter((day) => {
    const value = minutes[day.key];
    return hours[day.key].trim() === '' || !Number.isFinite(value) || value < 0 || value > 1440;
  }).map((day) => day.key);
  const graceNumber = Number(grace);
  const sprintNumber = Number(sprint);
  const badGrace =
    !Number.isInteger(graceNumber) || graceNumber < 0 || graceNumber > 31 || grace.trim() === '';
  const badSprint =
    !Number.isInteger(sprintNumber) || sprintNumber < 1 || sprintNumber > 366 || sprint.trim() === '';
  const valid = badHours.length === 0 && !badGrace && !badSprint;

  // What would be sent: only what differs from the newest version.
  const body: ProposeBody = { reason: reason.trim() };
  if (valid) {
    if (WEEKDAYS.some((day) => minutes[day.key] !== latest.minutesPerWeekday[day.key]))
      body.minutesPerWeekday = minutes;
    if (latest.checkpoints.some((cp) => (dates[cp.id] ?? cp.dueDate) !== cp.dueDate))
      body.checkpoints = latest.checkpoints.map((cp) => ({ ...cp, dueDate: dates[cp.id] ?? cp.dueDate }));
    if (!sameSet(witnesses, latest.witnesses)) body.witnesses = witnesses;
    if ((backup || null) !== latest.backupWitness) body.backupWitness = backup || null;
    if (graceNumber !== latest.graceTokensPerSprint) body.graceTokensPerSprint = graceNumber;
    if (sprintNumber !== latest.sprintLengthDays) body.sprintLengthDays = sprintNumber;
  }
  const changesSomething = Object.keys(body).length > 1;
  const after: ContractDto = {
    ...latest,
    minutesPerWeekday: body.minutesPerWeekday ?? latest.minutesPerWeekday,
    checkpoints: body.checkpoints ?? latest.checkpoints,
    witnesses: body.witnesses ?? latest.witnesses,
    backupWitness: body.backupWitness === undefined ? latest.backupWitness : body.backupWitness,
    graceTokensPerSprint: body.graceTokensPerSprint ?? latest.graceTokensPerSprint,
    sprintLengthDays: body.sprintLengthDays ?? latest.sprintLengthDays,
  };
  const preview = valid && changesSomething ? classifyChange(inForce, after) : [];
  const userIds = members.map((member) => member.userId);
  const waitsUntil = formatInstant(new Date(now + EASING_DELAY_DAYS * 86_400_000).toISOString(), timeZone);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (!valid) {
      setError({ message: 'Some fields need attention.', fields: {}, other: [] });
      return;
    }
    if (!changesSomething) {
      setError({ message: 'Change at least one thing before proposing.', fields: {}, other: [] });
      return;
    }
    setPending(true);
    setError(null);
    try {
      onProposed(await api.call(proposeContract, { params: { projectId }, body }));
    } catch (caught) {
      setError(
        toFormError(caught, [
          'reason',
          'graceTokensPerSprint',
          'sprintLengthDays',
          'witnesses',
          'backupWitness',
          'checkpoints',
          'minutesPerWeekday',
        ]),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="card form ct-form"
      aria-labelledby={`${ids}-heading`}
      onSubmit={(event) => void onSubmit(event)}
    >
      <div className="stack-small">
        <h2 id={`${ids}-heading`}>Propose a change</h2>
        <div className="notice" id={`${ids}-rules`}>
          <p>
            <strong>Harder changes apply at once</strong>: more hours, an earlier due date, another witness,
            fewer grace tokens.
          </p>
          <p>
            <strong>Easier changes wait {EASING_DELAY_DAYS} days</strong> (until about {waitsUntil}) unless a
            witness approves them sooner: fewer hours, a later due date, fewer witnesses, more grace tokens, a
            shorter sprint. Your witnesses are told either way and read your reason.
          </p>
        </div>
      </div>
      <FormAlert error={error} />

      <fieldset className="choices">
        <legend>Hours per weekday</legend>
        <div className="ct-hours">
          {WEEKDAYS.map((day) => {
            const id = `${ids}-hours-${day.key}`;
            const bad = badHours.includes(day.key);
            return (
              <div key={day.key} className={bad ? 'field field-invalid' : 'field'}>
                <label htmlFor={id}>{day.name}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={24}
                  step={0.25}
                  value={hours[day.key]}
                  aria-invalid={bad || undefined}
                  aria-describedby={`${ids}-hours-hint`}
                  onChange={(event) => setHours((h) => ({ ...h, [day.key]: event.target.value }))}
                />
              </div>
            );
          })}
        </div>
        <p className="field-hint" id={`${ids}-hours-hint`}>
          In hours, e.g. 1.5 for an hour and a half; 0 for a rest day.
        </p>
      </fieldset>

      <fieldset className="choices">
        <legend>Grace and sprints</legend>
        <div className="form-row">
          <div className={badGrace ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${ids}-grace`}>Grace tokens per sprint</label>
            <input
              id={`${ids}-grace`}
              type="number"
              min={0}
              max={31}
              step={1}
              value={grace}
              aria-invalid={badGrace || undefined}
              onChange={(event) => setGrace(event.target.value)}
            />
            {error?.fields.graceTokensPerSprint && (
              <p className="field-error">{error.fields.graceTokensPerSprint}</p>
            )}
          </div>
          <div className={badSprint ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${ids}-sprint`}>Sprint length (days)</label>
            <input
              id={`${ids}-sprint`}
              type="number"
              min={1}
              max={366}
              step={1}
              value={sprint}
              aria-invalid={badSprint || undefined}
              onChange={(event) => setSprint(event.target.value)}
            />
            {error?.fields.sprintLengthDays && <p className="field-error">{error.fields.sprintLengthDays}</p>}
          </div>
        </div>
      </fieldset>

      {latest.checkpoints.length > 0 && (
        <fieldset className="choices">
          <legend>Checkpoint due dates</legend>
          <div className="form-row">
            {latest.checkpoints.map((cp) => {
              const id = `${ids}-due-${cp.id}`;
              return (
                <div key={cp.id} className="field">
                  <label htmlFor={id}>{titles[cp.id] ?? cp.id}</label>
                  <input
                    id={id}
                    type="date"
                    required
                    value={dates[cp.id] ?? cp.dueDate}
                    onChange={(event) => setDates((d) => ({ ...d, [cp.id]: event.target.value }))}
                  />
                </div>
              );
            })}
          </div>
          {error?.fields.checkpoints && <p className="field-error">{error.fields.checkpoints}</p>}
        </fieldset>
      )}

      <fieldset className="choices">
        <legend>Witnesses</legend>
        {candidates.length === 0 && (
          <p className="muted">Nobody else is in this workspace yet: invite a witness first.</p>
        )}
        {candidates.map((member) => (
          <label key={member.userId} className="opt-check">
            <input
              type="checkbox"
              checked={witnesses.includes(member.userId)}
              onChange={(event) =>
                setWitnesses((list) =>
                  event.target.checked
                    ? [...list, member.userId]
                    : list.filter((userId) => userId !== member.userId),
                )
              }
            />
            <span>
              {member.displayName} <span className="muted">({member.roles.join(', ')})</span>
            </span>
          </label>
        ))}
        {error?.fields.witnesses && <p className="field-error">{error.fields.witnesses}</p>}
        <div className="field">
          <label htmlFor={`${ids}-backup`}>Backup witness</label>
          <select id={`${ids}-backup`} value={backup} onChange={(event) => setBackup(event.target.value)}>
            <option value="">None</option>
            {candidates.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.displayName}
              </option>
            ))}
          </select>
          <p className="field-hint">Asked to review when a submission waits too long for the witnesses.</p>
        </div>
      </fieldset>

      <TextAreaField
        label="Why are you changing it?"
        name="reason"
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        hint="Required. Your witnesses read it with the change."
        error={error?.fields.reason}
      />

      <div className="ct-preview">
        <h3>What this changes</h3>
        {preview.length === 0 ? (
          <p className="muted">Nothing yet: change a field above.</p>
        ) : (
          <ul className="ct-changes">
            {preview.map((change, i) => (
              <li key={`${change.field}:${i}`}>
                <DirectionTag direction={change.direction} />{' '}
                {humanizeChange(change.description, nameOf, titles, userIds)}{' '}
                <span className="muted">
                  ·{' '}
                  {change.direction === 'easier'
                    ? `waits until about ${waitsUntil} unless a witness approves`
                    : 'applies at once'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <SubmitButton pending={pending}>{pending ? 'Proposing…' : 'Propose change'}</SubmitButton>
    </form>
  );
}
