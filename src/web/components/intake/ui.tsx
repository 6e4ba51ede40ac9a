import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

interface FrameProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
  children: (control: {
    id: string;
    describedBy: string | undefined;
    invalid: true | undefined;
  }) => ReactNode;
}

/** A label, a control, and its hint or error, announced together (the same shape as fields.tsx). */
export function Frame({ label, hint, error, optional, className, children }: FrameProps) {
  const id = useId();
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

type InputFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  frameClassName?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A controlled-friendly input with our own validation (no `required` bubbles from the browser). */
export function InputField({ label, hint, error, optional, frameClassName, ref, ...input }: InputFieldProps) {
  return (
    <Frame label={label} hint={hint} error={error} optional={optional ?? false} className={frameClassName}>
      {({ id, describedBy, invalid }) => (
        <input ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid} {...input} />
      )}
    </Frame>
  );
}

/** `value`, once it has stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Move focus to the first control marked invalid inside `root`, so keyboard users land on the problem. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}
