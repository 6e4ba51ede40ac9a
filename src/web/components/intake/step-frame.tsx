import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '../fields.js';
import type { FormError } from '../../lib/api-errors.js';

interface StepFrameProps {
  title: string;
  lead: ReactNode;
  error: FormError | null;
  pending: boolean;
  /** Label of the primary button; `pendingLabel` while the step's action runs. */
  nextLabel: string;
  pendingLabel?: string;
  onBack?: (() => void) | undefined;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** Moves focus to the heading when the step opens (not on the first page load). */
  focusOnMount: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** One step of the setup: heading, the step's fields, what went wrong, and back/next. */
export function StepFrame({
  title,
  lead,
  error,
  pending,
  nextLabel,
  pendingLabel,
  onBack,
  onSubmit,
  focusOnMount,
  wide,
  children,
}: StepFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  return (
    <form
      className={wide ? 'intake-step intake-step-wide' : 'intake-step'}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="intake-step-title"
    >
      <div className="intake-step-head">
        <h2 id="intake-step-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <div className="lead">{lead}</div>
      </div>
      <FormAlert error={error} />
      {children}
      <div className="intake-actions">
        {onBack && (
          <button type="button" className="button button-secondary" onClick={onBack} disabled={pending}>
            Back
          </button>
        )}
        <button
          type="submit"
          className="button button-primary intake-next"
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? (pendingLabel ?? 'Saving…') : nextLabel}
        </button>
      </div>
    </form>
  );
}

/** A FormError for a problem found before anything was sent. */
export function localError(message: string, fields: Partial<Record<string, string>> = {}): FormError {
  return { message, fields, other: [] };
}
