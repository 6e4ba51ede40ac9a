// uPlot and its stylesheet load with this module only, which the trend chart imports lazily.
import uPlot from 'uplot';
import type { TrendPoint } from '../../../contracts/comprehension.contract.js';
import { dateToSeconds, formatDate, secondsToDate } from '../charts/local-dates.js';
import { DATE_INCREMENTS, DAY, useUplot } from '../charts/use-uplot.js';
import { formatCount } from './tree-model.js';

function heightFor(width: number): number {
  return width < 480 ? 200 : 240;
}

/** Coverage in percent on the left axis, un-understood lines on the right, one point per period. */
export function TrendCanvas({ points }: { points: readonly TrendPoint[] }) {
  const container = useUplot(
    ({ color, font, axis }) => {
      const success = color('--success', '#1c6536');
      const danger = color('--danger', '#a32228');
      const data: uPlot.AlignedData = [
        points.map((p) => dateToSeconds(p.periodStart)),
        points.map((p) => Math.round(p.coverage * 1000) / 10),
        points.map((p) => p.unexplainedAiLines),
      ];
      const options: Omit<uPlot.Options, 'width' | 'height'> = {
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: (_u, min, max) => (min === max ? [min - DAY, max + DAY] : [min, max]) },
          percent: { range: [0, 100] },
          lines: { range: (_u, _min, max) => [0, Math.max(10, Math.ceil(max * 1.1))] },
        },
        series: [
          {
            label: 'Period',
            value: (_u, v: number | null) => (v === null ? '–' : formatDate(secondsToDate(v))),
          },
          {
            label: 'Coverage',
            scale: 'percent',
            stroke: success,
            width: 2.5,
            points: { show: true, size: 7 },
            value: (_u, v: number | null) => (v === null ? '–' : `${v}%`),
          },
          {
            label: 'Un-understood lines',
            scale: 'lines',
            stroke: danger,
            width: 2,
            dash: [7, 5],
            points: { show: true, size: 6 },
            value: (_u, v: number | null) => (v === null ? '–' : formatCount(v)),
          },
        ],
        axes: [
          {
            ...axis,
            space: 70,
            incrs: DATE_INCREMENTS.filter((step) => step !== 2 * DAY),
            values: (_u, splits) => splits.map((s) => formatDate(secondsToDate(s), { weekday: false })),
          },
          {
            ...axis,
            scale: 'percent',
            label: 'Coverage %',
            labelFont: `600 12px ${font}`,
            labelSize: 20,
            values: (_u, splits) => splits.map((s) => `${s}%`),
          },
          {
            ...axis,
            scale: 'lines',
            side: 1,
            grid: { show: false },
            label: 'Un-understood',
            labelFont: `600 12px ${font}`,
            labelSize: 20,
            values: (_u, splits) => splits.map((s) => formatCount(s)),
          },
        ],
      };
      return { options, data };
    },
    heightFor,
    [points],
  );
  return <div ref={container} className="burnup-canvas" data-testid="trend-canvas" />;
}
