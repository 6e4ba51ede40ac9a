import type { Days } from '../../../contracts/days.contract.js';
import '../../styles/charts.css';

export type Health = Days['health']['state'];

export const HEALTH: Record<Health, { label: string; symbol: string; meaning: string }> = {
  on_track: { label: 'On track', symbol: '✓', meaning: 'planned days are being worked' },
  slipping: { label: 'Slipping', symbol: '!', meaning: 'recent planned days were skipped' },
  stalled: { label: 'Stalled', symbol: '✕', meaning: 'planned days in a row were skipped; a re-plan is due' },
};

/** Health as a badge: symbol and word, with the colour only as a third signal. */
export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`health health-${health}`}>
      <span aria-hidden="true">{HEALTH[health].symbol}</span> {HEALTH[health].label}
    </span>
  );
}
