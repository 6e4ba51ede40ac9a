import { useRef, useState, type FormEvent } from 'react';
import type { FormError } from '../../lib/api-errors.js';
import {
  ACTION_LABELS,
  ACTIONS,
  DEFAULT_GRACE,
  DEFAULT_SPRINT_DAYS,
  defaultLadder,
  ladderStep,
  type CommitmentDraft,
  type LadderAction,
  type LadderStep,
} from './draft.js';
import { localError, StepFrame } from './step-frame.js';
import { focusFirstInvalid, Frame, InputField } from './ui.js';

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

interface Row {
  key: number;
  skips: string;
  action: LadderAction;
}

function rowsOf(ladder: LadderStep[]): Row[] {
  return ladder.map((step) => ({
    key: step.key,
    skips: String(step.afterConsecutiveSkips),
    action: step.action,
  }));
}

interface CommitmentStepProps {
  draft: CommitmentDraft;
  focusOnMount: boolean;
  onBack(): void;
  onDone(draft: CommitmentDraft): void;
}

/** The consequence ladder, grace tokens and sprint length: what happens when a planned day is skipped. */
export function CommitmentStep({ draft, focusOnMount, onBack, onDone }: CommitmentStepProps) {
  const root = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(draft.ladder));
  const [grace, setGrace] = useState(String(draft.graceTokens));
  const [sprint, setSprint] = useState(String(draft.sprintDays));
  const [error, setError] = useState<FormError | null>(null);

  const update = (key: number, change: Partial<Row>) =>
    setRows((before) => before.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Partial<Record<string, string>> = {};
    const ladder: LadderStep[] = [];
    for (const row of rows) {
      const skips = wholeNumber(row.skips, 1, 60);
      if (skips === null) fields[`skips-${row.key}`] = 'A whole number of days from 1 to 60.';
      else ladder.push({ key: row.key, afterConsecutiveSkips: skips, action: row.action });
    }
    const graceTokens = wholeNumber(grace, 0, 31);
    if (graceTokens === null) fields.grace = 'A whole number from 0 to 31.';
    const sprintDays = wholeNumber(sprint, 1, 366);
    if (sprintDays === null) fields.sprint = 'A whole number of days from 1 to 366.';
    if (Object.keys(fields).length > 0 || graceTokens === null || sprintDays === null) {
      setError(localError('Some numbers need attention.', fields));
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    if (graceTokens > sprintDays) {
      setError(
        localError('More grace tokens than days in a sprint would excuse every day.', {
          grace: `At most ${sprintDays}.`,
        }),
      );
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    setError(null);
    ladder.sort((a, b) => a.afterConsecutiveSkips - b.afterConsecutiveSkips);
    onDone({ ladder, graceTokens, sprintDays });
  };

  return (
    <StepFrame
      title="Your commitment"
      lead="What happens when you skip a planned day. A planned day counts as shown up when you check in or finish a task; a paused day or one excused with a grace token never counts against you."
      error={error}
      pending={false}
      nextLabel="Review"
      onBack={onBack}
      onSubmit={submit}
      focusOnMount={focusOnMount}
    >
      <div className="stack" ref={root}>
        <fieldset className="ladder">
          <legend>The consequence ladder</legend>
          <p className="field-hint">
            Each step fires once a run of skipped days reaches its number. Showing up resets the run.
          </p>
          {rows.length === 0 ? (
            <p className="warning">With no steps, skipped days are recorded but nothing happens.</p>
          ) : (
            <ol className="ladder-list">
              {rows.map((row, index) => (
                <li key={row.key} className="ladder-row">
                  <span className="ladder-index" aria-hidden="true">
                    {index + 1}
                  </span>
                  <InputField
                    label={`Step ${index + 1}: after how many skipped days in a row`}
                    name={`skips-${row.key}`}
                    inputMode="numeric"
                    autoComplete="off"
                    value={row.skips}
                    onChange={(event) => update(row.key, { skips: event.target.value })}
                    error={error?.fields[`skips-${row.key}`]}
                    frameClassName="ladder-skips"
                  />
                  <Frame
                    label={`Step ${index + 1}: what happens`}
                    hint={ACTION_LABELS[row.action].hint}
                    className="ladder-action"
                  >
                    {({ id, describedBy }) => (
                      <select
                        id={id}
                        aria-describedby={describedBy}
                        value={row.action}
                        onChange={(event) => update(row.key, { action: event.target.value as LadderAction })}
                      >
                        {ACTIONS.map((action) => (
                          <option key={action} value={action}>
                            {ACTION_LABELS[action].label}
                          </option>
                        ))}
                      </select>
                    )}
                  </Frame>
                  <button
                    type="button"
                    className="button button-danger-quiet button-small ladder-remove"
                    aria-label={`Remove step ${index + 1}`}
                    onClick={() => setRows((before) => before.filter((other) => other.key !== row.key))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ol>
          )}
          <div className="actions">
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={rows.length >= 20}
              onClick={() => {
                const last = rows.at(-1);
                const skips = last ? Math.min(60, (Number(last.skips) || 0) + 1) : 1;
                setRows((before) => [...before, ...rowsOf([ladderStep(skips, 'notify_witness')])]);
              }}
            >
              Add a step
            </button>
            <button type="button" className="link-button" onClick={() => setRows(rowsOf(defaultLadder()))}>
              Restore the default ladder
            </button>
          </div>
        </fieldset>

        <div className="form-row">
          <InputField
            label="Grace tokens per sprint"
            name="grace"
            inputMode="numeric"
            autoComplete="off"
            value={grace}
            onChange={(event) => setGrace(event.target.value)}
            hint={`Excuse a day you cannot make (default ${DEFAULT_GRACE}). A token spent on a day you then show up for comes back.`}
            error={error?.fields.grace}
          />
          <InputField
            label="Sprint length in days"
            name="sprint"
            inputMode="numeric"
            autoComplete="off"
            value={sprint}
            onChange={(event) => setSprint(event.target.value)}
            hint={`Grace tokens renew every sprint (default ${DEFAULT_SPRINT_DAYS}).`}
            error={error?.fields.sprint}
          />
        </div>
      </div>
    </StepFrame>
  );
}
