import '../../styles/checkpoint.css';
import { HEALTH_LABELS, STATUS_LABELS, type CheckpointStatus, type Health } from './format.js';

/** A checkpoint's state as a word and a symbol (and a colour, never alone). */
export function StatusBadge({ status }: { status: CheckpointStatus }) {
  const { label, symbol } = STATUS_LABELS[status];
  return (
    <span className={`status cp-status cp-status-${status}`} data-status={status}>
      <span aria-hidden="true" className="cp-symbol">
        {symbol}
      </span>{' '}
      {label}
    </span>
  );
}

export function LateBadge() {
  return (
    <span className="status cp-status cp-status-late">
      <span aria-hidden="true" className="cp-symbol">
        ⏱
      </span>{' '}
      Late
    </span>
  );
}

export function HealthBadge({ health }: { health: Health }) {
  const { label, symbol } = HEALTH_LABELS[health];
  return (
    <span className={`status cp-health cp-health-${health}`}>
      <span aria-hidden="true" className="cp-symbol">
        {symbol}
      </span>{' '}
      {label}
    </span>
  );
}

const CHECK_LABELS = {
  passed: { label: 'Check passed', symbol: '✓' },
  failed: { label: 'Check failed', symbol: '✕' },
  skipped: { label: 'Not checked', symbol: '–' },
} as const;

/** A pre-check's outcome: what Recital verified before a person looks. */
export function CheckResult({ status, detail }: { status: keyof typeof CHECK_LABELS; detail: string }) {
  const { label, symbol } = CHECK_LABELS[status];
  return (
    <span className={`cp-check cp-check-${status}`}>
      <span aria-hidden="true" className="cp-symbol">
        {symbol}
      </span>{' '}
      <strong>{label}</strong>
      {detail ? `: ${detail}` : ''}
    </span>
  );
}
