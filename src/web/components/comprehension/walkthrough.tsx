import { useEffect, useRef, useState } from 'react';
import { recordWalkthrough } from '../../../contracts/comprehension.contract.js';
import { humanMessage } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import type { ReviewedSince } from './reviewed-since.js';
import { plural } from './tree-model.js';

export interface WalkthroughTarget {
  repositoryId: string;
  path: string;
  unexplainedAiLines: number;
  shas: readonly string[];
}

/** The numbers change only with the next measurement: say so. */
function Reviewed({ path, reviewed }: { path: string; reviewed: ReviewedSince }) {
  const counts = reviewed.commits === 1 ? 'counts' : 'count';
  return (
    <p className="cmp-recorded" role="status" data-testid="reviewed-since">
      <span aria-hidden="true">✓ </span>
      {reviewed.byYou ? (
        <>
          Walkthrough recorded: {plural(reviewed.commits, 'commit')} of <code>{path}</code> now {counts} as
          reviewed by you.
        </>
      ) : (
        <>Reviewed since this measurement ({plural(reviewed.commits, 'commit')}).</>
      )}{' '}
      The un-understood count drops when the builder next runs <code>recital comprehension</code> (or a hook
      sends a new measurement).
    </p>
  );
}

/**
 * A file's walkthrough: "reviewed since" once its commits are reviewed; otherwise, for a witness or
 * organizer, "Mark walkthrough done" in two steps (the first click asks, the second records that the
 * commits owning the file's un-understood lines were walked through with the builder).
 */
export function WalkthroughAction({
  target,
  canRecord,
  reviewed,
  onRecorded,
}: {
  target: WalkthroughTarget;
  canRecord: boolean;
  reviewed: ReviewedSince | undefined;
  onRecorded(path: string, commits: number): void;
}) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const markRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const [justRecorded, setJustRecorded] = useState(false);

  useEffect(() => {
    // Asking moves focus to the confirmation; cancelling (or failing) brings it back to the button.
    if (asking) confirmRef.current?.focus();
    else if (asked.current) markRef.current?.focus();
    asked.current = asking;
  }, [asking]);
  useEffect(() => {
    // The button is gone once recorded: focus moves to the sentence that replaced it.
    if (justRecorded && reviewed) statusRef.current?.focus();
  }, [justRecorded, reviewed]);

  if (reviewed) {
    return (
      <div ref={statusRef} tabIndex={-1} className="cmp-walkthrough">
        <Reviewed path={target.path} reviewed={reviewed} />
      </div>
    );
  }
  if (!canRecord || target.shas.length === 0) return null;

  const record = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await api.call(recordWalkthrough, {
        params: { repositoryId: target.repositoryId },
        body: { path: target.path, shas: [...target.shas] },
      });
      if (result.recorded === 0) {
        setError(
          'Recital has not seen these commits yet, so nothing was recorded. The builder can send them by running recital sync in the clone; then record the walkthrough again.',
        );
      } else {
        setJustRecorded(true);
        onRecorded(target.path, result.recorded);
      }
    } catch (caught) {
      setError(humanMessage(caught));
    } finally {
      setPending(false);
      setAsking(false);
    }
  };

  return (
    <div className="cmp-walkthrough">
      {asking ? (
        <div className="cmp-confirm" role="group" aria-label={`Confirm the walkthrough of ${target.path}`}>
          <p>
            Did you walk through <code>{target.path}</code> with the builder, so that you now understand its{' '}
            {plural(target.unexplainedAiLines, 'un-understood line')} ({plural(target.shas.length, 'commit')}
            )?
          </p>
          <span className="confirm">
            <button
              ref={confirmRef}
              type="button"
              className="button button-primary button-small"
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={() => void record()}
            >
              Yes, record the walkthrough
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={pending}
              onClick={() => setAsking(false)}
            >
              Cancel
            </button>
          </span>
        </div>
      ) : (
        <button
          ref={markRef}
          type="button"
          className="button button-secondary button-small"
          aria-label={`Mark walkthrough done for ${target.path}`}
          onClick={() => setAsking(true)}
        >
          Mark walkthrough done
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
