import { useRef, useState, type FormEvent } from 'react';
import { createInvitation, listMembers } from '../../../contracts/workspaces.contract.js';
import { isApiError, toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi, useUser } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { useWorkspaces } from '../../lib/workspaces.js';
import { CopyField } from '../copy-field.js';
import { LoadError, Loading } from '../fields.js';
import type { WitnessChoice } from './draft.js';
import { localError, StepFrame } from './step-frame.js';
import { focusFirstInvalid, Frame, InputField } from './ui.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface WitnessStepProps {
  workspaceId: string;
  witness: WitnessChoice;
  focusOnMount: boolean;
  onBack(): void;
  onDone(witness: WitnessChoice): void;
  /** Keep a created link even if they go back before continuing. */
  onInvited(witness: WitnessChoice): void;
}

export function WitnessStep({
  workspaceId,
  witness,
  focusOnMount,
  onBack,
  onDone,
  onInvited,
}: WitnessStepProps) {
  const api = useApi();
  const user = useUser();
  const { workspaces } = useWorkspaces();
  const root = useRef<HTMLDivElement>(null);
  const workspace = workspaces?.find((w) => w.id === workspaceId);
  const canInvite = workspace?.myRoles.includes('organizer') ?? false;
  const members = useQuery(`members:${workspaceId}`, () =>
    api.call(listMembers, { params: { workspaceId } }),
  );
  const others = (members.data?.members ?? [])
    .filter((member) => member.userId !== user.id)
    .sort((a, b) => Number(b.roles.includes('witness')) - Number(a.roles.includes('witness')));

  // Untouched, the choice follows the workspace: someone already in it if there is anyone, else an invitation.
  const [chosenMode, setMode] = useState<WitnessChoice['mode'] | null>(
    witness.mode === 'invite' && !witness.link ? null : witness.mode,
  );
  const mode = chosenMode ?? (others.length > 0 ? 'member' : 'invite');
  const [userId, setUserId] = useState(witness.mode === 'member' ? witness.userId : '');
  const [email, setEmail] = useState(witness.mode === 'invite' ? witness.email : '');
  const [link, setLink] = useState(witness.mode === 'invite' ? witness.link : '');
  const [inviting, setInviting] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const chosenMember = others.find((member) => member.userId === userId) ?? others[0];
  const linkIsFor = link && witness.mode === 'invite' ? witness.email : null;

  const invite = async () => {
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setError(
        localError('Check the email address.', { email: 'Enter their email address, like sam@example.com.' }),
      );
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    setError(null);
    setInviting(true);
    try {
      const created = await api.call(createInvitation, {
        params: { workspaceId },
        body: { role: 'witness', email: address, expiresInDays: 14 },
      });
      const url = new URL(created.url, window.location.origin).href;
      setLink(url);
      onInvited({ mode: 'invite', email: address, link: url });
    } catch (caught) {
      const problem = toFormError(caught, ['email']);
      if (isApiError(caught, 'access.forbidden'))
        problem.message =
          'Only organizers of this workspace can invite people. Ask one of them for a witness link.';
      setError(problem);
    } finally {
      setInviting(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mode === 'none') {
      onDone({ mode: 'none' });
      return;
    }
    if (mode === 'member') {
      if (!chosenMember) {
        setError(
          localError('Nobody else is in this workspace yet. Invite someone, or go on without a witness.'),
        );
        return;
      }
      onDone({
        mode: 'member',
        userId: chosenMember.userId,
        name: chosenMember.displayName,
        email: chosenMember.email,
      });
      return;
    }
    if (!link || linkIsFor !== email.trim()) {
      setError(
        localError('The invitation is not created yet.', {
          email: 'Create the invitation link first, or choose another option.',
        }),
      );
      requestAnimationFrame(() => focusFirstInvalid(root.current));
      return;
    }
    onDone({ mode: 'invite', email: email.trim(), link });
  };

  return (
    <StepFrame
      title="Your witness"
      lead="A witness is a person who looks at your proof at each checkpoint and says yes or no. Someone who will actually look: a friend who ships, a mentor, a cofounder."
      error={error}
      pending={false}
      nextLabel="Continue"
      onBack={onBack}
      onSubmit={submit}
      focusOnMount={focusOnMount}
    >
      <div className="stack-small" ref={root}>
        {members.loading && <Loading label="Loading the workspace’s members…" />}
        {members.error !== undefined && <LoadError error={members.error} onRetry={members.reload} />}
        <fieldset className="choices">
          <legend>Who will witness your checkpoints?</legend>
          <label className="choice">
            <input
              type="radio"
              name="witnessMode"
              value="member"
              checked={mode === 'member'}
              disabled={others.length === 0}
              onChange={() => setMode('member')}
            />
            <span>
              <strong>Someone already in {workspace?.name ?? 'this workspace'}</strong>
              <span className="muted">
                {others.length === 0 && !members.loading
                  ? 'Nobody else is in this workspace yet.'
                  : 'They can start reviewing right away.'}
              </span>
            </span>
          </label>
          {mode === 'member' && others.length > 0 && (
            <div className="choice-detail">
              <Frame label="Witness">
                {({ id }) => (
                  <select
                    id={id}
                    value={chosenMember?.userId ?? ''}
                    onChange={(event) => setUserId(event.target.value)}
                  >
                    {others.map((member) => (
                      <option key={member.userId} value={member.userId}>
                        {member.displayName} ({member.email})
                      </option>
                    ))}
                  </select>
                )}
              </Frame>
            </div>
          )}

          <label className="choice">
            <input
              type="radio"
              name="witnessMode"
              value="invite"
              checked={mode === 'invite'}
              onChange={() => setMode('invite')}
            />
            <span>
              <strong>Invite someone by email</strong>
              <span className="muted">They get a link to join this workspace as a witness.</span>
            </span>
          </label>
          {mode === 'invite' && (
            <div className="choice-detail stack-small">
              {!canInvite && (
                <p className="warning">
                  Only organizers of {workspace?.name ?? 'this workspace'} can invite people. Ask one of them
                  to invite your witness, or choose someone already in it.
                </p>
              )}
              <div className="invite-row">
                <InputField
                  label="Their email"
                  name="email"
                  type="email"
                  autoComplete="off"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  error={error?.fields.email}
                />
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={inviting || !canInvite}
                  aria-busy={inviting || undefined}
                  onClick={() => void invite()}
                >
                  {inviting
                    ? 'Creating link…'
                    : link && linkIsFor === email.trim()
                      ? 'New link'
                      : 'Create invitation link'}
                </button>
              </div>
              {link && linkIsFor === email.trim() && (
                <div className="card card-highlight stack-small" role="status">
                  <CopyField label={`Invitation link for ${linkIsFor}`} value={link} />
                  <p className="field-hint">
                    Send it to them yourself. It works once, for this email only, for 14 days.
                  </p>
                </div>
              )}
              <p className="notice">
                Until they accept, they are not a member, so your commitment cannot name them yet. You do not
                have to wait: if they join before you press Start they are included; otherwise start without
                them and add them to your commitment once they join. Adding a witness takes effect at once.
              </p>
            </div>
          )}

          <label className="choice">
            <input
              type="radio"
              name="witnessMode"
              value="none"
              checked={mode === 'none'}
              onChange={() => setMode('none')}
            />
            <span>
              <strong>No witness for now</strong>
              <span className="muted">
                Your days are still judged; your proof waits until someone can review it.
              </span>
            </span>
          </label>
        </fieldset>
      </div>
    </StepFrame>
  );
}
