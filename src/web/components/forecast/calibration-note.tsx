import type { ScheduleResponse } from '../../../contracts/schedule.contract.js';
import { plural } from '../charts/local-dates.js';
import '../../styles/forecast.css';

/** 1.5 → "1.5×". */
function times(factor: number): string {
  return `${Math.round(factor * 100) / 100}×`;
}

/** The calibration factor the calendar was compiled with, and where it came from, in a sentence. */
export function calibrationSentence(calibration: ScheduleResponse['calibration']): string {
  const { factor, source, tasks, historyDays } = calibration;
  const from = `the median of ${plural(tasks, 'timed task')} over ${plural(historyDays, 'judged day')}`;
  switch (source) {
    case 'saved':
      return `Each estimate is planned at ${times(factor)}, the factor the builder set.`;
    case 'history':
      return Math.abs(factor - 1) < 0.05
        ? `Tasks take about as long as estimated (${from}), so estimates are planned as written.`
        : `Tasks take ${times(factor)} their estimates (${from}); this calendar allows for that by planning each at ${times(factor)}.`;
    case 'none':
      return `Estimates are planned as written: too little history yet (${plural(tasks, 'timed task')} over ${plural(historyDays, 'judged day')}) to learn how long tasks really take.`;
  }
}

export function CalibrationNote({ calibration }: { calibration: ScheduleResponse['calibration'] }) {
  return (
    <p className="fc-calibration" data-testid="calibration">
      <span aria-hidden="true">⚖ </span>
      {calibrationSentence(calibration)}
    </p>
  );
}
