// uPlot and its stylesheet load with this module only, which the trend chart imports lazily.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrendPoint } from '../../../contracts/comprehension.contract.js';
import { dateToSeconds, formatDate, secondsToDate } from '../charts/local-dates.js';
import { useElementWidth } from '../charts/use-width.js';
import { formatCount } from './tree-model.js';

const DAY = 86_400;

function heightFor(width: number): number {
  return width < 480 ? 200 : 240;
}

/** Coverage in percent on the left axis, un-understood lines on the right, one point per period. */
export function TrendCanvas({ points }: { points: readonly TrendPoint[] }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const width = useElementWidth(container);
  const measured = width > 0;

  useEffect(() => {
    const element = container.current;
    if (!element || !measured) return;
    const initialWidth = Math.floor(element.clientWidth);
    const css = getComputedStyle(element);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const success = color('--success', '#1c6536');
    const danger = color('--danger', '#a32228');
    const muted = color('--muted', '#59616b');
    const border = color('--border', '#dcdfe3');
    const font = css.fontFamily || 'system-ui, sans-serif';
    const data: uPlot.AlignedData = [
      points.map((p) => dateToSeconds(p.periodStart)),
      points.map((p) => Math.round(p.coverage * 1000) / 10),
      points.map((p) => p.unexplainedAiLines),
    ];
    const axis = {
      stroke: muted,
      font: `12px ${font}`,
      grid: { stroke: border, width: 1 },
      ticks: { stroke: border, width: 1 },
    };
    const options: uPlot.Options = {
      width: initialWidth,
      height: heightFor(initialWidth),
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
          incrs: [DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 91 * DAY, 182 * DAY, 364 * DAY],
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
    const created = new uPlot(options, data, element);
    plot.current = created;
    return () => {
      created.destroy();
      if (plot.current === created) plot.current = null;
    };
  }, [points, measured]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height: heightFor(width) });
  }, [width]);

  return <div ref={container} className="burnup-canvas" data-testid="trend-canvas" />;
}
