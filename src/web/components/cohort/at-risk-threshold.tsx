import { useId, useState, type FormEvent } from 'react';
import { updateWorkspace, type Workspace } from '../../../contracts/workspaces.contract.js';
import { toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { FormAlert, SubmitButton, TextField } from '../fields.js';
import '../../styles/forecast.css';

/** A whole percent from 1 to 99, or the sentence saying what is wrong. */
function parsePercent(value: string): number | string {
  const text = value.trim().replace(/%$/, '').trim();
  if (!/^\d+$/.test(text)) return 'Enter a whole percent, e.g. 70.';
  const percent = Number(text);
  return percent >= 1 && percent <= 99 ? percent : 'Enter a percent from 1 to 99.';
}

/**
 * The workspace's at-risk threshold, said in words, and (for organizers) a small form to change it.
 * Forecasts are refreshed by the server's sweep, so the at-risk list follows within a minute.
 */
export function AtRiskThreshold({
  workspace,
  onSaved,
}: {
  workspace: Workspace;
  onSaved(message: string): void;
}) {
  const api = useApi();
  const id = useId();
  const [value, setValue] = useState(String(workspace.atRiskBelow));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const organizer = workspace.myRoles.includes('organizer');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const percent = parsePercent(value);
    if (typeof percent === 'string') {
      setError({ message: 'Some fields need attention.', fields: { atRiskBelow: percent }, other: [] });
      return;
    }
    setPending(true);
    setError(null);
    api
      .call(updateWorkspace, { params: { workspaceId: workspace.id }, body: { atRiskBelow: percent } })
      .then((updated) => {
        setPending(false);
        setValue(String(updated.atRiskBelow));
        onSaved(
          `At-risk threshold set to ${updated.atRiskBelow}%. Forecasts are refreshed within a minute, and the list follows.`,
        );
      })
      .catch((caught: unknown) => {
        setPending(false);
        setError(toFormError(caught, ['atRiskBelow']));
      });
  };

  return (
    <div className="fc-threshold">
      <p data-testid="at-risk-threshold">
        A checkpoint is at risk when its chance of holding by its due date is under{' '}
        <strong>{workspace.atRiskBelow}%</strong>. Its builder and witnesses are told once when it drops
        under.
      </p>
      {organizer && (
        <form className="form fc-threshold-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`} className="visually-hidden">
            Change the at-risk threshold
          </h3>
          <FormAlert error={error} />
          <TextField
            label="At-risk threshold (%)"
            name="atRiskBelow"
            inputMode="numeric"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={error?.fields.atRiskBelow}
          />
          <SubmitButton pending={pending}>{pending ? 'Saving…' : 'Save threshold'}</SubmitButton>
        </form>
      )}
    </div>
  );
}
