import { useCallback, useState, type FormEvent } from 'react';
import { toFormError, type FormError } from './api-errors.js';

export interface FormSubmit {
  pending: boolean;
  error: FormError | null;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  reset(): void;
}

/**
 * Run an async action on submit with the form's data, tracking the pending state and turning a failure
 * into a {@link FormError} whose issues land beside `fields`.
 *
 * @example const form = useFormSubmit(['email', 'password'], async (data) => { ... });
 *          <form onSubmit={form.onSubmit}>
 */
export function useFormSubmit(
  fields: readonly string[],
  action: (data: FormData) => Promise<void>,
): FormSubmit {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    action(data)
      .catch((caught: unknown) => setError(toFormError(caught, fields)))
      .finally(() => setPending(false));
  };

  const reset = useCallback(() => setError(null), []);
  return { pending, error, onSubmit, reset };
}

/** A form field's value as a trimmed string ('' when absent). */
export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A field's exact value, untrimmed: for passwords. */
export function raw(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
