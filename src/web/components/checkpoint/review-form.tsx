import { useId, useState, type FormEvent } from 'react';
import {
  REJECTION_REASON_CODES,
  reviewCheckpoint,
  type CheckpointDetail,
} from '../../../contracts/checkpoints.contract.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextAreaField } from '../fields.js';
import { REASON_LABELS, isReason, withoutField, type RejectionReason } from './format.js';

type Decision = 'approved' | 'rejected';

interface ReviewFormProps {
  projectId: string;
  checkpointId: string;
  submissionId: string;
  /** Names the work for screen readers and headings: "Week 1: Foundations by Ada". */
  subject: string;
  onReviewed(detail: CheckpointDetail): void;
}

/**
 * A witness's decision on the waiting submission: approve, or reject with a reason and a comment that
 * tells the builder what is missing. Approval is final, so the button says exactly what it does.
 */
export function ReviewForm({ projectId, checkpointId, submissionId, subject, onReviewed }: ReviewFormProps) {
  const api = useApi();
  const id = useId();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState<RejectionReason | null>(null);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const fields: FormError['fields'] = {};
    if (!decision) fields.decision = 'Choose whether you approve or reject it.';
    if (decision === 'rejected' && !reason) fields.reason = 'Say why you reject it.';
    if (decision === 'rejected' && !comment.trim())
      fields.comment = 'Add a comment saying what is missing, so the builder can fix it.';
    if (!decision || Object.keys(fields).length > 0) {
      setError({ message: 'Some fields need attention.', fields, other: [] });
      return;
    }
    setPending(true);
    setError(null);
    api
      .call(reviewCheckpoint, {
        params: { projectId, checkpointId },
        body: {
          submissionId,
          decision,
          ...(decision === 'rejected' && reason ? { reason } : {}),
          comment: comment.trim(),
        },
      })
      .then((detail) => {
        setPending(false);
        onReviewed(detail);
      })
      .catch((caught: unknown) => {
        setPending(false);
        setError(toFormError(caught, ['decision', 'reason', 'comment']));
      });
  };

  const label =
    decision === 'approved'
      ? 'Approve submission'
      : decision === 'rejected'
        ? 'Reject submission'
        : 'Send review';
  return (
    <form className="form cp-review-form" onSubmit={submit} noValidate aria-label={`Review ${subject}`}>
      <FormAlert error={error} />
      <fieldset
        className="choices"
        aria-describedby={error?.fields.decision ? `${id}-decision-error` : undefined}
      >
        <legend>Your decision</legend>
        <div className="cp-decisions">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-decision`}
              value="approved"
              checked={decision === 'approved'}
              onChange={() => {
                setDecision('approved');
                setError((e) => withoutField(e, 'decision'));
              }}
            />
            <span>
              <strong>Approve</strong>
              <span className="muted">The proof meets the criteria. Approval is final.</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-decision`}
              value="rejected"
              checked={decision === 'rejected'}
              onChange={() => {
                setDecision('rejected');
                setError((e) => withoutField(e, 'decision'));
              }}
            />
            <span>
              <strong>Reject</strong>
              <span className="muted">Something is missing; the builder can resubmit.</span>
            </span>
          </label>
        </div>
        {error?.fields.decision && (
          <p id={`${id}-decision-error`} className="field-error">
            {error.fields.decision}
          </p>
        )}
      </fieldset>
      {decision === 'rejected' && (
        <fieldset
          className="choices"
          aria-describedby={error?.fields.reason ? `${id}-reason-error` : undefined}
        >
          <legend>Reason</legend>
          {REJECTION_REASON_CODES.map((code) => (
            <label key={code} className="choice cp-choice-compact">
              <input
                type="radio"
                name={`${id}-reason`}
                value={code}
                checked={reason === code}
                onChange={(event) => {
                  setReason(isReason(event.target.value) ? event.target.value : null);
                  setError((e) => withoutField(e, 'reason'));
                }}
              />
              <span>{REASON_LABELS[code]}</span>
            </label>
          ))}
          {error?.fields.reason && (
            <p id={`${id}-reason-error`} className="field-error">
              {error.fields.reason}
            </p>
          )}
        </fieldset>
      )}
      <TextAreaField
        label="Comment"
        name="comment"
        maxLength={2000}
        required={decision === 'rejected'}
        value={comment}
        onChange={(event) => {
          setComment(event.target.value);
          setError((e) => withoutField(e, 'comment'));
        }}
        hint={
          decision === 'rejected'
            ? 'What is missing or wrong, so the builder can fix it.'
            : 'What convinced you, or anything the builder should know.'
        }
        error={error?.fields.comment}
      />
      <SubmitButton pending={pending}>{pending ? 'Sending…' : label}</SubmitButton>
    </form>
  );
}
