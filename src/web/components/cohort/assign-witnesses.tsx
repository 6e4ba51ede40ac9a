import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Cohort } from '../../../contracts/cohort.contract.js';
import { proposeContract } from '../../../contracts/commitments.contract.js';
import type { Member } from '../../../contracts/workspaces.contract.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { formatInstant } from '../../lib/format.js';
import { useApi, useUser } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextField } from '../fields.js';
import '../../styles/cohort.css';

type Builder = Cohort['builders'][number];

interface AssignWitnessesProps {
  builder: Builder;
  workspaceId: string;
  /** Members with the witness role; null while they load or when they cannot be listed. */
  candidates: readonly Member[] | null;
  onSaved(message: string): void;
}

/**
 * Change who witnesses a builder: a new contract version naming the chosen members, with the reason
 * the builder and witnesses will read. Fewer witnesses makes the commitment easier, so it may wait.
 */
export function AssignWitnesses({ builder, workspaceId, candidates, onSaved }: AssignWitnessesProps) {
  const api = useApi();
  const user = useUser();
  const id = useId();
  const current = builder.witnesses.map((w) => w.id);
  const [chosen, setChosen] = useState<string[]>(current);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const options = (candidates ?? []).filter((m) => m.userId !== builder.builderId);
  // A witness named earlier who lost the role stays visible, so unticking them is a choice.
  const extra = builder.witnesses.filter((w) => !options.some((m) => m.userId === w.id));

  const toggle = (userId: string, on: boolean) =>
    setChosen((list) => (on ? [...list, userId] : list.filter((x) => x !== userId)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const fields: FormError['fields'] = {};
    if (chosen.length === 0) fields.witnesses = 'Choose at least one witness.';
    if (!reason.trim()) fields.reason = 'Say why, for the builder and the witnesses.';
    if (Object.keys(fields).length > 0) {
      setError({ message: 'Some fields need attention.', fields, other: [] });
      return;
    }
    setPending(true);
    setError(null);
    api
      .call(proposeContract, {
        params: { projectId: builder.projectId },
        body: { witnesses: chosen, reason: reason.trim() },
      })
      .then((view) => {
        setPending(false);
        const latest = view.versions[0];
        onSaved(
          latest?.status === 'waiting'
            ? `Witnesses for ${builder.builderName} saved. Fewer witnesses makes the commitment easier, so the change applies on ${formatInstant(latest.fullyEffectiveAt, user.timeZone)} unless a witness approves it sooner.`
            : `Witnesses for ${builder.builderName} changed.`,
        );
      })
      .catch((caught: unknown) => {
        setPending(false);
        setError(toFormError(caught, ['witnesses', 'reason']));
      });
  };

  if (candidates !== null && options.length === 0 && extra.length === 0)
    return (
      <p className="muted">
        No member has the witness role yet.{' '}
        <Link to={`/workspaces/${workspaceId}`}>Invite a witness from the workspace page.</Link>
      </p>
    );

  return (
    <form
      className="form cohort-assign"
      onSubmit={submit}
      noValidate
      aria-label={`Witnesses for ${builder.builderName}`}
    >
      <FormAlert error={error} />
      {!builder.committed && (
        <p className="warning">
          {builder.builderName} has not committed yet: saving commits the project with these witnesses.
        </p>
      )}
      <fieldset className="choices" aria-describedby={error?.fields.witnesses ? `${id}-error` : undefined}>
        <legend>Witnesses</legend>
        {candidates === null && <p className="muted">Loading the workspace’s witnesses…</p>}
        {[
          ...options.map((m) => ({ id: m.userId, name: m.displayName, detail: m.email })),
          ...extra.map((w) => ({ id: w.id, name: w.name, detail: 'no longer has the witness role' })),
        ].map((person) => (
          <label key={person.id} className="choice cp-choice-compact">
            <input
              type="checkbox"
              checked={chosen.includes(person.id)}
              onChange={(event) => toggle(person.id, event.target.checked)}
            />
            <span>
              {person.name}
              <span className="muted">{person.detail}</span>
            </span>
          </label>
        ))}
        {error?.fields.witnesses && (
          <p id={`${id}-error`} className="field-error">
            {error.fields.witnesses}
          </p>
        )}
      </fieldset>
      <TextField
        label="Reason"
        name="reason"
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        hint="The builder and the witnesses read it with the change."
        error={error?.fields.reason}
      />
      <SubmitButton pending={pending}>{pending ? 'Saving…' : 'Save witnesses'}</SubmitButton>
    </form>
  );
}
