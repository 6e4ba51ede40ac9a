import { useRef, useState, type FormEvent } from 'react';
import { checkIn, finishTask } from '../../../contracts/today.contract.js';
import { isApiError, toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, TextAreaField } from '../fields.js';
import { focusFirstInvalid, InputField } from '../intake/ui.js';

interface CheckInFormProps {
  projectId: string;
  /** Distinguishes two forms on one page for labels and tests. */
  idPrefix: string;
  defaultMinutes?: number | undefined;
  taskId?: string | null | undefined;
  /** When set, offers to mark this task done together with the check-in. */
  taskTitle?: string | null | undefined;
  submitLabel: string;
  onDone(message: string): void;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
}

/** "What I did" and for how long: the evidence a planned day is judged by. */
export function CheckInForm({
  projectId,
  idPrefix,
  defaultMinutes,
  taskId,
  taskTitle,
  submitLabel,
  onDone,
  onCancel,
  cancelLabel = 'Cancel',
}: CheckInFormProps) {
  const api = useApi();
  const root = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState(defaultMinutes ? String(defaultMinutes) : '');
  const [markDone, setMarkDone] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const fields: Partial<Record<string, string>> = {};
    if (!text.trim()) fields.text = 'Say in a few words what you did.';
    const trimmed = minutes.trim();
    const value = trimmed === '' ? undefined : Number(trimmed);
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 1440))
      fields.minutes = 'Whole minutes from 1 to 1440, or leave it empty.';
    if (Object.keys(fields).length > 0) {
      setError({ message: 'The check-in needs a little more.', fields, other: [] });
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await api.call(checkIn, {
        params: { projectId },
        body: {
          text: text.trim(),
          ...(value !== undefined ? { minutes: value } : {}),
          ...(taskId ? { taskId } : {}),
        },
      });
      if (markDone && taskId) {
        try {
          await api.call(finishTask, { params: { projectId, taskId } });
        } catch (caught) {
          if (!isApiError(caught, 'tasks.already_done')) throw caught;
        }
      }
      setText('');
      setMinutes('');
      setMarkDone(false);
      const message = `Checked in${value ? `: ${value} min` : ''}${markDone && taskTitle ? `, and “${taskTitle}” is done` : ''}.`;
      onDone(message);
    } catch (caught) {
      setError(toFormError(caught, ['text', 'minutes']));
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={root} className="form check-in-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert error={error} />
      <TextAreaField
        label="What I did"
        name={`${idPrefix}-text`}
        rows={2}
        maxLength={2000}
        value={text}
        placeholder="Wired the sign-up form to the API; errors show beside each field."
        onChange={(event) => setText(event.target.value)}
        error={error?.fields.text}
      />
      <div className="check-in-row">
        <InputField
          label="Minutes"
          name={`${idPrefix}-minutes`}
          inputMode="numeric"
          autoComplete="off"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          optional
          error={error?.fields.minutes}
          frameClassName="minutes-field"
        />
        {taskId && taskTitle && (
          <label className="check">
            <input
              type="checkbox"
              checked={markDone}
              onChange={(event) => setMarkDone(event.target.checked)}
            />
            <span>
              I finished <strong>{taskTitle}</strong>
            </span>
          </label>
        )}
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? 'Checking in…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" disabled={pending} onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
    </form>
  );
}
