import { useEffect, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { FieldFrame } from '../fields.js';

/** The shared field frame, under the name the intake's steps use. */
export { FieldFrame as Frame };

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
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      optional={optional ?? false}
      className={frameClassName}
    >
      {({ id, describedBy, invalid }) => (
        <input ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid} {...input} />
      )}
    </FieldFrame>
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
