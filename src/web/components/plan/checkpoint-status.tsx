import type { CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import '../../styles/charts.css';

export type CheckpointStatus = CheckpointDto['status'];

/** Each state has a symbol and a word, never a colour alone. */
export const CHECKPOINT_STATUS: Record<CheckpointStatus, { label: string; symbol: string }> = {
  pending: { label: 'Pending', symbol: '○' },
  submitted: { label: 'Waiting for review', symbol: '◔' },
  approved: { label: 'Approved', symbol: '✓' },
  rejected: { label: 'Rejected', symbol: '↺' },
  missed: { label: 'Missed', symbol: '✕' },
};

export function CheckpointStatusBadge({ status, late }: { status: CheckpointStatus; late: boolean }) {
  const meta = CHECKPOINT_STATUS[status];
  return (
    <span className="cp-badges">
      <span className={`cp-status cp-status-${status}`}>
        <span aria-hidden="true">{meta.symbol}</span> {meta.label}
      </span>
      {late && <span className="cp-status cp-status-late">Late</span>}
    </span>
  );
}
