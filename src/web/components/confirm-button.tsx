import { useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  /** Names what is affected, for screen readers: "Revoke token laptop". */
  accessibleLabel?: string;
  onConfirm(): Promise<void>;
}

/** A destructive action in two steps, without a modal: the first click asks, the second acts. */
export function ConfirmButton({ label, confirmLabel, accessibleLabel, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button-danger-quiet button-small"
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }

  const confirm = () => {
    setPending(true);
    onConfirm()
      .catch(() => undefined) // callers show their own errors; this only resets the buttons
      .finally(() => {
        setPending(false);
        setAsking(false);
      });
  };

  return (
    <span className="confirm">
      <button
        type="button"
        className="button button-danger button-small"
        disabled={pending}
        onClick={confirm}
      >
        {confirmLabel}
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
  );
}
