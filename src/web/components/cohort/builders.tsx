import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { nudgeBuilders, type Cohort } from '../../../contracts/cohort.contract.js';
import type { Member } from '../../../contracts/workspaces.contract.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { HealthBadge } from '../checkpoint/badges.js';
import { formatLocalDate, plural } from '../checkpoint/format.js';
import { FormAlert, SubmitButton, TextAreaField } from '../fields.js';
import { AtRiskBadge, ChanceSummary } from '../forecast/checkpoint-chance.js';
import { AssignWitnesses } from './assign-witnesses.js';
import '../../styles/cohort.css';

type Builder = Cohort['builders'][number];

export function checkpointPath(projectId: string, checkpointId: string): string {
  return `/projects/${encodeURIComponent(projectId)}/checkpoints/${encodeURIComponent(checkpointId)}`;
}

function sinceEvidence(builder: Builder): string {
  if (builder.daysSinceEvidence === null) return 'None yet';
  if (builder.daysSinceEvidence === 0) return 'Today';
  return `${plural(builder.daysSinceEvidence, 'day')} ago`;
}

/** Stalled or slipping, asked to re-plan, or three days and more without any evidence of work. */
export function atRisk(builder: Builder): boolean {
  return builder.health !== 'on_track' || builder.replanRequired || (builder.daysSinceEvidence ?? 99) >= 3;
}

interface BuildersProps {
  cohort: Cohort;
  witnesses: readonly Member[] | null;
  onChanged(message: string): void;
}

/**
 * The builders, at risk first (the API's order), each selectable for a nudge, with their witnesses
 * and a way to change them.
 */
export function Builders({ cohort, witnesses, onChanged }: BuildersProps) {
  const api = useApi();
  const id = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const all = cohort.builders.map((b) => b.projectId);
  const allChosen = selected.length === all.length && all.length > 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const fields: FormError['fields'] = {};
    if (selected.length === 0) fields.projectIds = 'Select at least one builder above.';
    if (!message.trim()) fields.message = 'Write the note.';
    if (Object.keys(fields).length > 0) {
      setError({ message: 'Some fields need attention.', fields, other: [] });
      return;
    }
    setPending(true);
    setError(null);
    api
      .call(nudgeBuilders, {
        params: { workspaceId: cohort.workspaceId },
        body: { projectIds: selected, message: message.trim() },
      })
      .then(({ notified }) => {
        setPending(false);
        setSelected([]);
        setMessage('');
        onChanged(`Nudge sent to ${plural(notified, 'builder')}.`);
      })
      .catch((caught: unknown) => {
        setPending(false);
        setError(toFormError(caught, ['projectIds', 'message']));
      });
  };

  if (cohort.builders.length === 0)
    return <p className="empty">No projects in this workspace yet. Builders create them after they join.</p>;

  return (
    <div className="stack-small">
      <label className="cohort-select-all">
        <input
          type="checkbox"
          checked={allChosen}
          ref={(input) => {
            if (input) input.indeterminate = selected.length > 0 && !allChosen;
          }}
          onChange={(event) => setSelected(event.target.checked ? all : [])}
        />
        Select every builder
      </label>
      <ul className="list cohort-builders">
        {cohort.builders.map((builder) => (
          <li key={builder.projectId} className={`cohort-builder${atRisk(builder) ? ' cohort-at-risk' : ''}`}>
            <div className="cohort-builder-head">
              <label className="cohort-select">
                <input
                  type="checkbox"
                  checked={selected.includes(builder.projectId)}
                  onChange={(event) =>
                    setSelected((list) =>
                      event.target.checked
                        ? [...list, builder.projectId]
                        : list.filter((x) => x !== builder.projectId),
                    )
                  }
                />
                <span>
                  <span className="list-title">{builder.builderName}</span>
                  <span className="muted"> · {builder.projectName}</span>
                </span>
              </label>
              <span className="badges">
                <HealthBadge health={builder.health} />
                {atRisk(builder) && (
                  <span className="status cohort-risk">
                    <span aria-hidden="true">⚠</span> At risk
                  </span>
                )}
                {builder.replanRequired && <span className="status cohort-risk">Re-plan required</span>}
              </span>
            </div>
            <dl className="cp-mini-facts">
              <div>
                <dt>Last evidence</dt>
                <dd>{sinceEvidence(builder)}</dd>
              </div>
              <div>
                <dt>Streak</dt>
                <dd>{plural(builder.streak, 'day')}</dd>
              </div>
              <div>
                <dt>Missed checkpoints</dt>
                <dd>{builder.missedCheckpoints}</dd>
              </div>
              <div>
                <dt>Next checkpoint</dt>
                <dd>
                  {builder.nextCheckpoint ? (
                    <>
                      <Link to={checkpointPath(builder.projectId, builder.nextCheckpoint.id)}>
                        {builder.nextCheckpoint.title}
                      </Link>
                      <span className="muted"> · {formatLocalDate(builder.nextCheckpoint.dueDate)}</span>
                    </>
                  ) : (
                    'None'
                  )}
                </dd>
              </div>
              {builder.nextCheckpoint && builder.nextCheckpointChance && (
                <div>
                  <dt>Chance it holds</dt>
                  <dd>
                    <ChanceSummary
                      chance={builder.nextCheckpointChance}
                      dueDate={builder.nextCheckpoint.dueDate}
                    />
                    {builder.nextCheckpointChance.atRisk && (
                      <>
                        {' '}
                        <AtRiskBadge />
                      </>
                    )}
                  </dd>
                </div>
              )}
              {builder.atRiskCheckpoints > 0 && (
                <div>
                  <dt>Checkpoints at risk</dt>
                  <dd>{builder.atRiskCheckpoints}</dd>
                </div>
              )}
              <div>
                <dt>Witnesses</dt>
                <dd>
                  {builder.witnesses.length > 0
                    ? builder.witnesses.map((w) => w.name).join(', ')
                    : builder.committed
                      ? 'None'
                      : 'Not committed yet'}
                </dd>
              </div>
            </dl>
            <details className="cohort-details">
              <summary>Change witnesses for {builder.builderName}</summary>
              <AssignWitnesses
                builder={builder}
                workspaceId={cohort.workspaceId}
                candidates={witnesses}
                onSaved={onChanged}
              />
            </details>
          </li>
        ))}
      </ul>
      <form className="form cohort-nudge" onSubmit={submit} noValidate aria-labelledby={`${id}-nudge`}>
        <h3 id={`${id}-nudge`}>Nudge the selected builders</h3>
        <FormAlert error={error} />
        <p className="muted" aria-live="polite">
          {selected.length === 0 ? 'No builder selected.' : `${plural(selected.length, 'builder')} selected.`}
        </p>
        {error?.fields.projectIds && <p className="field-error">{error.fields.projectIds}</p>}
        <TextAreaField
          label="Message"
          name="message"
          required
          maxLength={1000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          hint="It goes to their inbox and their notification channels."
          error={error?.fields.message}
        />
        <SubmitButton pending={pending}>
          {pending ? 'Sending…' : selected.length > 1 ? `Send to ${selected.length} builders` : 'Send nudge'}
        </SubmitButton>
      </form>
    </div>
  );
}
