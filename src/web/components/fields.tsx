import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../../contracts/client.js';
import { humanMessage, type FormError } from '../lib/api-errors.js';

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string | undefined;
  children: (control: {
    id: string;
    describedBy: string | undefined;
    invalid: true | undefined;
  }) => ReactNode;
}

/** A label, a control, and its hint or error, announced together; the control is rendered by `children`. */
export function FieldFrame({ label, hint, error, optional, className, children }: FieldFrameProps) {
  const id = useId();
  // An error replaces the hint: "Use at least 10 characters." under "At least 10 characters." only repeats it.
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {hintId && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
};

/** A labelled input whose hint and error are announced with it. */
export function TextField({ label, hint, error, required = true, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={!required}>
      {({ id, describedBy, invalid }) => (
        <input id={id} required={required} aria-describedby={describedBy} aria-invalid={invalid} {...input} />
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
};

/**
 * A labelled multi-line field, wired like `TextField`: required unless `required={false}`, which
 * marks the label "(optional)". `className` adds to the shared `textarea` look.
 *
 * @example
 * <TextAreaField label="Note to your witness" name="note" required={false} value={note} onChange={…} />
 */
export function TextAreaField({
  label,
  hint,
  error,
  required = true,
  rows = 3,
  className,
  ref,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={!required}>
      {({ id, describedBy, invalid }) => (
        <textarea
          ref={ref}
          id={id}
          className={className ? `textarea ${className}` : 'textarea'}
          rows={rows}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
};

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** The form-level part of an error: its sentence and the issues no field claimed. */
export function FormAlert({ error }: { error: FormError | null }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      {error.other.length > 0 && (
        <ul>
          {error.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Worth retrying: the network, the server, or a rate limit; not a refusal such as "not found". */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
}

/** A failed load, with a way to try again when trying again could help. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{humanMessage(error)}</p>
      {onRetry && isTransient(error) && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      className="button button-primary"
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {children}
    </button>
  );
}
