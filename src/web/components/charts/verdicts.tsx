import '../../styles/charts.css';

export type Verdict = 'showed_up' | 'skipped' | 'paused' | 'grace';

/** How each verdict reads and looks: a symbol and a word as well as a colour, so colour is never alone. */
export const VERDICTS: Record<Verdict, { label: string; symbol: string; hint: string }> = {
  showed_up: { label: 'Showed up', symbol: '✓', hint: 'work was recorded that day' },
  skipped: { label: 'Skipped', symbol: '✕', hint: 'a planned day with nothing recorded' },
  paused: { label: 'Paused', symbol: '‖', hint: 'a pause arranged in advance' },
  grace: { label: 'Grace', symbol: 'G', hint: 'excused with a grace token' },
};

export const VERDICT_ORDER: readonly Verdict[] = ['showed_up', 'skipped', 'paused', 'grace'];

/** A verdict as a small badge: symbol and word. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const meta = VERDICTS[verdict];
  return (
    <span className={`verdict-badge verdict-${verdict}`}>
      <span aria-hidden="true" className="verdict-symbol">
        {meta.symbol}
      </span>{' '}
      {meta.label}
    </span>
  );
}
