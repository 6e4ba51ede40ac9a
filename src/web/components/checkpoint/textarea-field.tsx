import { useId, type TextareaHTMLAttributes } from 'react';
import '../../styles/checkpoint.css';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
};

/** A labelled multi-line field, with the same hint and error wiring as the shared TextField. */
export function TextAreaField({
  label,
  hint,
  error,
  required = false,
  rows = 3,
  ...textarea
}: TextAreaFieldProps) {
  const id = useId();
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {!required && <span className="field-optional"> (optional)</span>}
      </label>
      <textarea
        id={id}
        className="cp-textarea"
        rows={rows}
        required={required}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
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
